using System.Text.Json.Nodes;
using Isms.Bot.Tests.Approvals;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Procedures;

/// <summary>
/// 例外措置申請 is filed by a 情報セキュリティ管理者 or 情報システム管理者 (7.4(1)). The role is checked when the form starts
/// and again, on the server, when it is sent: a role that ended in between refuses the send with the same words as at the
/// start, and the answers stay as the person's draft.
/// </summary>
public sealed class ApplicantRoleAtSendFacts : TempDataDirectory
{
    private const string SatosRole = "    phone: 内線 2102\n    roles:\n      - role: SecurityManager\n";

    private static (string, string)[] Answers(BotHost host) =>
    [
        ("rule", "6.1(17)② ソフトウェアの導入の許可"), ("situation", "指令システムの更新作業で業者の診断ツールを使う必要がある"),
        ("measureKind", "alternative"), ("measure", "作業中は業者に職員が立ち会い、終了後にツールを削除する"), ("timing", "planned"),
        ("reason", "更新を止めると119番の受付に支障が出るため"), ("startDate", host.Day(0)), ("endDate", host.Day(30)),
    ];

    [Fact]
    public async Task AManagerWhoseRoleEndedBeforeSending_IsRefusedAtSend_KeepsTheDraft_AndSendsItOnceTheRoleIsBack()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var start = Texts(await host.Say(SampleStaff.Yamada, "例外措置申請")).Single();
        var confirmation = await FillToConfirmation(host);
        var directoryFile = Path.Combine(DataDirectory, "org-directory.yaml");
        var withRole = await File.ReadAllTextAsync(directoryFile);
        Assert.Contains(SatosRole, withRole, StringComparison.Ordinal);
        // Her role ends (and with it her stand-in's, the directory's only deputy).
        var withoutRole = withRole.Replace(SatosRole, "    phone: 内線 2102\n", StringComparison.Ordinal);
        await SetDirectory(host, directoryFile, withoutRole[..withoutRole.IndexOf("\ndeputies:", StringComparison.Ordinal)] + "\n");

        var refused = Texts(await host.Post(CardSubmit(SampleStaff.Sato, FormConversation.SubmitValue(confirmation, "送信")))).Single();

        Assert.StartsWith("例外措置申請は情報セキュリティ管理者または情報システム管理者が行います（根拠: 7.4(1)）。", refused, StringComparison.Ordinal);
        Assert.StartsWith("例外措置申請は情報セキュリティ管理者または情報システム管理者が行います（根拠: 7.4(1)）。", start, StringComparison.Ordinal);
        Assert.Contains("鈴木 一郎さんにご相談ください。", refused, StringComparison.Ordinal);
        Assert.Contains("入力した内容は下書きとして残っています。", refused, StringComparison.Ordinal);
        Assert.Empty(ReplyCards(host.LastReplies));
        Assert.DoesNotContain(host.Records.ListByApplicant(SampleStaff.Sato.Id, 50), r => r.Kind == ExceptionMeasureRequestDefinition.Kind);
        var draft = host.Get<FormDraftStore>().FindByOwner(SampleStaff.Sato.Id, ExceptionMeasureRequestDefinition.Kind);
        Assert.Equal("更新を止めると119番の受付に支障が出るため", draft?.Answers["reason"]);

        await SetDirectory(host, directoryFile, withRole);
        var replies = await host.Post(CardSubmit(SampleStaff.Sato, FormConversation.SubmitValue(confirmation, "送信")));

        var number = FormConversation.Facts(ReplyCards(replies).First(c => FormConversation.Facts(c).ContainsKey("受付番号")))["受付番号"];
        Assert.Equal("更新を止めると119番の受付に支障が出るため", host.Record(number).Answers["reason"].Value);
        Assert.Null(host.Get<FormDraftStore>().FindByOwner(SampleStaff.Sato.Id, ExceptionMeasureRequestDefinition.Kind));
    }

    private static async Task<JsonObject> FillToConfirmation(BotHost host)
    {
        var replies = await host.Say(SampleStaff.Sato, "例外措置申請");
        return await FormConversation.FillIn(ReplyCards(replies).Last(), Answers(host),
            async value => ReplyCards(await host.Post(CardSubmit(SampleStaff.Sato, value))).Last());
    }

    private static async Task SetDirectory(BotHost host, string path, string text)
    {
        await File.WriteAllTextAsync(path, text);
        Assert.True(host.Get<OrgDirectoryService>().Reload());
    }
}
