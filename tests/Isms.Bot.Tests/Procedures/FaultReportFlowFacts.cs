using Isms.Bot.Tests.Approvals;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Procedures.SampleStaff;

namespace Isms.Bot.Tests.Procedures;

/// <summary>
/// 障害報告 (6.1(7)) through the real host with the sample directory: a fault goes to the 情報システム管理者 of the system
/// the reporter picked, who confirms it with the result, and it is kept as a 障害記録 of its own (not an incident).
/// </summary>
public sealed class FaultReportFlowFacts : TempDataDirectory
{
    private (string, string)[] FirstStep(BotHost host, string system) =>
    [
        ("system", system), ("equipment", "総務課 PC-0456"), ("occurredDate", host.Day(0)), ("occurredTime", "08:45"),
        ("symptom", "stopped"), ("description", "文書管理システムにログインできず、「サーバーに接続できません」と表示される"),
    ];

    private static readonly (string, string)[] SecondStep =
        [("suspicious", "no"), ("scope", "wide"), ("businessImpact", "起案文書が回せない"), ("actionsTaken", "なし")];

    [Fact]
    public async Task AFaultOfTheDocumentSystem_GoesToItsAdministrator_WhoConfirmsItWithTheResult()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        await host.Say(Yamada, "ヘルプ");

        var number = await host.FileAsync(Yamada, "障害報告", FirstStep(host, "文書管理システム"), SecondStep);

        Assert.StartsWith("障害-2026-", number);
        var record = host.Record(number);
        Assert.Equal((RequestStatus.Submitted, false), (record.Status, record.IsIncident));
        var waiting = host.Get<ApprovalService>().Find(record.Id)!;
        Assert.Equal(("情報システム管理者", "6.1(7)"), (waiting.CurrentStepLabel, waiting.CurrentClause));
        Assert.Equal(["斎藤 健一"], waiting.CurrentDeciderNames);

        var decided = await host.DecideAsync(Saito, number, "確認", "サーバーのサービスを再起動して9時10分に復旧");

        Assert.Contains("確認済み（斎藤 健一さん", ApprovalHost.Json(decided));
        record = host.Record(number);
        Assert.Equal(RequestStatus.Acknowledged, record.Status);
        Assert.Contains(record.History, h => h.Note?.Contains("サーバーのサービスを再起動して9時10分に復旧", StringComparison.Ordinal) == true);
        var audit = host.Get<AuditTrail>().Entries(record.Id).Select(e => (e.Event.Action, e.Event.Clause)).ToList();
        Assert.Contains(("ApprovalRequested", "6.1(7)"), audit);
        Assert.Contains(("Acknowledged", "6.1(7)"), audit);
        Assert.Contains(host.Connector.Received, r => r.ConversationId == TeamsActivities.PersonalConversationId(Yamada)
            && ((string?)r.Activity["text"])?.Contains($"障害報告（{number}）を斎藤 健一さんが確認しました", StringComparison.Ordinal) == true);

        var status = await host.Say(Yamada, "申請状況");
        var card = TeamsActivities.ReplyCards(status).Single();
        Assert.Contains($"{number}　障害報告", AllText(card));
        Assert.Equal(RequestStatus.Acknowledged.Label(), Facts(card)["状態"]);
    }

    [Fact]
    public async Task AFaultOfAnUnknownSystem_GoesToTheNetworkAdministrator_AndTheReporterIsToldWhy()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);

        var number = await host.FileAsync(Yamada, "障害報告", FirstStep(host, "unknown"), SecondStep);

        // Said in the one receipt that answers the submission.
        Assert.Contains("対象のシステムが「分からない・その他」とのことなので、ネットワークの情報システム管理者に回しました。", QuestionFacts.CardTexts(Assert.Single(TeamsActivities.ReplyCards(host.LastReplies))));
        var waiting = host.Get<ApprovalService>().Find(host.Record(number).Id)!;
        Assert.Equal(["鈴木 一郎"], waiting.CurrentDeciderNames);
        Assert.Equal("分からない・その他", host.Record(number).Answers["system"].Display);
    }

    [Fact]
    public async Task OnlyTheAdministratorOfThatSystem_MayConfirmIt()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var number = await host.FileAsync(Yamada, "障害報告", FirstStep(host, "消防指令システム"), SecondStep);
        await host.SayThroughConnector(Nakamura, "承認待ち");
        var card = host.CardsPostedTo(TeamsActivities.PersonalConversationId(Nakamura)).Last().Card;

        var (_, refused) = await host.Invoke(Suzuki, card, "確認");

        Assert.Contains("情報システム管理者（中村 誠）", refused.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        Assert.Equal(RequestStatus.Submitted, host.Record(number).Status);
        await host.Invoke(Nakamura, card, "確認");
        Assert.Equal(RequestStatus.Acknowledged, host.Record(number).Status);
    }
}
