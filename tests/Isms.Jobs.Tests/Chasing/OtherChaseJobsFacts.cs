using Isms.Jobs.Chasing;
using Isms.Jobs.Tests.Support;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Isms.Workflows.Training;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Chasing;

public sealed class OtherChaseJobsFacts : IDisposable
{
    private readonly JobFixture _f = new("2026-01-05T09:00");

    public void Dispose() => _f.Dispose();

    private IncidentAcknowledgementChaseJob Incidents() => new(_f.Requests, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<IncidentAcknowledgementChaseJob>());

    private TakeoutReturnChaseJob Takeouts() => new(_f.Requests, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<TakeoutReturnChaseJob>());

    [Fact]
    public async Task Incidents_AreChasedOnTheClock_AtNightAndAtTheWeekend_TheSevereOneSooner()
    {
        // Issue 11: a fire service works nights and weekends; a normal incident no longer waits for working hours.
        var severe = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-25T22:00"), FormKind.IncidentReport); // a Friday night
        severe.IsIncident = true;
        severe.HighestConfidentiality = 3;
        var normal = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-25T22:00"), FormKind.IncidentReport);
        normal.IsIncident = true;

        _f.SetJst("2026-09-25T22:30");
        await Incidents().RunAsync(default);
        _f.SetJst("2026-09-25T23:00");
        await Incidents().RunAsync(default);
        await Incidents().RunAsync(default);

        Assert.Equal(["manager:警防課", "IncidentDesk", "ChiefOfficer", "SystemAdministrator"], _f.Notifier.Sent.Where(s => s.What.SubjectId == severe.Id).Select(s => s.To.Key));
        Assert.Equal(["manager:警防課", "IncidentDesk"], _f.Notifier.Sent.Where(s => s.What.SubjectId == normal.Id).Select(s => s.To.Key));

        _f.SetJst("2026-09-26T02:00"); // Saturday, 4 hours after the report
        await Incidents().RunAsync(default);
        Assert.Equal(["manager:警防課", "IncidentDesk", "ChiefOfficer", "SystemAdministrator"], _f.Notifier.Sent.Where(s => s.What.SubjectId == normal.Id).Select(s => s.To.Key));
        Assert.Contains("統括情報セキュリティ責任者が「インシデント状況」から代わりに確認できます", _f.Notifier.Sent.Last().What.Text);

        normal.Status = RequestStatus.Acknowledged;
        _f.SetJst("2026-09-27T15:00");
        await Incidents().RunAsync(default);
        Assert.Equal(4, _f.Notifier.Sent.Count(s => s.What.SubjectId == normal.Id));
    }

    [Fact]
    public async Task AnEscalatedIncident_GoesToTheNamedSystemsAdministrator_OrToEveryOneWhenThereIsNone()
    {
        // 5.3(1)②: the 情報システム管理者 told is the one of the affected system the reporter named.
        _f.People.Systems.Add("消防指令システム");
        RequestRecord Incident(string? system)
        {
            var record = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-25T22:00"), FormKind.IncidentReport);
            record.IsIncident = true;
            if (system is not null) record.Answers[IncidentReportDefinition.AffectedSystem] = new RecordAnswer { Value = system };
            return record;
        }

        var named = Incident("消防指令システム");
        var unknown = Incident(IncidentReportDefinition.UnknownSystem);
        var notInDirectory = Incident("廃止したシステム");
        var unanswered = Incident(null);

        _f.SetJst("2026-09-26T03:00");
        await Incidents().RunAsync(default);

        string[] Escalated(RequestRecord r) => [.. _f.Notifier.Sent.Where(s => s.What.SubjectId == r.Id && s.What.Clause == "5.3(1)②").Select(s => s.To.Key)];
        Assert.Equal(["ChiefOfficer", "sysadmin:消防指令システム"], Escalated(named));
        Assert.Equal(["ChiefOfficer", "SystemAdministrator"], Escalated(unknown));
        Assert.Equal(["ChiefOfficer", "SystemAdministrator"], Escalated(notInDirectory));
        Assert.Equal(["ChiefOfficer", "SystemAdministrator"], Escalated(unanswered));
    }

    [Fact]
    public async Task TheIncidentChaseInterval_IsASetting()
    {
        _f.Options.Incidents.NormalRemindAfterMinutes = 10;
        _f.Options.Incidents.NormalEscalateAfterMinutes = 20;
        var normal = _f.Requests.Add(RequestStatus.Submitted, Jst("2026-09-27T03:00"), FormKind.IncidentReport); // a Sunday, 3 a.m.
        normal.IsIncident = true;

        _f.SetJst("2026-09-27T03:09");
        await Incidents().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);
        _f.SetJst("2026-09-27T03:10");
        await Incidents().RunAsync(default);
        _f.SetJst("2026-09-27T03:20");
        await Incidents().RunAsync(default);
        Assert.Equal(["manager:警防課", "IncidentDesk", "ChiefOfficer", "SystemAdministrator"], _f.Notifier.Sent.Select(s => s.To.Key));

        _f.Options.Incidents.NormalEscalateAfterMinutes = 5;
        Assert.Contains(_f.Options.Problems(), p => p.StartsWith("Jobs:Incidents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Takeout_PastReturnDate_RemindsHolder_ThenTellsManager()
    {
        var takeout = _f.Requests.Add(RequestStatus.Approved, Jst("2026-09-10T09:00"), FormKind.TakeoutRequest);
        takeout.Answers["endDate"] = new RecordAnswer { Value = "2026-09-18" };

        _f.SetJst("2026-09-22T10:00"); // 国民の休日: quiet
        await Takeouts().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);

        _f.SetJst("2026-09-24T08:30");
        await Takeouts().RunAsync(default);
        Assert.Equal([takeout.Applicant.UserId], _f.Notifier.Sent.Select(s => s.To.Key));
        Assert.EndsWith("返却したら「返却」と送って記録してください。", _f.Notifier.Sent.Single().What.Text);

        _f.SetJst("2026-09-25T08:30"); // 8h45 working hours later
        await Takeouts().RunAsync(default);
        await Takeouts().RunAsync(default);
        Assert.Equal([takeout.Applicant.UserId, "manager:警防課"], _f.Notifier.Sent.Select(s => s.To.Key));
        Assert.Equal("5.1(1)⑤", _f.Notifier.Sent.Last().What.Clause);
    }

    [Fact]
    public async Task Takeout_FirstChasedAfterTheManagerIsDue_StillRemindsTheHolder_Once()
    {
        // The jobs were down past both steps: the holder is reminded as well as the 管理者 told, each once.
        var takeout = _f.Requests.Add(RequestStatus.Approved, Jst("2026-09-10T09:00"), FormKind.TakeoutRequest);
        takeout.Answers["endDate"] = new RecordAnswer { Value = "2026-09-18" };

        _f.SetJst("2026-09-29T10:00");
        await Takeouts().RunAsync(default);
        await Takeouts().RunAsync(default);

        Assert.Equal([takeout.Applicant.UserId, "manager:警防課"], _f.Notifier.Sent.Select(s => s.To.Key));
    }

    [Fact]
    public async Task SelfInspection_TellsTheRolesOfNinePointTwo_OncePerYear()
    {
        _f.People.Staff.Add(new TrainingPerson("u9", "職員", "警防課", new HashSet<string>(), new DateOnly(2010, 4, 1)));
        var job = new SelfInspectionReminderJob(_f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<SelfInspectionReminderJob>());

        _f.SetJst("2026-05-14T10:00");
        await job.RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);

        _f.SetJst("2026-05-15T10:00");
        await job.RunAsync(default);
        _f.SetJst("2026-06-01T10:00");
        await job.RunAsync(default);

        Assert.Equal(["ChiefOfficer", "SystemAdministrator", "SecurityResponsible", "manager:警防課"], _f.Notifier.Sent.Select(s => s.To.Key));
        Assert.Equal("9.2(1)①", _f.Notifier.Sent.First().What.Clause);
    }

    [Fact]
    public async Task Training_RemindsOverdueOnce_AndReportsMonthly()
    {
        using var db = Isms.Workflows.Storage.IsmsDatabase.InMemory();
        var store = new TrainingStore(db);
        var planner = new TrainingPlanner(new TrainingOptions(), store);
        _f.People.Staff.Add(new TrainingPerson("u1", "消防 太郎", "警防課", new HashSet<string>(), new DateOnly(2026, 8, 1)));
        var job = new TrainingChaseJob(_f.People, _f.Notifier, planner, store, _f.Due, _f.Ledger, _f.Time, JobFixture.Log<TrainingChaseJob>());

        _f.SetJst("2026-10-05T10:00"); // new-hire course was due 8/31; report day 10/5 is a Monday
        await job.RunAsync(default);
        await job.RunAsync(default);

        Assert.Single(_f.Notifier.To("研修の受講期限を過ぎています"));
        Assert.NotNull(_f.Notifier.Sent.First(s => s.What.Title == "研修の受講期限を過ぎています").What.Card);
        Assert.Equal(["manager:警防課"], _f.Notifier.To("研修の実施状況（所属）"));
        // 5.2(2)④: the 管理者's report reaches the 情報セキュリティ責任者 of the 所属 too, once a month.
        var toOfficer = Assert.Single(_f.Notifier.Sent, s => s.What.Title == "研修の実施状況（所属・情報セキュリティ責任者あて）");
        Assert.Equal(("officer:警防課", "5.2(2)④"), (toOfficer.To.Key, toOfficer.What.Clause));
        Assert.Contains("消防 太郎", toOfficer.What.Text, StringComparison.Ordinal);
        Assert.Equal(["ChiefOfficer"], _f.Notifier.To("研修実施状況の集計"));
        Assert.Empty(_f.Notifier.To("研修実施状況（委員会報告用）"));

        _f.SetJst("2027-03-01T09:00"); // the yearly committee report, once
        await job.RunAsync(default);
        await job.RunAsync(default);
        Assert.Equal(["Ciso"], _f.Notifier.To("研修実施状況（委員会報告用）"));
    }
}
