using Isms.Jobs.Chasing;
using Isms.Jobs.Tests.Support;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Chasing;

/// <summary>
/// chase-disposals (2(2)⑩(イ)): a permitted 廃棄・リース返却 stays open until its applicant records what was done. The
/// records are in the real LiteDB, read by the production query; the clock is Japan time.
/// </summary>
public sealed class DisposalRecordChaseJobFacts : IDisposable
{
    private const string Applicant = "aad-applicant1";
    private const string Manager = "manager:警防課";
    private readonly JobFixture _f = new("2026-09-01T09:00");
    private readonly StoredRequests _stored;

    public DisposalRecordChaseJobFacts() => _stored = new StoredRequests(_f.Database);

    public void Dispose() => _f.Dispose();

    private DeclaredChaseJob Job() =>
        new(FormCatalog.Standard, _stored.Chaseable, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<DeclaredChaseJob>());

    private RequestRecord Disposal(string plannedDate, RequestStatus status = RequestStatus.Approved, string userId = "applicant1", string department = "警防課") =>
        _stored.Add(DisposalRequestDefinition.Kind, "廃棄", status, Jst("2026-09-01T09:00"),
            new Dictionary<string, string> { [DisposalRequestDefinition.PlannedDate] = plannedDate }, userId, department);

    private async Task<ChaseRun> RunAt(string jst)
    {
        _f.SetJst(jst);
        return await Job().RunAsync(DisposalFollowUps.ChaseId, default);
    }

    private IReadOnlyList<string> SentTo() => _f.Notifier.Sent.Select(s => s.To.Key).ToList();

    [Fact]
    public async Task NothingUntilThePlannedDateHasPassed()
    {
        Disposal("2026-10-06"); // a Tuesday

        var run = await RunAt("2026-10-06T17:00");
        await RunAt("2026-10-06T23:59");

        Assert.Equal(1, run.Examined);
        Assert.Empty(_f.Notifier.Sent);
    }

    [Fact]
    public async Task TheApplicantIsAskedFromTheFirstWorkingMomentAfter_ThenTheManagerAfterTheConfiguredHours_EachOnce()
    {
        var disposal = Disposal("2026-10-06");

        await RunAt("2026-10-07T08:29"); // before the working day starts: quiet
        Assert.Empty(_f.Notifier.Sent);

        var first = await RunAt("2026-10-07T08:30");
        Assert.Equal(new ChaseRun(1, 1), first);
        var reminder = Assert.Single(_f.Notifier.Sent);
        Assert.Equal((Applicant, "廃棄・リース返却の実施を記録してください", DisposalRecords.Clause, disposal.Id),
            (reminder.To.Key, reminder.What.Title, reminder.What.Clause, reminder.What.SubjectId));
        Assert.Contains($"{disposal.Number}「テスト申請」の実施予定日（2026年10月6日）を過ぎました。", reminder.What.Text, StringComparison.Ordinal);
        Assert.Contains($"「{DisposalRecords.CommandWord}」と送り", reminder.What.Text, StringComparison.Ordinal);

        await RunAt("2026-10-07T12:00");
        await RunAt("2026-10-07T17:14"); // 8h44 of working time: not yet
        Assert.Equal([Applicant], SentTo());

        var escalation = await RunAt("2026-10-07T17:15"); // 8.75 working hours after 08:30
        Assert.Equal(new ChaseRun(1, 1), escalation);
        Assert.Equal([Applicant, Manager], SentTo());
        var notice = _f.Notifier.Sent.Last().What;
        Assert.Equal(("実施の記録がない廃棄・リース返却があります", DisposalRecords.Clause), (notice.Title, notice.Clause));
        Assert.Contains("申請者 申請者さん", notice.Text, StringComparison.Ordinal);

        await RunAt("2026-10-08T08:30");
        await RunAt("2026-10-20T10:00");
        Assert.Equal([Applicant, Manager], SentTo());
    }

    [Theory]
    [InlineData(2, "2026-10-09T10:29", "2026-10-09T10:30")] // Friday 08:30 + 2h
    [InlineData(10, "2026-10-13T09:44", "2026-10-13T09:45")] // 8.75h on Friday, the rest after the weekend and スポーツの日
    public async Task TheManagerWaitIsTheConfiguredWorkingTime(double hours, string justBefore, string due)
    {
        _f.Options.DisposalTellManagerAfterWorkingHours = hours;
        Disposal("2026-10-08"); // Thursday

        await RunAt("2026-10-09T08:30");
        foreach (var quiet in new[] { "2026-10-10T11:00", "2026-10-12T11:00" }.Where(at => string.CompareOrdinal(at, justBefore) < 0))
        {
            await RunAt(quiet); // Saturday, スポーツの日
        }

        await RunAt(justBefore);
        Assert.Equal([Applicant], SentTo());

        await RunAt(due);
        Assert.Equal([Applicant, Manager], SentTo());
    }

    [Fact]
    public async Task HolidaysAndWeekendsAreQuiet_TheFirstWorkingDayAfterIsWhenBothMayCome()
    {
        Disposal("2026-09-18"); // Friday before the 2026 シルバーウィーク (9/19–9/23)

        foreach (var day in new[] { "2026-09-19", "2026-09-20", "2026-09-21", "2026-09-22", "2026-09-23" })
        {
            await RunAt(day + "T10:00");
        }

        Assert.Empty(_f.Notifier.Sent);

        await RunAt("2026-09-24T08:30");
        Assert.Equal([Applicant], SentTo());
        await RunAt("2026-09-24T17:15");
        Assert.Equal([Applicant, Manager], SentTo());
    }

    [Fact]
    public async Task ARunThatComesLate_SendsBothSteps_Once()
    {
        Disposal("2026-10-06");

        var late = await RunAt("2026-10-14T10:00");
        await RunAt("2026-10-14T10:15");

        Assert.Equal(new ChaseRun(1, 2), late);
        Assert.Equal([Applicant, Manager], SentTo());
    }

    [Fact]
    public async Task NothingOnceRecorded()
    {
        var disposal = Disposal("2026-10-06");
        await RunAt("2026-10-07T09:00");
        Assert.Equal([Applicant], SentTo());

        _stored.Change(disposal, RequestStatus.Closed, Jst("2026-10-07T11:00"), "DisposalRecorded");
        var run = await RunAt("2026-10-08T09:00");

        Assert.Equal(new ChaseRun(0, 0), run);
        Assert.Equal([Applicant], SentTo());
    }

    [Fact]
    public async Task OnlyPermittedDisposalsAreChased()
    {
        Disposal("2026-10-06", RequestStatus.PendingApproval, "u2");
        Disposal("2026-10-06", RequestStatus.Rejected, "u3");
        Disposal("2026-10-06", RequestStatus.Withdrawn, "u4");
        _stored.Add(FormKind.TakeoutRequest, "持出", RequestStatus.Approved, Jst("2026-09-01T09:00"),
            new Dictionary<string, string> { [DisposalRequestDefinition.PlannedDate] = "2026-10-06" }, "u5");
        var permitted = Disposal("2026-10-06", userId: "u6", department: "総務課");

        var run = await RunAt("2026-10-09T10:00");

        Assert.Equal(1, run.Examined);
        Assert.Equal(["aad-u6", "manager:総務課"], SentTo());
        Assert.All(_f.Notifier.Sent, s => Assert.Equal(permitted.Id, s.What.SubjectId));
    }

    [Fact]
    public async Task AFailedSendIsTriedAgainOnTheNextRun()
    {
        Disposal("2026-10-06");
        _f.Notifier.Result = NotifyResult.Unreachable;
        var failed = await RunAt("2026-10-07T09:00");
        Assert.Equal(0, failed.Sent);

        _f.Notifier.Result = NotifyResult.Sent;
        await RunAt("2026-10-07T09:15");
        await RunAt("2026-10-07T09:30");

        Assert.Equal([Applicant], SentTo());
    }
}
