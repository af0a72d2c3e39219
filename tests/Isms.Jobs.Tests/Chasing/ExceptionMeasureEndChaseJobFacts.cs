using System.Text.Json.Nodes;
using Isms.Jobs.Chasing;
using Isms.Jobs.Tests.Support;
using Isms.Testing;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Chasing;

/// <summary>
/// chase-exceptions (7.4(1), 7.4(3)): a permitted 例外措置 is announced to its applicant (with 終了 and 延長申請) and to the
/// CISO Jobs:ExceptionEndNoticeDays before its end, and the applicant is asked again once the end has passed, until it
/// is closed or renewed. Records in the real LiteDB; Japan time.
/// </summary>
public sealed class ExceptionMeasureEndChaseJobFacts : IDisposable
{
    private const string Applicant = "aad-applicant1";
    private const string Ciso = "Ciso";
    private const string Approaching = "例外措置の終了日が近づいています";
    private const string Ended = "例外措置の終了日を過ぎています";
    private readonly JobFixture _f = new("2026-09-01T09:00");
    private readonly StoredRequests _stored;

    public ExceptionMeasureEndChaseJobFacts() => _stored = new StoredRequests(_f.Database);

    public void Dispose() => _f.Dispose();

    private DeclaredChaseJob Job() =>
        new(FormCatalog.Standard, _stored.Chaseable, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<DeclaredChaseJob>());

    private RequestRecord Measure(string endDate, RequestStatus status = RequestStatus.Approved, string userId = "applicant1", string? renewalOf = null)
    {
        var answers = new Dictionary<string, string>
        {
            ["rule"] = "6.1(17)② ソフトウェアの導入の許可",
            [ExceptionMeasureRequestDefinition.StartDate] = "2026-09-01",
            [ExceptionMeasureRequestDefinition.EndDate] = endDate,
        };
        if (renewalOf is not null)
        {
            answers[ExceptionMeasureRequestDefinition.RenewalOf] = renewalOf;
        }

        return _stored.Add(ExceptionMeasureRequestDefinition.Kind, "例外", status, Jst("2026-09-01T09:00"), answers, userId);
    }

    private async Task<ChaseRun> RunAt(string jst)
    {
        _f.SetJst(jst);
        return await Job().RunAsync(ExceptionMeasureFollowUps.ChaseId, default);
    }

    private IReadOnlyList<(string To, string Title)> Sent() => _f.Notifier.Sent.Select(s => (s.To.Key, s.What.Title)).ToList();

    private static IReadOnlyList<(string Title, string? Record, string? Step)> Buttons(JsonObject? card) =>
        CardTree.Descendants(card).Where(o => (string?)o["type"] == "Action.Submit")
            .Select(o => ((string)o["title"]!, (string?)o["data"]?["record"], (string?)o["data"]?["step"])).ToList();

    [Fact]
    public async Task TheApplicantAndTheCisoAreToldNoticeDaysBeforeTheEnd_Once()
    {
        var measure = Measure("2026-10-20"); // Tuesday; 14 days before is Tuesday 10/6

        await RunAt("2026-10-05T17:15");
        Assert.Empty(_f.Notifier.Sent);

        var run = await RunAt("2026-10-06T08:30");
        Assert.Equal(new ChaseRun(1, 2), run);
        Assert.Equal([(Applicant, Approaching), (Ciso, Approaching)], Sent());

        var toApplicant = _f.Notifier.Sent.First().What;
        Assert.Equal((ExceptionMeasures.Clause, measure.Id), (toApplicant.Clause, toApplicant.SubjectId));
        Assert.Contains($"{measure.Number}の例外措置は2026年10月20日で終了します。", toApplicant.Text, StringComparison.Ordinal);
        Assert.Equal([("終了", measure.Id, ExceptionMeasures.CloseStep), ("延長申請", measure.Id, ExceptionMeasures.RenewStep)], Buttons(toApplicant.Card));
        AdaptiveCardValidator.AssertValid(toApplicant.Card!);

        var toCiso = _f.Notifier.Sent.Last().What;
        Assert.Equal(("7.4(3)", measure.Id), (toCiso.Clause, toCiso.SubjectId));
        Assert.Contains("2026年10月20日で終了します", toCiso.Text, StringComparison.Ordinal);

        await RunAt("2026-10-06T08:45");
        await RunAt("2026-10-13T10:00");
        await RunAt("2026-10-20T17:15");
        Assert.Equal(2, _f.Notifier.Sent.Count);
    }

    [Theory]
    [InlineData(3, "2026-10-16T17:15", "2026-10-19T08:30")] // 10/17 is a Saturday: the Monday after
    [InlineData(0, "2026-10-19T17:15", "2026-10-20T08:30")] // on the end day itself
    [InlineData(30, "2026-09-18T17:15", "2026-09-24T08:30")] // 9/20 falls in the シルバーウィーク (9/19–9/23)
    public async Task TheNoticeDaysAreConfigured_AndTheNoticeWaitsForAWorkingMoment(int days, string quietUntil, string due)
    {
        _f.Options.ExceptionEndNoticeDays = days;
        Measure("2026-10-20");

        await RunAt(quietUntil);
        Assert.Empty(_f.Notifier.Sent);

        await RunAt(due);
        Assert.Equal([(Applicant, Approaching), (Ciso, Approaching)], Sent());
    }

    [Fact]
    public async Task AfterTheEnd_TheApplicantIsAskedAgain_Once_OnTheNextWorkingMoment()
    {
        var measure = Measure("2026-10-23"); // Friday
        await RunAt("2026-10-09T09:00");

        await RunAt("2026-10-23T17:15");
        await RunAt("2026-10-24T10:00"); // Saturday
        Assert.Equal(2, _f.Notifier.Sent.Count);

        await RunAt("2026-10-26T08:30");
        await RunAt("2026-10-26T08:45");
        await RunAt("2026-11-02T10:00");

        Assert.Equal([(Applicant, Approaching), (Ciso, Approaching), (Applicant, Ended)], Sent());
        var ended = _f.Notifier.Sent.Last().What;
        Assert.Contains($"{measure.Number}の例外措置は終了日（2026年10月23日）を過ぎました。", ended.Text, StringComparison.Ordinal);
        Assert.Equal(["終了", "延長申請"], Buttons(ended.Card).Select(b => b.Title));
        var heading = CardTree.Descendants(ended.Card).Select(o => (string?)o["text"]).First(t => t is not null);
        Assert.Equal(Ended, heading);
        AdaptiveCardValidator.AssertValid(ended.Card!);
    }

    [Fact]
    public async Task FirstChasedAfterTheEnd_TheApplicantIsNotToldItIsStillComing()
    {
        // Permitted late, or the jobs were down: the first run is already after the end date.
        var measure = Measure("2026-10-06");

        var run = await RunAt("2026-10-08T09:00");
        await RunAt("2026-10-08T09:15");

        Assert.Equal(new ChaseRun(1, 2), run);
        Assert.Equal([(Applicant, Ended), (Ciso, Ended)], Sent());
        Assert.Contains("終了日（2026年10月6日）を過ぎました", _f.Notifier.Sent.Last().What.Text, StringComparison.Ordinal);
        Assert.All(_f.Notifier.Sent, s => Assert.Equal(measure.Id, s.What.SubjectId));
    }

    [Fact]
    public async Task NothingForAClosedMeasure_NorAfterItIsClosed()
    {
        var closedEarly = Measure("2026-10-20", userId: "u2");
        _stored.Change(closedEarly, RequestStatus.Closed, Jst("2026-09-10T10:00"), "ExceptionClosed");
        var measure = Measure("2026-10-20");
        await RunAt("2026-10-06T09:00");
        Assert.Equal([(Applicant, Approaching), (Ciso, Approaching)], Sent());

        _stored.Change(measure, RequestStatus.Closed, Jst("2026-10-19T10:00"), "ExceptionClosed");
        var run = await RunAt("2026-10-21T09:00");

        Assert.Equal(new ChaseRun(0, 0), run);
        Assert.Equal(2, _f.Notifier.Sent.Count);
        Assert.DoesNotContain(_f.Notifier.Sent, s => s.What.SubjectId == closedEarly.Id);
    }

    [Fact]
    public async Task ARenewalAppliedFor_StopsTheOldOnesReminders_AndOncePermittedTheNewOneIsChasedByItsOwnEnd()
    {
        var old = Measure("2026-10-20");
        await RunAt("2026-10-06T09:00");
        Assert.Equal(2, _f.Notifier.Sent.Count);

        var renewal = Measure("2027-01-20", RequestStatus.PendingApproval, renewalOf: old.Number);
        await RunAt("2026-10-21T09:00"); // the old one has ended, but its applicant has applied to extend it
        Assert.Equal(2, _f.Notifier.Sent.Count);

        _stored.Change(renewal, RequestStatus.Approved, Jst("2026-10-22T10:00"), "Approved");
        ExceptionMeasures.CloseRenewed(new ApprovedRecord(renewal, "CISO", Jst("2026-10-22T10:00"), _f.Database));
        Assert.Equal(RequestStatus.Closed, _stored.Store.FindById(old.Id)!.Status);

        var quiet = await RunAt("2026-10-22T11:00");
        Assert.Equal(new ChaseRun(1, 0), quiet);
        await RunAt("2027-01-06T09:00");
        Assert.Equal([(Applicant, Approaching), (Ciso, Approaching)], Sent().Skip(2));
        Assert.All(_f.Notifier.Sent.Skip(2), s => Assert.Equal(renewal.Id, s.What.SubjectId));
    }

    [Fact]
    public async Task SomeoneElsesRequestNamingTheNumber_DoesNotSilenceTheReminders()
    {
        var measure = Measure("2026-10-20");
        Measure("2027-01-20", RequestStatus.PendingApproval, userId: "u2", renewalOf: measure.Number);

        await RunAt("2026-10-21T09:00");

        Assert.Equal([(Applicant, Ended), (Ciso, Ended)], Sent());
    }

    [Fact]
    public async Task OnlyPermittedExceptionMeasuresAreChased()
    {
        Measure("2026-10-20", RequestStatus.PendingApproval, userId: "u2");
        Measure("2026-10-20", RequestStatus.Rejected, userId: "u3");
        _stored.Add(DisposalRequestDefinition.Kind, "廃棄", RequestStatus.Approved, Jst("2026-09-01T09:00"),
            new Dictionary<string, string> { [ExceptionMeasureRequestDefinition.EndDate] = "2026-10-20" }, "u4");

        var run = await RunAt("2026-10-21T09:00");

        Assert.Equal(new ChaseRun(0, 0), run);
        Assert.Empty(_f.Notifier.Sent);
    }
}
