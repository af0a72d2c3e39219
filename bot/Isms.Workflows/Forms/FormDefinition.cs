using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Forms;

/// <summary>A page of a form: a few fields that fit on a phone screen.</summary>
public sealed record FormStep(string Title, IReadOnlyList<FieldDefinition> Fields);

/// <summary>"The return date must not be before the departure date": checked when both are answered.</summary>
public sealed record DateOrderRule(string StartFieldId, string EndFieldId, string Message);

/// <summary>What a rule does when its conditions hold.</summary>
[Flags]
public enum RuleEffects
{
    None = 0,
    /// <summary>The record is an information-security incident (the approvals work escalates it).</summary>
    MarkIncident = 1,
    /// <summary>Tell the person <see cref="FormRule.Notice"/> at once, as soon as the answer is known.</summary>
    NotifyImmediately = 2,
    /// <summary>Nothing to apply for: the person is told <see cref="FormRule.Notice"/>, the draft is dropped, no record is made.</summary>
    EndsForm = 4,
}

/// <summary>A policy consequence of some answers. All conditions must hold; <see cref="Clauses"/> are added to the record.</summary>
public sealed record FormRule(string Id, IReadOnlyList<FieldCondition> When, IReadOnlyList<string> Clauses, RuleEffects Effects)
{
    public string? Notice { get; init; }
    /// <summary>Replaces the form's <see cref="FormDefinition.NextStep"/> when the rule applies (first applicable rule wins).</summary>
    public string? NextStep { get; init; }
    /// <summary>Replaces the form's <see cref="FormDefinition.Title"/> on the record when the rule applies (first
    /// applicable rule wins): what every card and message calls it (例外措置の事後報告 for an emergency, 7.4(2)).</summary>
    public string? RecordTitle { get; init; }

    public bool Applies(IReadOnlyDictionary<string, string> answers) => FieldCondition.AllMet(When, answers);
}

/// <summary>A record of a procedure has just been finally approved (inside the approval's transaction).</summary>
/// <param name="Database">Where a procedure keeps what it records beside the record (the クラウド台帳).</param>
public sealed record ApprovedRecord(RequestRecord Record, string ApproverName, DateTimeOffset At, IsmsDatabase Database);

/// <summary>
/// A procedure (手続き) as data: its stable key (<see cref="Kind"/>), the words that start it, its steps and fields,
/// the clauses behind them, the rules between answers, the record it produces, and hooks for what the procedure
/// itself does when the workflows reach a moment it cares about. The engine (<see cref="FormService"/>) and the
/// workflows (approvals, incidents) have no per-procedure code; who decides is in the routing rules file.
/// </summary>
public sealed record FormDefinition(
    FormKind Kind,
    string Title,
    string NumberPrefix,
    string Introduction,
    IReadOnlyList<string> Clauses,
    IReadOnlyList<FormStep> Steps)
{
    public IReadOnlyList<DateOrderRule> DateOrders { get; init; } = [];
    public IReadOnlyList<FormRule> Rules { get; init; } = [];
    public bool AlwaysIncident { get; init; }
    /// <summary>Status of a new record: a report waits for acknowledgement, a request for approval.</summary>
    public RequestStatus InitialStatus { get; init; } = RequestStatus.PendingApproval;
    /// <summary>What happens after submission, shown to the person and in 申請状況.</summary>
    public required string NextStep { get; init; }
    /// <summary>What the applicant does once the request is finally approved (次の対応 from then on); null: proceed as approved.</summary>
    public string? AfterApproval { get; init; }
    /// <summary>What people type to start it (after width and case folding, as the command table folds them).</summary>
    public IReadOnlyList<string> CommandWords { get; init; } = [];
    /// <summary>What the procedure records when a request is finally approved, in the approval's transaction
    /// (the クラウド利用申請 writes the クラウド台帳); null when nothing.</summary>
    public Action<ApprovedRecord>? OnApproved { get; init; }
    /// <summary>The incident report the 管理者 who confirms a report of this procedure can make of it (5.3(1)①), from the
    /// report, the 管理者 as reporter and the time; null when the procedure's reports cannot become one.</summary>
    public Func<RequestRecord, RecordApplicant, DateTimeOffset, RequestRecord>? BecomesIncident { get; init; }
    /// <summary>Who may file it (例外措置申請: the 管理者 and 情報システム管理者, 7.4(1)); empty: anyone in the directory.
    /// The host refuses anyone else before a draft exists, naming <see cref="ApplicantRolesClause"/>, and the engine again when
    /// the form is sent (<see cref="IApplicantRoleCheck"/>).</summary>
    public IReadOnlyList<OrgRole> ApplicantRoles { get; init; } = [];
    public string? ApplicantRolesClause { get; init; }
    /// <summary>Commands the procedure adds for what follows its requests (廃棄記録); the bot's command table lists them.</summary>
    public IReadOnlyList<FollowUpCommand> FollowUpCommands { get; init; } = [];
    /// <summary>What the procedure's own cards run when submitted, by marker; the bot routes each marker here.</summary>
    public IReadOnlyList<FollowUpAction> CardActions { get; init; } = [];
    /// <summary>The procedure's chases, which the Jobs project runs as recurring jobs.</summary>
    public IReadOnlyList<ChaseDefinition> Chases { get; init; } = [];

    /// <summary>「例外措置申請は情報セキュリティ管理者または情報システム管理者が行います（根拠: 7.4(1)）。」</summary>
    public string ApplicantRolesSentence() =>
        $"{Title}は{string.Join("または", ApplicantRoles.Select(r => r.Label()))}が行います（根拠: {ApplicantRolesClause ?? string.Join("、", Clauses)}）。";

    /// <summary>A report (誤送信報告, インシデント報告) is acknowledged, not approved.</summary>
    public bool IsReport => InitialStatus != RequestStatus.PendingApproval;

    /// <summary>What the person who sends it is called: the 報告者 of a report, the 申請者 of a request.</summary>
    public string SenderRole => IsReport ? "報告者" : "申請者";

    /// <summary>The stable key the knowledge library and the routing rules name the procedure by.</summary>
    public string Key => Kind.Key;

    public IEnumerable<FieldDefinition> AllFields => Steps.SelectMany(s => s.Fields);

    public FieldDefinition? FindField(string id) => AllFields.FirstOrDefault(f => f.Id == id);

    /// <summary>Every clause the definition cites, for the check against the policy's clause list.</summary>
    public IEnumerable<string> AllCitedClauses =>
        Clauses.Concat(AllFields.SelectMany(f => f.Clauses)).Concat(Rules.SelectMany(r => r.Clauses)).Distinct();
}
