using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Notifications;

namespace Isms.Workflows.Incidents;

/// <summary>Where an incident stands. Stored by name; the chase job reads <see cref="IncidentCase.AcknowledgedAt"/> too.</summary>
public enum IncidentStatus
{
    /// <summary>Reported to the 管理者 and the 統一的な窓口 (5.3(1)①); the 管理者 has not acknowledged it yet.</summary>
    Reported,
    /// <summary>The 管理者 acknowledged it and it went up the chain (5.3(1)②③); the CSIRT has not assessed it yet.</summary>
    Acknowledged,
    /// <summary>The CSIRT assessed it (5.3(3)①); containment and outside reports are under way.</summary>
    Assessed,
    /// <summary>Closed by the CSIRT with cause and prevention (5.3(3)④).</summary>
    Closed,
}

public enum IncidentSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>Reports outside the union the CSIRT marks as due.</summary>
public enum OutsideReport
{
    /// <summary>総務省, 1(9)⑤.</summary>
    Ministry,
    /// <summary>群馬県, 1(9)⑤.</summary>
    Prefecture,
    /// <summary>組合構成市町, 1(9)⑤.</summary>
    MemberTowns,
    /// <summary>個人情報保護委員会, 5.3(1)④ (personal data).</summary>
    PersonalInfoCommission,
    /// <summary>警察, 6.5(3) (a possible crime).</summary>
    Police,
    /// <summary>CISO, 1(9)⑤ (the bot's report of 5.3(3)② does it).</summary>
    Ciso,
    /// <summary>報道機関への通知・公表, 1(9)⑥: needed or not is the CSIRT's decision.</summary>
    Press,
}

public static class IncidentText
{
    public const string VerbPrefix = "isms.incident.";
    public const string AcknowledgeVerb = "isms.incident.ack";
    public const string TriageVerb = "isms.incident.triage";
    public const string CloseVerb = "isms.incident.close";
    public const string RefreshVerb = "isms.incident.refresh";
    public const string OutsideReportedVerb = "isms.incident.outside";
    public const string PressVerb = "isms.incident.press";
    public const string InstructVerb = "isms.incident.instruct";

    /// <summary>The reports 1(9)⑤ requires once an incident is recognised, whatever the CSIRT ticks.</summary>
    public static readonly IReadOnlyList<OutsideReport> Mandatory = [OutsideReport.Ciso, OutsideReport.Ministry, OutsideReport.Prefecture, OutsideReport.MemberTowns];

    /// <summary>Reports the CSIRT marks on the triage card when they apply (5.3(1)④, 6.5(3)).</summary>
    public static bool IsOptional(this OutsideReport report) => report is OutsideReport.PersonalInfoCommission or OutsideReport.Police;

    public static bool IsIncidentVerb(string? verb) => verb?.StartsWith(VerbPrefix, StringComparison.Ordinal) == true;

    public static string Label(this IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.High => "高",
        IncidentSeverity.Medium => "中",
        _ => "低",
    };

    public static string Code(this IncidentSeverity severity) => severity.ToString().ToLowerInvariant();

    public static IncidentSeverity? ParseSeverity(string? code) => code switch
    {
        "high" => IncidentSeverity.High,
        "medium" => IncidentSeverity.Medium,
        "low" => IncidentSeverity.Low,
        _ => null,
    };

    public static string Label(this OutsideReport report) => report switch
    {
        OutsideReport.Ministry => "総務省",
        OutsideReport.Prefecture => "群馬県",
        OutsideReport.MemberTowns => "組合構成市町",
        OutsideReport.PersonalInfoCommission => "個人情報保護委員会",
        OutsideReport.Ciso => "CISO",
        OutsideReport.Press => "報道機関（通知・公表）",
        _ => "警察",
    };

    public static string Clause(this OutsideReport report) => report switch
    {
        OutsideReport.PersonalInfoCommission => "5.3(1)④",
        OutsideReport.Police => "6.5(3)",
        OutsideReport.Press => "1(9)⑥",
        _ => "1(9)⑤",
    };

    public static string Code(this OutsideReport report) => report.ToString().ToLowerInvariant();

    /// <summary>The order reports are listed in: 1(9)⑤ as the clause names them, 1(9)⑥, then the others.</summary>
    public static int Rank(this OutsideReport report) => report switch
    {
        OutsideReport.Ciso => 0,
        OutsideReport.Ministry => 1,
        OutsideReport.Prefecture => 2,
        OutsideReport.MemberTowns => 3,
        OutsideReport.Press => 4,
        OutsideReport.PersonalInfoCommission => 5,
        _ => 6,
    };

    public static OutsideReport? ParseOutsideReport(string? code) =>
        Enum.GetValues<OutsideReport>().Cast<OutsideReport?>().FirstOrDefault(r => r!.Value.Code() == code);

    /// <summary>The toggle's input id on the CSIRT card.</summary>
    public static string InputId(this OutsideReport report) => "report_" + report.ToString().ToLowerInvariant();
}

/// <summary>What the CSIRT enters on the triage card.</summary>
public sealed record TriageInput(bool? IsIncident, IncidentSeverity? Severity, string? Containment, IReadOnlyCollection<OutsideReport> OutsideReports);

/// <summary>The result of <see cref="IncidentService.Open"/>: cards for the 管理者, the CSIRT card for the 統一的な窓口
/// (the host posts it to the CSIRT channel, or else to <see cref="CsirtPeople"/> one by one). What the reporter is told is
/// the host's to say, once it knows who was reached.</summary>
public sealed record IncidentOpening(
    IncidentView View,
    IReadOnlyList<Notice> Notices,
    JsonObject CsirtCard,
    IReadOnlyList<Recipient> CsirtPeople);

public enum IncidentOutcome
{
    Done,
    /// <summary>Missing or too long input, or a step out of order. Nothing changed.</summary>
    Invalid,
    /// <summary>The invoker may not do this (a stranger, the reporter, not the 管理者, not in the CSIRT). Nothing changed.</summary>
    NotAllowed,
    /// <summary>Someone did it first, or the incident is closed. Nothing changed.</summary>
    AlreadyDone,
    /// <summary>The card is not the current one (old, replayed or forged). Nothing changed.</summary>
    StaleCard,
    NotFound,
}

/// <summary>The result of an action on an incident; <see cref="Notices"/> are for the host to send.</summary>
public sealed record IncidentResult(IncidentOutcome Outcome, string Message, IncidentView? View, IReadOnlyList<Notice> Notices)
{
    public bool Succeeded => Outcome == IncidentOutcome.Done;
}

/// <summary>One step on an incident's timeline.</summary>
public sealed record TimelineItem(DateTimeOffset At, string ActorName, string Action, string Clause, string Note);

/// <summary>Everything the incident cards show.</summary>
/// <param name="AcknowledgerLabel">The post whose people acknowledge, as a sentence says it (警防課の情報セキュリティ管理者).</param>
public sealed record IncidentView(
    string RecordId,
    string Number,
    string Title,
    string ReporterName,
    string? Department,
    string Confidentiality,
    IReadOnlyList<(string Label, string Value)> Answers,
    DateTimeOffset ReportedAt,
    IncidentStatus Status,
    bool? IsIncident,
    IncidentSeverity? Severity,
    string? Containment,
    IReadOnlyList<OutsideReport> OutsideReports,
    string? Cause,
    string? Prevention,
    DateTimeOffset? AcknowledgedAt,
    IReadOnlyList<string> AcknowledgerNames,
    IReadOnlyList<string> Considerations,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<string> AcknowledgerTeamsUserIds,
    IReadOnlyList<string> CsirtTeamsUserIds,
    string CardVersion,
    string? AcknowledgerLabel = null)
{
    /// <summary>Each due outside report with who marked it done and when (null while open).</summary>
    public IReadOnlyList<OutsideReportItem> OutsideItems { get; init; } = [];

    /// <summary>The CSIRT's decision on 報道機関への通知・公表 (1(9)⑥); null until decided.</summary>
    public bool? PressNeeded { get; init; }

    /// <summary>The CISO's instructions after the close (5.3(3)⑤).</summary>
    public IReadOnlyList<CisoInstruction> Instructions { get; init; } = [];

    /// <summary>The 統括 may confirm in the 管理者's stead (absent, no deputy): the card says so.</summary>
    public bool ChiefMayAcknowledge { get; init; }
}

/// <summary>An outside report that is due, and whether it was made.</summary>
public sealed record OutsideReportItem(OutsideReport Report, DateTimeOffset? DoneAt, string? DoneByName);

/// <summary>Stored in the <c>incidents</c> collection, keyed by the record id.</summary>
public sealed class IncidentCase
{
    public string Id { get; set; } = "";
    public string RecordNumber { get; set; } = "";
    public IncidentStatus Status { get; set; }
    public bool? IsIncident { get; set; }
    public IncidentSeverity? Severity { get; set; }
    public string? Containment { get; set; }
    public List<OutsideReport> OutsideReports { get; set; } = [];
    public string? Cause { get; set; }
    public string? Prevention { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    /// <summary>When the 管理者 acknowledged it; null until then (what the chase job escalates).</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? AssessedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
    /// <summary>Random, renewed on every change: a card whose version is not this one is refused.</summary>
    public string CardVersion { get; set; } = "";
    /// <summary>The route's steps (incident chain of the routing rules) as they stood when it was reported.</summary>
    public List<StoredStep> Steps { get; set; } = [];
    /// <summary>Stage whose people acknowledge: 1 (the 管理者), or 2 when the 所属 has no 管理者 other than the reporter.</summary>
    public int AcknowledgeStage { get; set; } = 1;
    /// <summary>Outside bodies the route says to consider (Flag steps), with their clause.</summary>
    public List<string> Considerations { get; set; } = [];
    /// <summary>Directory ids of the people told so far: they (and the reporter and the CSIRT) may see the timeline.</summary>
    public List<string> InformedPersonIds { get; set; } = [];
    public List<IncidentTimelineEntry> Timeline { get; set; } = [];
    /// <summary>Due outside reports marked as made (1(9)⑤⑥, 5.3(1)④, 6.5(3)): who marked each and when.</summary>
    public List<OutsideReportDone> OutsideReportsDone { get; set; } = [];
    /// <summary>The CSIRT's decision on 報道機関への通知・公表 (1(9)⑥); null until decided.</summary>
    public bool? PressNeeded { get; set; }
    /// <summary>The CISO's instructions after the close (5.3(3)⑤).</summary>
    public List<CisoInstruction> Instructions { get; set; } = [];

    /// <summary>Due outside reports not marked as made yet; what the chase job reminds the CSIRT of.</summary>
    public IEnumerable<OutsideReport> OpenOutsideReports() =>
        OutsideReports.Where(r => !OutsideReportsDone.Any(d => d.Report == r));

    /// <summary>Whether 1(9)⑥ still waits for the CSIRT's decision (a recognised incident only).</summary>
    public bool PressUndecided => IsIncident == true && PressNeeded is null;
}

public sealed class OutsideReportDone
{
    public OutsideReport Report { get; set; }
    public DateTimeOffset At { get; set; }
    public string ById { get; set; } = "";
    public string ByName { get; set; } = "";
}

/// <summary>What the CISO instructed after the CSIRT's report (5.3(3)⑤).</summary>
public sealed class CisoInstruction
{
    public DateTimeOffset At { get; set; }
    public string ById { get; set; } = "";
    public string ByName { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class IncidentTimelineEntry
{
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Reported, ReportedTo, Acknowledged, Assessed, ContainmentOrdered, OutsideReportDue, OutsideReportDropped, Closed, Delivery.</summary>
    public string Action { get; set; } = "";
    public string Clause { get; set; } = "";
    public string Note { get; set; } = "";
    public string? ActivityId { get; set; }
}
