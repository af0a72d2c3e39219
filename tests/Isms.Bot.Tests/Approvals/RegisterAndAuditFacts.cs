using System.Text;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Audit;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Approvals.ApprovalFlowFacts;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// What follows an approval, through the real host: the クラウド台帳 (8.3(5)③ / 8.4(2)②), the 返却 step of a
/// 持ち出し (持ち込み, 5.1(1)⑤), and 監査ログ検証 / 監査ログ出力 for the roles that audit (9.1, 9.2).
/// </summary>
public sealed class RegisterAndAuditFacts : TempDataDirectory
{
    /// <summary>警防課の情報セキュリティ責任者: decides 8.4 クラウド利用申請 of 警防課.</summary>
    private static readonly TeamsUser Suzuki = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");

    /// <summary>統括情報セキュリティ責任者.</summary>
    private static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    /// <summary>CISO.</summary>
    private static readonly TeamsUser Tanaka = new("29:tanaka-dir", "田中 三郎", "00000000-0000-4000-8000-000000000005");

    [Fact]
    public async Task AnApprovedCloudService_IsInTheRegister_ThatEveryoneMayView()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        var reader = new FormConversation(client, TestStaffDirectory.NewMember("林 翔太"));
        await reader.Say("クラウド台帳");
        Assert.Contains("承認済みのクラウドサービスはまだありません。", AllText(reader.Card));

        await host.Say(Suzuki, "ヘルプ");
        var applicant = new FormConversation(client, Applicant);
        await applicant.Say("クラウド利用申請");
        await applicant.FillIn(("serviceName", "kintone"), ("provider", "サイボウズ株式会社"), ("purpose", "訓練の出欠管理"),
            ("dataDescription", "訓練の日程"), ("confidentiality", "1"), ("users", "警防課の職員"), ("termsChecked", "true"), ("serviceManagerPublic", "警防課 山田 太郎"));
        await applicant.Press("送信");
        var number = Facts(applicant.Card)["受付番号"];
        var decisionCard = AttachedCard(connector.Received.Single(r => r.ConversationId == PersonalConversationId(Suzuki)).Activity);

        await reader.Say("クラウド台帳");
        Assert.DoesNotContain("kintone", AllText(reader.Card));

        await host.Invoke(Suzuki, decisionCard, "承認");
        await reader.Say("クラウド台帳");
        var card = reader.Card;
        AdaptiveCardValidator.AssertValid(card);
        Assert.Contains("kintone", CardTexts(card));
        var facts = Facts(card);
        Assert.Equal("訓練の出欠管理", facts["利用目的"]);
        Assert.Equal("機密性1まで", facts["機密性"]);
        Assert.Equal("鈴木 一郎さん", facts["承認者"]);
        Assert.Equal("8.4(2)②", facts["根拠"]);
        Assert.Equal(number, facts["申請番号"]);
        Assert.StartsWith($"{BotHost.Today.Year}年", facts["承認日"]);
    }

    [Fact]
    public async Task AnApprovedTakeout_IsReturnedOnceByItsHolder_AndRecordedAs持ち込み()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        var number = await FileTakeout(client);
        var applicant = new FormConversation(client, Applicant);
        await applicant.Say("返却");
        Assert.DoesNotContain("返却しました", ButtonTitles(applicant.Card)); // not approved yet

        await host.Invoke(Approver, AttachedCard(Assert.Single(connector.Received).Activity), "承認");
        await applicant.Say("返却");
        var list = applicant.Card;
        AdaptiveCardValidator.AssertValid(list);
        Assert.Contains($"{number}　持ち出し申請", CardTexts(list));
        Assert.Equal("USB-012", Facts(list)["資産番号・管理番号"]);

        var other = new FormConversation(client, TestStaffDirectory.NewMember("池田 誠司"));
        await other.Send(SubmitValue(list, "返却しました"));
        Assert.Contains("申請者本人と、記録を管理する所属の情報セキュリティ管理者", Assert.Single(other.Texts));
        var store = host.Services.GetRequiredService<IRequestStore>();
        Assert.Null(store.FindByNumber(number)!.ReturnedAt);

        var toManager = connector.Received.Count;
        await applicant.Press("返却しました");
        Assert.Contains($"{number}の返却（持ち込み）を", Assert.Single(applicant.Texts));
        // 5.1(1)⑤: the 管理者 keeps the record; the return reaches them with 返却を確認.
        var keeperCard = AttachedCard(Assert.Single(connector.Received.Skip(toManager), r => r.ConversationId == PersonalConversationId(Approver)).Activity);
        AdaptiveCardValidator.AssertValid(keeperCard);
        Assert.Contains(number, CardTexts(keeperCard).Single(t => t.Contains("持ち出し申請", StringComparison.Ordinal)));
        var record = store.FindByNumber(number)!;
        Assert.NotNull(record.ReturnedAt);
        Assert.Equal(RequestStatus.Closed, record.Status);
        Assert.Contains(record.History, h => h.Action == "CheckedIn" && h.Note!.Contains("5.1(1)⑤"));
        var audit = host.Services.GetRequiredService<AuditTrail>().Entries(record.Id);
        Assert.Contains(audit, e => e.Event.Action == "CheckedIn" && e.Event.Clause == "5.1(1)⑤");

        await applicant.Send(SubmitValue(list, "返却しました"));
        Assert.Contains("返却済みです", Assert.Single(applicant.Texts));
        await applicant.Say("返却");
        Assert.DoesNotContain("返却しました", ButtonTitles(applicant.Card));
        await applicant.Say("申請状況");
        Assert.True(Facts(applicant.Card).ContainsKey("返却（持ち込み）"));
        Assert.Equal("情報セキュリティ管理者の確認待ち", Facts(applicant.Card)["返却の確認"]);

        var manager = new FormConversation(client, Approver);
        await manager.Send(SubmitValue(keeperCard, "返却を確認"));
        Assert.Contains($"{number}の返却を確認し", Assert.Single(manager.Texts));
        Assert.Equal("佐藤 花子", store.FindByNumber(number)!.ReturnConfirmedBy);
        await applicant.Say("申請状況");
        Assert.EndsWith("（佐藤 花子さん）", Facts(applicant.Card)["返却の確認"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditCommands_AreForAuditors_VerifyFindsAnEditedEntry_AndExportWritesTheCsv()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;
        await FileTakeout(client);

        var staff = new FormConversation(client, Applicant);
        await staff.Say("監査ログ検証");
        Assert.Contains("CISO", Assert.Single(staff.Texts));
        await staff.Say("監査ログ出力");
        Assert.Empty(ReplyCards(staff.Replies));
        Assert.False(Directory.Exists(Path.Combine(DataDirectory, AuditFileExport.FolderName)));

        var chief = new FormConversation(client, Takahashi);
        await chief.Say("監査ログ検証");
        Assert.Contains("正常です", Assert.Single(chief.Texts));

        var ciso = new FormConversation(client, Tanaka);
        await ciso.Say("監査ログ出力");
        AdaptiveCardValidator.AssertValid(ciso.Card);
        var facts = Facts(ciso.Card);
        var file = Path.Combine(DataDirectory, AuditFileExport.FolderName, facts["ファイル名"]);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("連番,日時", lines[0]);
        Assert.Equal(int.Parse(facts["件数"].TrimEnd('件')), lines.Length - 1);
        Assert.Contains(host.Services.GetRequiredService<AuditTrail>().Entries(), e => e.Event.Action == "AuditExported" && e.Event.ActorId == "E0005");

        var entries = host.Services.GetRequiredService<IsmsDatabase>().Collection<BsonDocument>("audit_trail");
        var first = entries.FindById(1);
        first["Detail"] = "書き換え";
        entries.Update(first);
        await chief.Say("監査ログ検証");
        var broken = Assert.Single(chief.Texts);
        Assert.Contains("異常があります", broken);
        Assert.Contains("連番1", broken);
    }
}
