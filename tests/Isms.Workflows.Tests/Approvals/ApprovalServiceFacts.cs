using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Org;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

public sealed class ApprovalServiceFacts : IDisposable
{
    private readonly ApprovalHarness _h = new();

    public void Dispose() => _h.Dispose();

    private RequestRecord Assigned(FormKind? kind = null)
    {
        var record = _h.Submit(kind);
        _h.Service.Assign(record, "act-card");
        return record;
    }

    [Fact]
    public void Assign_Takeout_WaitsForTheManager_AndTellsHerAndHerDeputy()
    {
        var record = _h.Submit();

        var assignment = _h.Service.Assign(record, "act-card");

        Assert.Equal(RequestStatus.PendingApproval, assignment.Status);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
        Assert.Equal(["佐藤 花子", "池田 誠司"], assignment.Notifications.Select(n => n.To.Name));
        var sato = assignment.Notifications[0];
        Assert.Equal((OrgTestData.Manager, Sato, SatoTeams), (sato.To.PersonId, sato.To.AadObjectId, sato.To.TeamsUserId));
        Assert.Contains("山田 太郎さん（警防課）から持ち出し申請（持出-2026-0001）が届きました", sato.Text, StringComparison.Ordinal);
        Assert.Contains("5.1(1)③(イ)", sato.Text, StringComparison.Ordinal);
        Assert.Equal("警防課 情報セキュリティ管理者", assignment.View.CurrentStepLabel);
        Assert.Equal([SatoTeams, IkedaTeams], assignment.View.DeciderTeamsUserIds);
        var document = _h.Database.Collection<ApprovalDocument>(ApprovalService.CollectionName).FindById(record.Id);
        Assert.Equal(ApprovalState.Pending, document.State);
        Assert.Equal([OrgTestData.Manager], document.Current!.Assignees.Select(a => a.PersonId));
        Assert.Equal([OrgTestData.ManagersDeputy], document.Current.Deputies.Select(a => a.PersonId));
        Assert.Equal("act-card", document.ActivityId);
    }

    [Fact]
    public void Assign_Again_WhilePending_ChangesNothing()
    {
        var record = _h.Submit();
        var first = _h.Service.Assign(record, "act-card");

        var second = _h.Service.Assign(record, "act-other");

        Assert.Equal(first.View.CardVersion, second.View.CardVersion);
        Assert.Single(_h.Audit.Entries(record.Id), e => e.Event.Action == "ApprovalRequested");
    }

    [Fact]
    public void Assign_Misdelivery_StaysSubmittedUntilAcknowledged()
    {
        var record = _h.Submit(FormKind.MisdeliveryReport);

        var assignment = _h.Service.Assign(record, "act-card");
        var approve = _h.Decide(record, Sato, Decision.Approve);
        var acknowledge = _h.Decide(record, Sato, Decision.Acknowledge);

        Assert.Equal(RequestStatus.Submitted, assignment.Status);
        Assert.Equal(DecisionOutcome.Invalid, approve.Outcome);
        Assert.Equal(DecisionOutcome.Decided, acknowledge.Outcome);
        Assert.Equal(RequestStatus.Acknowledged, _h.Load(record.Id).Status);
        Assert.Contains("佐藤 花子さんが確認しました", acknowledge.Notifications[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_IncidentReport_HasNothingToDecide_AndTellsThoseWhoReceiveIt()
    {
        var record = _h.Submit(FormKind.IncidentReport);

        var assignment = _h.Service.Assign(record, null);

        Assert.Equal(ApprovalState.NoDecision, assignment.State);
        Assert.Equal(RequestStatus.Submitted, assignment.Status);
        Assert.Contains(assignment.Notifications, n => n.To.Name == "佐藤 花子" && n.Text.Contains("5.3(1)①", StringComparison.Ordinal));
        Assert.Equal(DecisionOutcome.AlreadyDecided, _h.Decide(record, Sato).Outcome);
    }

    [Fact]
    public void Decide_ByTheApprover_Approves_AndTellsTheApplicant()
    {
        var record = Assigned();

        var result = _h.Decide(record, Sato, comment: "返却時に報告してください", activityId: "act-approve");

        Assert.Equal(DecisionOutcome.Decided, result.Outcome);
        Assert.Equal(RequestStatus.Approved, result.Status);
        var stored = _h.Load(record.Id);
        Assert.Equal(RequestStatus.Approved, stored.Status);
        var history = stored.History[^1];
        Assert.Equal(("Approved", SatoTeams), (history.Action, history.Actor));
        Assert.Contains("佐藤 花子が承認（警防課 情報セキュリティ管理者、根拠 5.1(1)③(イ)）: 返却時に報告してください", history.Note, StringComparison.Ordinal);
        var notice = Assert.Single(result.Notifications);
        Assert.Equal((Yamada, YamadaTeams), (notice.To.AadObjectId, notice.To.TeamsUserId));
        Assert.Equal("持ち出し申請（持出-2026-0001）が佐藤 花子さんにより承認されました。\n\nコメント: 返却時に報告してください"
            + "\n\n次の対応: 許可された内容で持ち出せます。戻ったら「返却」と送り、返却を記録してください。情報セキュリティ管理者が確認します（根拠: 5.1(1)⑤）。", notice.Text);
        Assert.Equal("act-card", result.ActivityId);
        var decision = Assert.Single(result.View!.Decisions);
        Assert.Equal(("佐藤 花子", Decision.Approve, InLeave), (decision.DeciderName, decision.Decision, decision.At));
    }

    [Fact]
    public void Decide_ByADeputyInRange_Approves_AsTheDeputy()
    {
        var record = Assigned();

        var result = _h.Decide(record, Ikeda);

        Assert.Equal(DecisionOutcome.Decided, result.Outcome);
        Assert.Equal("佐藤 花子", result.View!.Decisions[0].ActingFor);
        Assert.Contains("E0002の代理", _h.Audit.Entries(record.Id)[^1].Event.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ByADeputyOutOfRange_IsRefused()
    {
        var record = Assigned();
        _h.Time.SetUtcNow(AfterLeave);

        var result = _h.Decide(record, Ikeda);

        Assert.Equal(DecisionOutcome.NotAllowed, result.Outcome);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Sato).Outcome);
    }

    [Fact]
    public void Decide_ByTheApplicant_IsRefused_Citing1_8()
    {
        var record = Assigned();

        var result = _h.Decide(record, Yamada, teamsId: YamadaTeams);

        Assert.Equal(DecisionOutcome.NotAllowed, result.Outcome);
        Assert.Contains("1(8)①", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Notifications);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
    }

    [Fact]
    public void Decide_ByAManagerWhoIsTheApplicant_IsRefused()
    {
        var record = _h.Submit(applicantAad: Sato, applicantTeams: SatoTeams, applicantName: "佐藤 花子");
        var assignment = _h.Service.Assign(record, null);

        Assert.DoesNotContain(assignment.Notifications, n => n.To.AadObjectId == Sato);
        Assert.Equal(DecisionOutcome.NotAllowed, _h.Decide(record, Sato).Outcome);
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Suzuki).Outcome);
    }

    [Fact]
    public void Decide_ByAStrangerOrSomeoneNotOnTheStep_IsRefused()
    {
        var record = Assigned();

        var stranger = _h.Decide(record, Stranger, teamsId: "29:stranger");
        var officer = _h.Decide(record, Suzuki);

        Assert.Equal(DecisionOutcome.NotAllowed, stranger.Outcome);
        Assert.Contains("組織名簿にあなたの登録が見つかりません", stranger.Message, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.NotAllowed, officer.Outcome);
        Assert.Contains("佐藤 花子", officer.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
    }

    [Fact]
    public void Decide_WithAForgedOrReplayedCard_IsRefused()
    {
        var record = Assigned();
        var oldVersion = _h.Service.Find(record.Id)!.CardVersion;
        Assert.Equal(DecisionOutcome.StaleCard, _h.Decide(record, Sato, version: "0").Outcome);
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Sato, Decision.Return, "金額を記入してください").Outcome);
        _h.Service.Assign(_h.Load(record.Id), "act-again");

        var replayed = _h.Decide(record, Sato, version: oldVersion);

        Assert.Equal(DecisionOutcome.StaleCard, replayed.Outcome);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
    }

    [Theory]
    [InlineData(Decision.Return, null)]
    [InlineData(Decision.Return, "   ")]
    [InlineData(Decision.Reject, "")]
    public void ReturnOrReject_WithoutAComment_IsRefused(Decision decision, string? comment)
    {
        var record = Assigned();

        var result = _h.Decide(record, Sato, decision, comment);

        Assert.Equal(DecisionOutcome.Invalid, result.Outcome);
        Assert.Contains("理由をコメントに入力してください", result.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
    }

    [Fact]
    public void Decide_WithAnOverlongComment_IsRefused()
    {
        var record = Assigned();

        Assert.Equal(DecisionOutcome.Invalid, _h.Decide(record, Sato, Decision.Reject, new string('あ', 1001)).Outcome);
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Sato, Decision.Reject, new string('あ', 1000)).Outcome);
    }

    [Fact]
    public void Return_TellsTheApplicantToCorrectAndResubmit()
    {
        var record = Assigned();

        var result = _h.Decide(record, Sato, Decision.Return, "持ち出し先の住所を記入してください");

        Assert.Equal(RequestStatus.Returned, _h.Load(record.Id).Status);
        Assert.Equal("持ち出し申請（持出-2026-0001）が佐藤 花子さんにより差し戻されました。\n\nコメント: 持ち出し先の住所を記入してください"
            + "\n\n次の対応: 差戻しの理由を確認し、「修正して再申請」から内容を直して送信してください。",
            Assert.Single(result.Notifications).Text);
    }

    [Fact]
    public void AResubmission_IsPendingAgain_AndStillShowsTheEarlier差戻しWithItsComment()
    {
        var record = Assigned();
        _h.Decide(record, Sato, Decision.Return, "持ち出し先の住所を記入してください");

        var again = _h.Service.Assign(_h.Load(record.Id), "act-resubmit");

        Assert.Equal(ApprovalState.Pending, again.State);
        var earlier = Assert.Single(again.View.Decisions);
        Assert.Equal((Decision.Return, "持ち出し先の住所を記入してください"), (earlier.Decision, earlier.Comment));
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Sato).Outcome);
        Assert.Equal(2, _h.Service.Find(record.Id)!.Decisions.Count);
    }

    [Fact]
    public void Reject_TellsTheApplicantWhy()
    {
        var record = Assigned();

        var result = _h.Decide(record, Sato, Decision.Reject, "機密性3の情報は持ち出せません");

        Assert.Equal(RequestStatus.Rejected, _h.Load(record.Id).Status);
        Assert.Equal("持ち出し申請（持出-2026-0001）は佐藤 花子さんにより却下されました。\n\n理由: 機密性3の情報は持ち出せません"
            + "\n\n次の対応: 却下の理由を確認してください。必要であれば、内容を見直して改めて申請してください。", Assert.Single(result.Notifications).Text);
    }

    [Fact]
    public async Task TwoApprovers_AtOnce_ExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var record = Assigned();
            var version = _h.Service.Find(record.Id)!.CardVersion;
            using var start = new Barrier(2);
            DecisionResult Click(string aad) { start.SignalAndWait(); return _h.Service.Decide(record.Id, aad, null, Decision.Approve, null, version, $"act-{aad[^1]}"); }

            var results = await Task.WhenAll(Task.Run(() => Click(Sato)), Task.Run(() => Click(Ikeda)));

            var winner = Assert.Single(results, r => r.Outcome == DecisionOutcome.Decided);
            var loser = Assert.Single(results, r => r.Outcome == DecisionOutcome.AlreadyDecided);
            Assert.Contains($"{winner.View!.Decisions[0].DeciderName}さんが2026年8月12日 10:00に承認済み", loser.Message, StringComparison.Ordinal);
            Assert.Single(_h.Audit.Entries(record.Id), e => e.Event.Action == "Approved");
            Assert.Single(_h.Load(record.Id).History, h => h.Action == "Approved");
        }
    }

    [Fact]
    public void Withdraw_OnlyByTheApplicant_OnlyWhilePending_AndThenNobodyDecides()
    {
        var record = Assigned();

        var byOther = _h.Service.Withdraw(record.Id, Sato, null);
        var byApplicant = _h.Service.Withdraw(record.Id, Yamada.ToUpperInvariant(), null);
        var again = _h.Service.Withdraw(record.Id, Yamada, null);
        var decide = _h.Decide(record, Sato);

        Assert.Equal(WithdrawOutcome.NotApplicant, byOther.Outcome);
        Assert.Equal(WithdrawOutcome.Withdrawn, byApplicant.Outcome);
        Assert.Equal(["佐藤 花子", "池田 誠司"], byApplicant.Notifications.Select(n => n.To.Name));
        Assert.Contains("取り下げました", byApplicant.Notifications[0].Text, StringComparison.Ordinal);
        Assert.Equal(WithdrawOutcome.NotPending, again.Outcome);
        Assert.Equal(DecisionOutcome.Withdrawn, decide.Outcome);
        Assert.Equal(RequestStatus.Withdrawn, _h.Load(record.Id).Status);
    }

    [Fact]
    public void Withdraw_KnowsTheApplicantByTheirTeamsId_AsTheConfirmationStepDoes()
    {
        var record = Assigned();

        Assert.Equal(WithdrawOutcome.NotApplicant, _h.Service.Withdraw(record.Id, "", "").Outcome);
        Assert.Equal(WithdrawOutcome.NotApplicant, _h.Service.Withdraw(record.Id, null, "29:someone-else").Outcome);
        Assert.Equal(WithdrawOutcome.Withdrawn, _h.Service.Withdraw(record.Id, null, record.Applicant.UserId).Outcome);
    }

    [Fact]
    public void Withdraw_AfterADecision_IsRefused()
    {
        var record = Assigned();
        _h.Decide(record, Sato);

        Assert.Equal(WithdrawOutcome.NotPending, _h.Service.Withdraw(record.Id, Yamada, null).Outcome);
        Assert.Equal(RequestStatus.Approved, _h.Load(record.Id).Status);
    }

    [Fact]
    public void AuditTrail_VerifiesAfterDecisions_AndCarriesTheActivityIds()
    {
        var first = Assigned();
        var second = Assigned();
        _h.Time.Advance(TimeSpan.FromMinutes(3));
        _h.Decide(first, Sato, activityId: "act-1");
        _h.Decide(second, Ikeda, Decision.Return, "添付がありません", activityId: "act-2");
        _h.Decide(second, Sato, activityId: "act-3");

        var verification = _h.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
        var entries = _h.Audit.Entries(second.Id);
        Assert.Equal(["ApprovalRequested", "Returned"], entries.Select(e => e.Event.Action));
        Assert.Equal(("act-card", "act-2"), (entries[0].Event.ActivityId, entries[1].Event.ActivityId));
        Assert.Equal(("E0006", "PendingApproval", "Returned", "5.1(1)③(イ)"),
            (entries[1].Event.ActorId, entries[1].Event.FromStatus, entries[1].Event.ToStatus, entries[1].Event.Clause));
        Assert.Equal("act-1", _h.Audit.Entries(first.Id)[^1].Event.ActivityId);
    }

    [Fact]
    public void CardFor_GivesButtonsToTheApproverOnly()
    {
        var record = Assigned();

        var approver = _h.Service.CardFor(record.Id, Sato, SatoTeams)!;
        var applicant = _h.Service.CardFor(record.Id, Yamada, YamadaTeams)!;

        Assert.Equal(3, approver["actions"]!.AsArray().Count);
        Assert.Null(applicant["actions"]);
        Assert.Null(_h.Service.CardFor("nope", Sato, null));
    }
}
