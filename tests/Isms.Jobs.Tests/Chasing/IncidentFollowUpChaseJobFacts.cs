using Isms.Jobs.Chasing;
using Isms.Jobs.Ports;
using Isms.Jobs.Tests.Support;
using Isms.Workflows.Incidents;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Chasing;

/// <summary>Issue 11: after the 管理者's 確認, the CSIRT's assessment, the outside reports of 1(9)⑤⑥ and the closing are
/// chased too, on the clock: the 統一的な窓口 is reminded, then the CISO is told.</summary>
public sealed class IncidentFollowUpChaseJobFacts : IDisposable
{
    private readonly JobFixture _f = new("2026-09-26T00:00");
    private readonly OpenIncidents _incidents = new();

    public void Dispose() => _f.Dispose();

    private IncidentFollowUpChaseJob Job() => new(_incidents, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<IncidentFollowUpChaseJob>());

    [Fact]
    public async Task TheAssessment_IsChasedFromTheReport_AtAnyHour_AndStopsOnceAssessed()
    {
        var incident = _incidents.Add("i1", Jst("2026-09-26T01:00")); // a Saturday night

        _f.SetJst("2026-09-26T02:59");
        await Job().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);
        _f.SetJst("2026-09-26T03:00");
        await Job().RunAsync(default);
        await Job().RunAsync(default);
        Assert.Equal(["IncidentDesk"], _f.Notifier.Sent.Select(s => s.To.Key));
        Assert.Contains("CSIRTの評価", _f.Notifier.Sent.Single().What.Text);
        Assert.Equal("5.3(3)①", _f.Notifier.Sent.Single().What.Clause);

        _f.SetJst("2026-09-26T09:00");
        await Job().RunAsync(default);
        Assert.Equal(["IncidentDesk", "Ciso"], _f.Notifier.Sent.Select(s => s.To.Key));

        incident.AssessedAt = Jst("2026-09-26T09:10");
        incident.Status = IncidentStatus.Assessed;
        _f.SetJst("2026-09-26T12:00");
        await Job().RunAsync(default);
        Assert.Equal(2, _f.Notifier.Sent.Count);
    }

    [Fact]
    public async Task EachOpenOutsideReport_AndThePressDecision_AreChased_UntilMarked_ThenTheClosing()
    {
        var incident = _incidents.Add("i2", Jst("2026-09-26T01:00"));
        incident.Status = IncidentStatus.Assessed;
        incident.IsIncident = true;
        incident.AssessedAt = Jst("2026-09-26T02:00");
        incident.OutsideReports = [.. IncidentText.Mandatory];
        incident.OutsideReportsDone = [Done(OutsideReport.Ciso), Done(OutsideReport.Ministry)];

        _f.SetJst("2026-09-27T02:00"); // 24 hours after the assessment
        await Job().RunAsync(default);
        Assert.Equal(["群馬県への報告", "組合構成市町への報告", "報道機関への通知・公表の判断"],
            _f.Notifier.Sent.Select(s => Between(s.What.Text, "）の", "が")));
        Assert.All(_f.Notifier.Sent, s => Assert.Equal("IncidentDesk", s.To.Key));
        Assert.Equal(["1(9)⑤", "1(9)⑤", "1(9)⑥"], _f.Notifier.Sent.Select(s => s.What.Clause));

        incident.OutsideReportsDone.Add(Done(OutsideReport.Prefecture));
        incident.PressNeeded = false;
        _f.SetJst("2026-09-28T02:00");
        await Job().RunAsync(default);
        var escalated = _f.Notifier.Sent.Skip(3).ToList();
        Assert.Equal([("Ciso", "組合構成市町への報告")], escalated.Select(s => (s.To.Key, Between(s.What.Text, "）の", "が"))));

        _f.SetJst("2026-10-10T02:00"); // 14 days after the assessment
        await Job().RunAsync(default);
        var closing = _f.Notifier.Sent.Last();
        Assert.Equal(("IncidentDesk", "5.3(3)④"), (closing.To.Key, closing.What.Clause));
        Assert.Contains("対応の完了", closing.What.Text);
    }

    [Fact]
    public async Task ACaseTheCsirtFoundNotToBeAnIncident_OwesNoOutsideReports_OnlyTheClosing()
    {
        var incident = _incidents.Add("i3", Jst("2026-09-26T01:00"));
        incident.Status = IncidentStatus.Assessed;
        incident.IsIncident = false;
        incident.AssessedAt = Jst("2026-09-26T02:00");

        _f.SetJst("2026-09-28T03:00");
        await Job().RunAsync(default);

        Assert.Empty(_f.Notifier.Sent);
    }

    private static OutsideReportDone Done(OutsideReport report) => new() { Report = report, At = Jst("2026-09-26T03:00"), ById = "E0101", ByName = "斎藤 健一" };

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return text[start..text.IndexOf(to, start, StringComparison.Ordinal)];
    }

    private sealed class OpenIncidents : IOpenIncidents
    {
        private readonly List<IncidentCase> _cases = [];

        public IEnumerable<IncidentCase> Open() => _cases.Where(c => c.Status != IncidentStatus.Closed);

        public IncidentCase Add(string id, DateTimeOffset reportedAt)
        {
            var incident = new IncidentCase { Id = id, RecordNumber = $"インシデント-2026-{_cases.Count + 1:D4}", Status = IncidentStatus.Acknowledged, ReportedAt = reportedAt };
            _cases.Add(incident);
            return incident;
        }
    }
}
