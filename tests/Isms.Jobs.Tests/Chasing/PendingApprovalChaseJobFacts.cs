using Isms.Jobs.Chasing;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Jobs.Tests.Support;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Chasing;

public sealed class PendingApprovalChaseJobFacts : IDisposable
{
    // Submitted Fri 2026-09-18 15:00. Remind after 4 working hours: 2h15 on Fri, 1h45 on Thu 9/24 (9/19–9/23 are
    // weekend and holidays) → Thu 10:15. Escalate after 16: 2h15 Fri + 8h45 Thu + 5h → Fri 9/25 13:30.
    private readonly JobFixture _f = new("2026-09-18T15:00");
    private readonly RequestRecord _request;

    public PendingApprovalChaseJobFacts() => _request = _f.Requests.Add(RequestStatus.PendingApproval, Jst("2026-09-18T15:00"));

    public void Dispose() => _f.Dispose();

    private PendingApprovalChaseJob Job() => new(_f.Requests, new FakeAssignments(_f.Requests), _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<PendingApprovalChaseJob>());

    private async Task RunEvery15MinutesUntil(string endJst)
    {
        var end = Jst(endJst);
        while (_f.Time.GetUtcNow() < end)
        {
            _f.Time.Advance(TimeSpan.FromMinutes(15));
            await Job().RunAsync(default);
        }
    }

    [Fact]
    public async Task Reminds_Once_AtTheRightTime_SkippingTheWeekendAndHolidays()
    {
        await RunEvery15MinutesUntil("2026-09-24T10:00");
        Assert.Empty(_f.Notifier.To("承認のお願い"));

        await RunEvery15MinutesUntil("2026-09-24T10:15");
        Assert.Equal(["approver"], _f.Notifier.To("承認のお願い"));
        Assert.EndsWith("「承認待ち」と送るとカードを表示します。", _f.Notifier.Sent.Single(s => s.What.Title == "承認のお願い").What.Text);

        await RunEvery15MinutesUntil("2026-09-25T13:15");
        Assert.Single(_f.Notifier.To("承認のお願い"));
        Assert.Empty(_f.Notifier.To("承認が滞っています"));
    }

    [Fact]
    public async Task AMisdeliveryReport_WaitingForTheManagersAcknowledgement_IsChased_AsA確認()
    {
        _request.Status = RequestStatus.Approved;
        var report = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-18T15:00"), FormKind.MisdeliveryReport);
        var incident = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-18T15:00"), FormKind.MisdeliveryReport);
        incident.IsIncident = true;

        await RunEvery15MinutesUntil("2026-09-24T10:15");

        Assert.Empty(_f.Notifier.To("承認のお願い"));
        var reminder = Assert.Single(_f.Notifier.Sent, s => s.What.Title == "確認のお願い").What;
        Assert.Equal(report.Id, reminder.SubjectId);
        Assert.Contains($"{report.Number}「テスト申請」が確認待ちです。", reminder.Text);
        Assert.Contains("「確認」", reminder.Text);
        Assert.DoesNotContain("承認", reminder.Text.Replace("「承認待ち」", ""));
    }

    [Fact]
    public async Task Escalates_Once_OnTime()
    {
        await RunEvery15MinutesUntil("2026-09-25T13:15");
        Assert.Empty(_f.Notifier.To("承認が滞っています"));

        await RunEvery15MinutesUntil("2026-09-28T12:00");
        Assert.Equal(["next"], _f.Notifier.To("承認が滞っています"));
        var escalation = _f.Notifier.Sent.Single(s => s.To.Key == "next");
        Assert.Contains("情報セキュリティ責任者", escalation.What.Text);
    }

    [Fact]
    public async Task Stops_WhenTheRequestIsDecided()
    {
        await RunEvery15MinutesUntil("2026-09-24T11:00");
        var digestsBefore = _f.Notifier.To("承認待ちの一覧").Count;
        _request.Status = RequestStatus.Approved;

        await RunEvery15MinutesUntil("2026-10-01T12:00");

        Assert.Single(_f.Notifier.To("承認のお願い"));
        Assert.Empty(_f.Notifier.To("承認が滞っています"));
        Assert.Equal(digestsBefore, _f.Notifier.To("承認待ちの一覧").Count);
    }

    [Fact]
    public async Task RunTwice_OrAfterDowntime_SendsNothingTwice()
    {
        _f.SetJst("2026-09-28T09:00"); // down since Friday: the run that finally comes catches up with one escalation

        var first = await Job().RunAsync(default);
        var second = await Job().RunAsync(default);

        Assert.Equal(["next"], _f.Notifier.To("承認が滞っています"));
        Assert.True(first.Sent >= 1);
        Assert.Equal(0, second.Sent);
    }

    [Fact]
    public async Task Digest_GoesOncePerWorkingDay_At0845()
    {
        await RunEvery15MinutesUntil("2026-09-24T08:30");
        Assert.Single(_f.Notifier.To("承認待ちの一覧")); // Fri 9/18 (submitted after 08:45), none on the weekend and holidays

        await RunEvery15MinutesUntil("2026-09-24T08:45");
        Assert.Equal(2, _f.Notifier.To("承認待ちの一覧").Count);

        await RunEvery15MinutesUntil("2026-09-25T17:00");
        Assert.Equal(3, _f.Notifier.To("承認待ちの一覧").Count);
        Assert.Contains(_request.Number, _f.Notifier.Sent.First(s => s.What.Title == "承認待ちの一覧").What.Text);
    }

    [Fact]
    public async Task FailedSend_IsRetriedOnTheNextRun()
    {
        _f.SetJst("2026-09-24T10:30");
        _f.Notifier.Result = NotifyResult.Unreachable;
        await Job().RunAsync(default);

        _f.Notifier.Result = NotifyResult.Sent;
        await Job().RunAsync(default);

        Assert.Equal(["approver"], _f.Notifier.To("承認のお願い"));
    }
}
