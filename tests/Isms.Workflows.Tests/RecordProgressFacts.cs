using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Incidents;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Approvals;
using Isms.Workflows.Tests.Incidents;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

/// <summary>
/// 次の対応 and the state come from where a record stands now (its approval or incident), in one vocabulary: after a
/// decision they say what is next now, a 1(8)① reroute names the 責任者 it went to, and an incident reads the same in
/// 申請状況 and インシデント状況.
/// </summary>
public sealed class RecordProgressFacts
{
    [Fact]
    public void EveryState_HasItsWords_AndAnIncidentUsesTheWordsOfTheMatchingRecordState()
    {
        Assert.All(Enum.GetValues<RequestStatus>(), s => Assert.NotEqual(s.ToString(), s.Label()));
        Assert.All(Enum.GetValues<IncidentStatus>(), s => Assert.NotEqual(s.ToString(), s.Label()));
        Assert.Equal(RequestStatus.Submitted.Label(), IncidentStatus.Reported.Label());
        Assert.Equal(RequestStatus.Acknowledged.Label(), IncidentStatus.Acknowledged.Label());
        Assert.Equal(RequestStatus.Closed.Label(), IncidentStatus.Closed.Label());
        Assert.Equal(Decision.Return.Label(), RequestStatus.Returned.Label()); // 差戻し, spelt one way
    }

    [Fact]
    public void AfterADecision_NextStepSaysWhatIsNextNow()
    {
        using var h = new ApprovalHarness(ApprovalHarness.AfterLeave);
        var record = h.Submit();
        var pending = h.Service.Assign(record, "act-1").View;

        var before = RecordProgress.Of(h.Load(record.Id), pending, null);
        Assert.Equal("承認待ち", before.State);
        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さんが内容を確認し、承認するかどうかを判断します（根拠: 5.1(1)③(イ)）。", before.NextStep);

        var decided = h.Decide(record, ApprovalHarness.Sato);
        var after = RecordProgress.Of(h.Load(record.Id), decided.View, null);

        Assert.Equal("承認済み", after.State);
        Assert.Equal(FormCatalog.Standard.Get(FormKind.TakeoutRequest).AfterApproval, after.NextStep);
        Assert.Contains("「返却」", after.NextStep);
        Assert.Contains($"次の対応: {after.NextStep}", Assert.Single(decided.Notifications).Text);
    }

    [Fact]
    public void WhenTheApplicantIsTheManager_TheRequestGoesToTheOfficer_AndNextStepNamesTheOfficer()
    {
        using var h = new ApprovalHarness(ApprovalHarness.AfterLeave);
        var record = h.Submit(applicantAad: ApprovalHarness.Sato, applicantTeams: ApprovalHarness.SatoTeams, applicantName: "佐藤 花子");

        var progress = RecordProgress.Of(h.Load(record.Id), h.Service.Assign(record, "act-1").View, null);

        Assert.StartsWith("警防課の情報セキュリティ責任者の鈴木 一郎さんが内容を確認し", progress.NextStep, StringComparison.Ordinal);
        Assert.Contains("兼務の禁止（1(8)①）", progress.NextStep);
        Assert.DoesNotContain("情報セキュリティ管理者が内容を確認", progress.NextStep);
    }

    [Fact]
    public void AReturnedRequest_SaysToCorrectAndResubmit_AndAWithdrawnOneThatNothingIsLeftToDo()
    {
        using var h = new ApprovalHarness(ApprovalHarness.AfterLeave);
        var returned = h.Submit();
        h.Service.Assign(returned, "act-1");
        var view = h.Decide(returned, ApprovalHarness.Sato, Decision.Return, "持ち出し先を記入してください").View;
        var withdrawn = h.Submit();
        h.Service.Assign(withdrawn, "act-2");
        var gone = h.Service.Withdraw(withdrawn.Id, ApprovalHarness.Yamada, null).View;

        Assert.Contains("「修正して再申請」", RecordProgress.Of(h.Load(returned.Id), view, null).NextStep);
        var progress = RecordProgress.Of(h.Load(withdrawn.Id), gone, null);
        Assert.Equal(("取り下げ", false), (progress.State, progress.IsOpen));
    }

    [Fact]
    public void AnIncident_ReadsTheSameIn申請状況AndOnItsTimeline_AtEveryStep_AndTheCsirtsInstructionIsNext()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, "act-report");

        void AssertSameState(string expected)
        {
            var view = h.Service.Find(record.Id)!;
            var progress = RecordProgress.Of(h.Load(record.Id), null, view);
            var listed = StatusCardRenderer.MyRequestsCard([h.Load(record.Id)], [], _ => progress);
            Assert.Equal(expected, progress.State);
            Assert.Equal(expected, Facts(listed)["状態"]);
            Assert.Equal(expected, Facts(IncidentCards.Timeline(view))["状態"]);
        }

        AssertSameState("確認待ち");
        Assert.Contains("警防課の情報セキュリティ管理者の佐藤 花子さんが内容を確認し", RecordProgress.Of(h.Load(record.Id), null, h.Service.Find(record.Id)).NextStep);
        h.Ack(record, IncidentHarness.Sato);
        AssertSameState("確認済み");
        h.Triage(record, IncidentHarness.Saito, containment: "パスワードを直ちに変更してください");
        AssertSameState("対応中");
        Assert.Equal("CSIRTの指示に従って対応してください: パスワードを直ちに変更してください",
            RecordProgress.Of(h.Load(record.Id), null, h.Service.Find(record.Id)).NextStep);
        h.Close(record, IncidentHarness.Kato);
        AssertSameState("完了");
        Assert.False(RecordProgress.Of(h.Load(record.Id), null, h.Service.Find(record.Id)).IsOpen);
    }

    [Fact]
    public void TheReceipt_SaysWhoHasIt_WhatIsNext_AndOnceWhomToCall()
    {
        using var h = new ApprovalHarness(ApprovalHarness.AfterLeave);
        var record = h.Submit();
        var progress = RecordProgress.Of(h.Load(record.Id), h.Service.Assign(record, "act-1").View, null);

        var reached = ReceiptCard.Create(h.Load(record.Id), progress, new SubmissionDelivery(["警防課の情報セキュリティ管理者の佐藤 花子さん"], [], Urgent: false));
        var missed = ReceiptCard.Create(h.Load(record.Id), progress,
            new SubmissionDelivery([], ["警防課の情報セキュリティ管理者の佐藤 花子さん（内線 2102）"], Urgent: true));

        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん", Facts(reached)["届いた相手"]);
        Assert.Equal(progress.NextStep, CardTexts(reached).SkipWhile(t => t != "次の対応").Skip(1).First());
        Assert.DoesNotContain("まだ届いていません", AllText(reached));
        // Said once: the line that names whom to call, not also a 届いた相手 fact.
        Assert.DoesNotContain("届いた相手", Facts(missed).Keys);
        Assert.Single(AllText(missed).Split('\n').Concat(Facts(missed).Values), t => t.Contains("まだ届いていません", StringComparison.Ordinal));
        var warning = Assert.Single(CardTexts(missed), t => t.Contains("内線 2102", StringComparison.Ordinal));
        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん（内線 2102）にはまだ届いていません。ボットが時間をおいて再送します。急ぎの報告ですので、電話でも直接伝えてください。", warning);
        AdaptiveCardValidator.AssertValid(missed);
    }

    private static IReadOnlyList<string> CardTexts(JsonObject card) =>
        AllText(card).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
