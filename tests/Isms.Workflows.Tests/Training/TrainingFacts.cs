using System.Text.Json.Nodes;
using Isms.Workflows.Storage;
using Isms.Workflows.Training;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Training;

public sealed class TrainingFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-02T10:00+09:00"));
    private readonly TrainingStore _store;
    private readonly TrainingPlanner _planner;
    private readonly TrainingService _service;

    private static readonly TrainingPerson Staff = new("u1", "消防 太郎", "警防課", new HashSet<string>(), new DateOnly(2015, 4, 1));
    private static readonly TrainingPerson Manager = new("u2", "管理 花子", "警防課", new HashSet<string> { "SecurityManager" }, new DateOnly(2010, 4, 1));
    private static readonly TrainingPerson NewHire = new("u3", "新人 次郎", "総務課", new HashSet<string>(), new DateOnly(2026, 10, 1));

    public TrainingFacts()
    {
        _store = new TrainingStore(_database);
        _planner = new TrainingPlanner(new TrainingOptions(), _store);
        _service = new TrainingService(_planner, _store, _time);
    }

    public void Dispose() => _database.Dispose();

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void Assignments_FollowAudienceRules()
    {
        var today = D("2026-11-02");

        Assert.Equal(["annual"], _planner.Assignments(Staff, today).Select(a => a.Course.Id));
        Assert.Equal(["annual", "managers"], _planner.Assignments(Manager, today).Select(a => a.Course.Id));
        var newHire = _planner.Assignments(NewHire, today).ToDictionary(a => a.Course.Id);
        Assert.Equal(D("2026-10-31"), newHire["new-hire"].DueOn); // joined 10/1 + 30 days
        Assert.Equal(D("2027-01-31"), newHire["annual"].DueOn); // fiscal-year deadline
    }

    [Fact]
    public void Overdue_IsDetected_AndCompletionClearsIt()
    {
        var before = _planner.StatusOf(NewHire, D("2026-11-02"));
        Assert.Equal(TrainingState.Overdue, before.Courses.Single(c => c.Course.Id == "new-hire").State);
        Assert.Equal(TrainingState.Pending, before.Courses.Single(c => c.Course.Id == "annual").State);

        var result = _service.CompleteFromCard(NewHire, new JsonObject { ["isms"] = "training", ["course"] = "new-hire", ["op"] = "complete" });

        Assert.True(result.Recorded);
        var after = _planner.StatusOf(NewHire, D("2026-11-02"));
        Assert.Equal(TrainingState.Completed, after.Courses.Single(c => c.Course.Id == "new-hire").State);
        Assert.Equal(D("2026-11-02"), after.Courses.Single(c => c.Course.Id == "new-hire").CompletedOn);
    }

    [Fact]
    public void CompleteFromCard_Twice_RecordsOnce_AndRejectsCoursesNotAssigned()
    {
        var data = new JsonObject { ["isms"] = "training", ["course"] = "annual", ["op"] = "complete" };

        Assert.True(_service.CompleteFromCard(Staff, data).Recorded);
        Assert.False(_service.CompleteFromCard(Staff, data).Recorded);
        Assert.Single(_store.CompletionsOf("u1"));
        Assert.False(_service.CompleteFromCard(Staff, new JsonObject { ["isms"] = "training", ["course"] = "managers", ["op"] = "complete" }).Recorded);
        Assert.False(_service.CompleteFromCard(Staff, new JsonObject { ["isms"] = "training", ["course"] = 5, ["op"] = "complete" }).Recorded);
    }

    [Fact]
    public void CompleteFromCard_OnALaterDay_SaysWhenItWasRecorded_AndRecordsNothingMore()
    {
        var data = new JsonObject { ["isms"] = "training", ["course"] = "annual", ["op"] = "complete" };
        Assert.True(_service.CompleteFromCard(Staff, data).Recorded);

        _time.Advance(TimeSpan.FromDays(3));
        var again = _service.CompleteFromCard(Staff, data);

        Assert.False(again.Recorded);
        Assert.Contains("2026年11月2日に記録済み", again.Message);
        Assert.Single(_store.CompletionsOf("u1"));
    }

    [Fact]
    public void CoursesByRole_MustNameTheDirectorysRoles()
    {
        var options = new TrainingOptions();
        options.Courses[2].Roles = ["SecurityManager", "ChiefOfficer"];

        Assert.Contains(options.Problems(), p => p.Contains("unknown role 'ChiefOfficer'"));
        Assert.Empty(new TrainingOptions().Problems());
    }

    [Fact]
    public void LastYearsCompletion_DoesNotCountThisFiscalYear()
    {
        _store.Record(new TrainingCompletion { PersonId = "u1", CourseId = "annual", CompletedOn = D("2026-03-15") });

        var status = _planner.StatusOf(Staff, D("2027-02-01"));

        Assert.Equal(TrainingState.Overdue, status.Courses.Single().State);
    }

    [Fact]
    public void ImportCsv_ImportsGoodLines_ReportsBadOnesByLineNumber()
    {
        var csv = "\uFEFFpersonId,courseId,completedOn\nu1,annual,2026-10-01\nu2,annual,2026-10-02\nu2,nosuch,2026-10-02\nu3,annual,2026/10/02\nu1,annual,2026-10-01\nu4,annual,2027-01-01\n";

        var result = _service.ImportCsv(new StringReader(csv), "admin");

        Assert.Equal(2, result.Imported);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("4行目", result.Errors[0]);
        Assert.StartsWith("5行目", result.Errors[1]);
        Assert.StartsWith("7行目", result.Errors[2]); // a future date
    }

    [Fact]
    public void Finding7_TrainingCsv_ReadsRecordsAsAnRfc4180Parser_AndReportsEveryOtherLine()
    {
        var csv = "personId,courseId,completedOn\r\n u1 , annual ,2026-10-01\ru2,annual,2026-10-02\n\"u3,x\",annual,2026-10-03\n"
            + "u4,annual,2026-10-04,extra\nu5,\"annual\nu6\",2026-10-05\nu7,ann\"ual,2026-10-07\n\nu8,annual\n";

        var read = TrainingCsv.Read(new StringReader(csv));

        Assert.Equal([(2L, "u1", "annual"), (3L, "u2", "annual"), (4L, "u3,x", "annual")], read.Rows.Select(r => (r.LineNumber, r.PersonId, r.CourseId)));
        Assert.Equal(["5行目", "6行目", "7行目", "8行目", "10行目"], read.Errors.Select(e => e[..e.IndexOf(':')]));
    }

    [Fact]
    public void CompletionCard_IsAdaptiveCard15_WithTheSubmitData()
    {
        var card = TrainingCards.Completion(_planner.Course("annual")!, D("2027-01-31"));

        Assert.Equal("1.5", (string?)card["version"]);
        var action = card["actions"]![0]!.AsObject();
        Assert.Equal("Action.Submit", (string?)action["type"]);
        Assert.Equal("""{"isms":"training","course":"annual","op":"complete"}""", action["data"]!.ToJsonString());
        Assert.Equal("annual", TrainingCards.CompletedCourse(action["data"]!.AsObject()));
        Assert.Contains("2027年1月31日", card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Reports_CarryTheDepartmentState_TheSummary_AndTheDrills()
    {
        _store.Record(new TrainingCompletion { PersonId = "u2", CourseId = "annual", CompletedOn = D("2026-06-01") });
        _store.Record(new TrainingCompletion { PersonId = "u2", CourseId = "managers", CompletedOn = D("2026-06-01") });
        var drill = _store.ScheduleDrill(new EmergencyDrill { Title = "標的型メール訓練", ScheduledOn = D("2026-12-10") });
        Assert.True(_store.RecordDrillHeld(drill.Id, D("2026-12-10"), 42, "開封率 8%"));
        var departments = _planner.ByDepartment([Staff, Manager, NewHire], D("2027-02-15"));

        var manager = TrainingReports.ForManager(departments.Single(d => d.Department == "警防課"), D("2027-02-15"));
        var summary = TrainingReports.ForChiefOfficer(departments, D("2027-02-15"));
        var committee = TrainingReports.ForCommittee(departments, _store.DrillsBetween(D("2026-04-01"), D("2027-03-31")), D("2026-04-01"), D("2027-03-01"));

        Assert.Contains("受講済み 2/3件", manager.Text);
        Assert.Contains("消防 太郎", manager.Text); // overdue, named to their own 管理者
        Assert.DoesNotContain("管理 花子:", manager.Text);
        Assert.Contains("総務課: 0%", summary.Text);
        Assert.DoesNotContain("消防 太郎", summary.Text);
        Assert.Contains("令和8年度", committee.Text);
        Assert.Contains("実施 1件", committee.Text);
        Assert.Contains("参加 42名", committee.Text);
        Assert.Equal("5.2(2)⑥", committee.Clause);
    }

    [Fact]
    public void Options_DefaultsAreValid_AndBadCoursesAreRejected()
    {
        Assert.Empty(new TrainingOptions().Problems());
        Assert.NotEmpty(new TrainingOptions { Courses = [new() { Id = "x", Title = "x", Audience = CourseAudience.Roles }] }.Problems());
        Assert.NotEmpty(new TrainingOptions { Courses = [new() { Id = "x", Title = "x", Deadline = "13-01" }] }.Problems());
    }
}
