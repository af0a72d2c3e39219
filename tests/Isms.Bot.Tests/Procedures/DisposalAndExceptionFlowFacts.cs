using System.Text.Json.Nodes;
using Isms.Bot.Tests.Approvals;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Testing;
using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;
using static Isms.Bot.Tests.Procedures.SampleStaff;

namespace Isms.Bot.Tests.Procedures;

/// <summary>
/// 廃棄・リース返却申請 (2(2)⑩) and 例外措置申請 (7.4(1)) through the real host with the sample directory: who permits
/// them, the record of what was done, who may file a 例外措置, its end date, 終了 and 延長申請, and an emergency measure
/// reported after it was taken (7.4(2)).
/// </summary>
public sealed class DisposalAndExceptionFlowFacts : TempDataDirectory
{
    private static (string, string)[][] Disposal(BotHost host) =>
    [[
        ("disposalKind", "dispose"), ("assetKind", "media"), ("asset", "USBメモリ USB-012"), ("confidentiality", "3A"),
        ("plannedMethod", "physical"), ("plannedDate", host.Day(0)), ("plannedBy", "警防課 山田"),
    ]];

    private static (string, string)[][] Exception(BotHost host, int endInDays, int startInDays = 0) =>
    [[
        ("rule", "6.1(17)② ソフトウェアの導入の許可"), ("situation", "指令システムの更新作業で業者の診断ツールを使う必要がある"),
        ("measureKind", "alternative"), ("measure", "作業中は業者に職員が立ち会い、終了後にツールを削除する"), ("timing", "planned"),
        ("reason", "更新を止めると119番の受付に支障が出るため"), ("startDate", host.Day(startInDays)), ("endDate", host.Day(endInDays)),
    ]];

    /// <summary>An emergency measure already taken (7.4(2)), reported afterwards.</summary>
    private static (string, string)[][] Emergency(BotHost host, int takenDaysAgo) =>
    [[
        ("rule", "6.2(2)⑥ 外部記録媒体の利用の許可"), ("situation", "指令システムの障害で、許可のないUSBメモリで設定を戻す必要があった"),
        ("measureKind", "not_implement"), ("measure", "ウイルス検査をしてから使い、作業後にデータを消去した"), ("timing", "taken"),
        ("reason", "119番の受付を止めないため、許可を待てなかった"), ("takenOn", host.Day(-takenDaysAgo)), ("endDate", host.Day(7)),
    ]];

    [Fact]
    public async Task ADisposal_IsPermittedByTheManager_ThenTheApplicantRecordsWhatWasDone_AndTheManagerIsTold()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var number = await host.FileAsync(SampleStaff.Yamada, "廃棄申請", Disposal(host));
        Assert.StartsWith("廃棄-2026-", number);
        Assert.Equal(["佐藤 花子"], host.Get<ApprovalService>().Find(host.Record(number).Id)!.CurrentDeciderNames);
        await host.DecideAsync(SampleStaff.Sato, number, "承認");
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);

        var card = ReplyCards(await host.Say(SampleStaff.Yamada, "廃棄記録")).Last();
        AdaptiveCardValidator.AssertValid(card);
        Assert.True(CardHeight.FitsOneScreen(card));
        Assert.Contains(number, FormConversation.AllText(card));

        // Someone else pressing the applicant's button is refused and nothing changes.
        var refused = Texts(await host.Post(CardSubmit(SampleStaff.Suzuki, Done(card, host.Day(0), "警防課 山田", "physical")))).Single();
        Assert.Contains("申請者本人だけ", refused);
        var future = Texts(await host.Post(CardSubmit(SampleStaff.Yamada, Done(card, host.Day(1), "警防課 山田", "physical")))).Single();
        Assert.Contains("今日より後の日付は指定できません", future);
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);

        var done = Texts(await host.Post(CardSubmit(SampleStaff.Yamada, Done(card, host.Day(0), "警防課 山田", "physical")))).First();

        Assert.Contains("記録しました", done);
        var record = host.Record(number);
        Assert.Equal(RequestStatus.Closed, record.Status);
        Assert.Equal(("警防課 山田", "物理的に破壊する（穴あけ・破砕）"), (record.Answers["doneBy"].Display, record.Answers["doneMethod"].Display));
        Assert.Equal(host.Day(0), record.Answers["doneOn"].Value);
        Assert.Contains(host.Get<AuditTrail>().Entries(), e => e.Event.Action == "DisposalRecorded" && e.Event.RecordNumber == number);
        Assert.Contains(host.Connector.Received, r => r.ConversationId == PersonalConversationId(SampleStaff.Sato)
            && ApprovalHost.Json(r.Activity).Contains("廃棄・返却の実施記録", StringComparison.Ordinal) && ApprovalHost.Json(r.Activity).Contains(number, StringComparison.Ordinal));
        var again = Texts(await host.Post(CardSubmit(SampleStaff.Yamada, Done(card, host.Day(0), "別人", "erase")))).Single();
        Assert.Contains("記録済み", again);
    }

    [Fact]
    public async Task AnExceptionMeasure_CannotBeFiledByStaffWithoutTheRole_WhoAreToldWhomToAsk()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);

        var reply = Texts(await host.Say(SampleStaff.Yamada, "例外措置申請")).Single();

        Assert.Contains("情報セキュリティ管理者または情報システム管理者が行います", reply);
        Assert.Contains("佐藤 花子さん", reply);
        Assert.Empty(ReplyCards(host.LastReplies));
    }

    [Fact]
    public async Task AnExceptionMeasure_GoesToTheCiso_AndItsEndDateMustBeAfterToday()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        await Assert.ThrowsAnyAsync<Exception>(() => host.FileAsync(SampleStaff.Sato, "例外措置申請", Exception(host, 0)));
        Assert.Contains("明日以降の日付を選んでください", FormConversation.AllText(ReplyCards(host.LastReplies).Last()));

        var number = await host.FileAsync(SampleStaff.Suzuki, "例外措置申請", Exception(host, 30));

        Assert.StartsWith("例外-2026-", number);
        Assert.Equal(["田中 三郎"], host.Get<ApprovalService>().Find(host.Record(number).Id)!.CurrentDeciderNames);
        Assert.Contains("7.4(1)", host.Record(number).AppliedClauses);
    }

    [Fact]
    public async Task AnExtension_StartsFromTheOldAnswers_AndItsApprovalClosesTheOldMeasure_WhileEndIsRecordedAndToldToTheCiso()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var first = await host.FileAsync(SampleStaff.Sato, "例外措置申請", Exception(host, 10));
        await host.DecideAsync(SampleStaff.Tanaka, first, "承認");

        var list = ReplyCards(await host.Say(SampleStaff.Sato, "例外措置一覧")).Last();
        AdaptiveCardValidator.AssertValid(list);
        var pressed = await host.Post(CardSubmit(SampleStaff.Sato, FormConversation.SubmitValue(list, "延長申請")));
        var form = ReplyCards(pressed).LastOrDefault() ?? throw new InvalidOperationException(string.Join(" / ", Texts(pressed)) + string.Join("\n", host.Logs.Where(l => l.Exception is not null).Select(l => l.Exception)));
        var confirmation = await FormConversation.FillIn(form, [("startDate", host.Day(0)), ("endDate", host.Day(60))],
            async value => ReplyCards(await host.Post(CardSubmit(SampleStaff.Sato, value))).Last());
        var replies = await host.Post(CardSubmit(SampleStaff.Sato, FormConversation.SubmitValue(confirmation, "送信")));
        var renewal = FormConversation.Facts(ReplyCards(replies).First(c => FormConversation.Facts(c).ContainsKey("受付番号")))["受付番号"];
        Assert.Equal(first, host.Record(renewal).Answers["renewalOf"].Value);
        Assert.Equal(RequestStatus.Approved, host.Record(first).Status);

        await host.DecideAsync(SampleStaff.Tanaka, renewal, "承認");

        Assert.Equal(RequestStatus.Closed, host.Record(first).Status);
        Assert.Equal(RequestStatus.Approved, host.Record(renewal).Status);

        list = ReplyCards(await host.Say(SampleStaff.Sato, "例外措置一覧")).Last();
        var closed = Texts(await host.Post(CardSubmit(SampleStaff.Sato, FormConversation.SubmitValue(list, "終了")))).First();
        Assert.Contains("終了を記録しました", closed);
        Assert.Equal(RequestStatus.Closed, host.Record(renewal).Status);
        Assert.Contains(host.Get<AuditTrail>().Entries(), e => e.Event.Action == "ExceptionClosed" && e.Event.RecordNumber == renewal);
    }

    [Fact]
    public async Task AnEmergencyMeasureAlreadyTaken_IsReportedAfterTheFact_AndTheCisosCardSaysSo()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        // A measure still to be taken cannot start in the past (7.4(1): the CISO permits first) ...
        await Assert.ThrowsAnyAsync<Exception>(() => host.FileAsync(SampleStaff.Sato, "例外措置申請", Exception(host, 30, startInDays: -2)));
        Assert.Contains("過去の日付は指定できません", FormConversation.AllText(ReplyCards(host.LastReplies).Last()));
        // ... one already taken in an emergency gives the day it was taken, which cannot be ahead (each try by
        // someone else: a refused form stays as the person's draft).
        await Assert.ThrowsAnyAsync<Exception>(() => host.FileAsync(SampleStaff.Suzuki, "例外措置申請", Emergency(host, -1)));
        Assert.Contains("今日より後の日付は指定できません", FormConversation.AllText(ReplyCards(host.LastReplies).Last()));

        var number = await host.FileAsync(SampleStaff.Nakamura, "例外措置申請", Emergency(host, 2));

        var record = host.Record(number);
        Assert.Equal(("例外措置の事後報告", host.Day(-2)), (record.Title, record.Answers["takenOn"].Value));
        Assert.DoesNotContain("startDate", record.Answers.Keys);
        Assert.Contains("7.4(2)", record.AppliedClauses);
        Assert.Contains("事後報告", record.NextStep);
        await host.SayThroughConnector(SampleStaff.Tanaka, "承認待ち");
        var toCiso = host.CardsPostedTo(PersonalConversationId(SampleStaff.Tanaka)).Last(c => ApprovalHost.Json(c.Card).Contains(number, StringComparison.Ordinal)).Card;
        AdaptiveCardValidator.AssertValid(toCiso);
        Assert.Contains("例外措置の事後報告の承認依頼", FormConversation.AllText(toCiso));
        var json = ApprovalHost.Json(toCiso);
        Assert.Contains("緊急のため、既に講じた（事後の報告）", json);
        Assert.Contains("講じた日", json);
        Assert.Equal(["田中 三郎"], host.Get<ApprovalService>().Find(record.Id)!.CurrentDeciderNames);

        // A measure filed the ordinary way is still a request, not a report.
        var ordinary = host.Record(await host.FileAsync(SampleStaff.Saito, "例外措置申請", Exception(host, 30)));
        Assert.Equal("例外措置申請", ordinary.Title);
        Assert.DoesNotContain("7.4(2)", ordinary.AppliedClauses);
    }

    private static JsonObject Done(JsonObject card, string on, string by, string method)
    {
        var value = FormConversation.SubmitValue(card, "記録する");
        value["doneOn"] = on;
        value["doneBy"] = by;
        value["doneMethod"] = method;
        return value;
    }
}
