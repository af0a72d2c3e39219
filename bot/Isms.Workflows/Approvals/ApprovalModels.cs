using System.Globalization;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using LiteDB;

namespace Isms.Workflows.Approvals;

/// <summary>What an approver decides on the card.</summary>
public enum Decision
{
    /// <summary>承認 (verb isms.approve).</summary>
    Approve,
    /// <summary>差戻し (verb isms.return): the applicant corrects and submits again; a comment is required.</summary>
    Return,
    /// <summary>却下 (verb isms.reject): a comment is required.</summary>
    Reject,
    /// <summary>確認 (verb isms.acknowledge), for reports such as 誤送信報告.</summary>
    Acknowledge,
    /// <summary>インシデントとして報告 (verb isms.reportIncident): acknowledges a report whose procedure can become an
    /// incident (誤送信報告) and opens an incident report linked to it (5.3(1)①).</summary>
    ReportIncident,
}

public static class DecisionText
{
    public const string ApproveVerb = "isms.approve";
    public const string ReturnVerb = "isms.return";
    public const string RejectVerb = "isms.reject";
    public const string AcknowledgeVerb = "isms.acknowledge";
    public const string ReportIncidentVerb = "isms.reportIncident";
    public const string RefreshVerb = "isms.refresh";

    public static string Label(this Decision decision) => decision switch
    {
        Decision.Approve => "承認",
        Decision.Return => "差戻し",
        Decision.Reject => "却下",
        Decision.Acknowledge => "確認",
        Decision.ReportIncident => "インシデントとして報告",
        _ => decision.ToString(),
    };

    public static string Verb(this Decision decision) => decision switch
    {
        Decision.Approve => ApproveVerb,
        Decision.Return => ReturnVerb,
        Decision.Reject => RejectVerb,
        Decision.ReportIncident => ReportIncidentVerb,
        _ => AcknowledgeVerb,
    };

    /// <summary>The decision an Action.Execute verb stands for; null for isms.refresh and anything unknown.</summary>
    public static Decision? FromVerb(string? verb) => verb switch
    {
        ApproveVerb => Decision.Approve,
        ReturnVerb => Decision.Return,
        RejectVerb => Decision.Reject,
        AcknowledgeVerb => Decision.Acknowledge,
        ReportIncidentVerb => Decision.ReportIncident,
        _ => null,
    };
}

/// <summary>Where the approval of one record stands.</summary>
public enum ApprovalState
{
    /// <summary>A step waits for a decision.</summary>
    Pending,
    /// <summary>Approved, acknowledged, returned or rejected: nothing more to decide.</summary>
    Decided,
    Withdrawn,
    /// <summary>The route has no Approve/Acknowledge step (e.g. an incident report that people only receive).</summary>
    NoDecision,
}

/// <summary>The result of <see cref="ApprovalService.Assign"/>.</summary>
/// <param name="View">What the approval card shows; render with <see cref="DecisionCard.ForApprovers"/> or <see cref="DecisionCard.Status"/>.</param>
/// <param name="Notifications">The current step's assignees and active deputies (or, for a route without decisions, the people who receive the report).</param>
/// <param name="Notes">The route's Japanese notes (a 1(8)① reroute, a vacant post), for the applicant.</param>
public sealed record ApprovalAssignment(
    RequestStatus Status,
    ApprovalState State,
    ApprovalView View,
    IReadOnlyList<Notice> Notifications,
    IReadOnlyList<string> Notes);

public enum DecisionOutcome
{
    /// <summary>The decision was recorded.</summary>
    Decided,
    /// <summary>Missing or too long comment, or a decision the step does not allow. Nothing changed.</summary>
    Invalid,
    /// <summary>The invoker is not an assignee or active deputy, is the applicant, or is not in the directory. Nothing changed.</summary>
    NotAllowed,
    /// <summary>Someone decided first. Nothing changed.</summary>
    AlreadyDecided,
    /// <summary>The applicant withdrew the request. Nothing changed.</summary>
    Withdrawn,
    /// <summary>The card's version is not the current one (an old or forged card). Nothing changed.</summary>
    StaleCard,
    /// <summary>No approval for this record id. Nothing changed.</summary>
    NotFound,
}

/// <summary>The result of <see cref="ApprovalService.Decide"/>.</summary>
/// <param name="Message">Japanese text for the invoker (the invoke response or a reply).</param>
/// <param name="View">The state to render into every copy of the card (UpdateActivity); null only when not found.</param>
/// <param name="ActivityId">The activity given to Assign (the applicant's submit), for the audit trail; the card copies to
/// update are in <see cref="ApprovalCardCopies"/>.</param>
public sealed record DecisionResult(
    DecisionOutcome Outcome,
    string Message,
    RequestStatus? Status,
    ApprovalView? View,
    IReadOnlyList<Notice> Notifications,
    string? ActivityId)
{
    public bool Succeeded => Outcome == DecisionOutcome.Decided;

    /// <summary>The incident report just created by <see cref="Decision.ReportIncident"/>: the host opens its chain.</summary>
    public RequestRecord? Incident { get; init; }
}

public enum WithdrawOutcome
{
    Withdrawn,
    NotApplicant,
    NotPending,
    NotFound,
}

/// <summary>The result of <see cref="ApprovalService.Withdraw"/>; <see cref="Notifications"/> tell the approvers.</summary>
public sealed record WithdrawResult(
    WithdrawOutcome Outcome,
    string Message,
    ApprovalView? View,
    IReadOnlyList<Notice> Notifications,
    string? ActivityId)
{
    public bool Succeeded => Outcome == WithdrawOutcome.Withdrawn;
}

/// <summary>A decision as the cards show it.</summary>
/// <param name="Clause">The clause the step was decided under.</param>
public sealed record DecisionView(string DeciderName, string? ActingFor, Decision Decision, DateTimeOffset At, string? Comment, string StepLabel,
    string? Clause = null);

/// <summary>Everything a decision or status card shows; built by the service from the record and the approval document.</summary>
/// <param name="CurrentStepNotes">Why the current step went to whom it did (a 1(8)① reroute, a vacant post).</param>
/// <param name="Resubmitted">Corrected and resubmitted after a 差戻し; <paramref name="ChangesSinceReturn"/> says what changed.</param>
/// <param name="CanReportIncident">The report may be made an incident report (5.3(1)①): on its 確認 card while it waits, and
/// once confirmed until it has been made one; <paramref name="DeciderTeamsUserIds"/> are then those who may.</param>
public sealed record ApprovalView(
    string RecordId,
    string Number,
    string Title,
    string ApplicantName,
    string? Department,
    string Confidentiality,
    IReadOnlyList<(string Label, string Value)> Answers,
    IReadOnlyList<string> Clauses,
    DateTimeOffset SubmittedAt,
    RequestStatus Status,
    ApprovalState State,
    StepAction? CurrentAction,
    string? CurrentStepLabel,
    string? CurrentClause,
    IReadOnlyList<string> CurrentDeciderNames,
    IReadOnlyList<string> DeciderTeamsUserIds,
    string CardVersion,
    IReadOnlyList<DecisionView> Decisions,
    string? CurrentStepSpokenLabel = null,
    IReadOnlyList<string>? CurrentStepNotes = null,
    bool Resubmitted = false,
    IReadOnlyList<AnswerChange>? ChangesSinceReturn = null,
    string? CurrentTask = null,
    bool CanReportIncident = false,
    string? LinkedRecord = null);

/// <summary>Stored in the <c>approvals</c> collection, keyed by record id.</summary>
public sealed class ApprovalDocument
{
    public string Id { get; set; } = "";
    public string RecordNumber { get; set; } = "";
    public ApprovalState State { get; set; }
    /// <summary>Incremented on every change; guards against lost updates.</summary>
    public int Version { get; set; }
    /// <summary>Random, renewed on every change: a card whose version is not this one is refused.</summary>
    public string CardVersion { get; set; } = "";
    public int CurrentIndex { get; set; }
    public List<StoredStep> Steps { get; set; } = [];
    public List<StoredDecision> Decisions { get; set; } = [];
    public string? ActivityId { get; set; }
    /// <summary>When the first step was assigned. Stored under the name it had as a UTC DateTime (AssignedAtUtc): LiteDB
    /// writes a DateTimeOffset as the same UTC date, so older documents read unchanged.</summary>
    [BsonField("AssignedAtUtc")]
    public DateTimeOffset AssignedAt { get; set; }

    public StoredStep? Current => State == ApprovalState.Pending && CurrentIndex < Steps.Count ? Steps[CurrentIndex] : null;
}

public sealed class StoredStep
{
    public string RuleName { get; set; } = "";
    public int Stage { get; set; }
    public StepAction Action { get; set; }
    public OrgRole Role { get; set; }
    public OrgRole? RequestedRole { get; set; }
    public string? Department { get; set; }
    public string? System { get; set; }
    public string Label { get; set; } = "";
    public string Clause { get; set; } = "";
    public List<StoredPerson> Assignees { get; set; } = [];
    /// <summary>Deputies active on the day the step was assigned; who may decide is checked again on the decision day.</summary>
    public List<StoredPerson> Deputies { get; set; } = [];
    /// <summary>Why the step went to whom it did (a 1(8)① reroute, a vacant post), as the router said it.</summary>
    public List<string> Notes { get; set; } = [];
    /// <summary>What the step's people do, from the rules file; null for the action's own words.</summary>
    public string? Task { get; set; }

    /// <summary>A routed step as stored (its role is set: steps without one are not stored).</summary>
    public static StoredStep From(ApprovalStep step) => new()
    {
        RuleName = step.RuleName,
        Stage = step.Stage,
        Action = step.Action,
        Role = step.Role!.Value,
        RequestedRole = step.RequestedRole,
        Department = step.Department,
        System = step.System,
        Label = step.Label,
        Clause = step.Clause,
        Assignees = step.Assignees.Select(a => StoredPerson.From(a)).ToList(),
        Deputies = step.Deputies.Select(d => StoredPerson.From(d.Person, d.ActsForId)).ToList(),
        Notes = [.. step.Notes],
        Task = step.Task,
    };

    public ApprovalStep ToStep() => new(RuleName, Stage, Action, Role, RequestedRole, Department, System,
        Assignees.Select(a => new Assignee(a.PersonId, a.Name, a.AadObjectId, a.TeamsUserId)).ToList(), [], Clause, null, [], Task);

    /// <inheritdoc cref="ApprovalStep.SpokenLabel"/>
    public string SpokenLabel() => ToStep().SpokenLabel;
}

public sealed class StoredPerson
{
    public string PersonId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string? TeamsUserId { get; set; }
    public string? ActsForId { get; set; }

    public static StoredPerson From(Assignee a, string? actsFor = null) =>
        new() { PersonId = a.PersonId, Name = a.Name, AadObjectId = a.AadObjectId, TeamsUserId = a.TeamsUserId, ActsForId = actsFor };
}

public sealed class StoredDecision
{
    public int StepIndex { get; set; }
    public Decision Decision { get; set; }
    public string PersonId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ActingForName { get; set; }
    /// <summary>ISO 8601 text, as stored (LiteDB dates lose the offset); code reads <see cref="DecidedAt"/>.</summary>
    public string At { get; set; } = "";

    [BsonIgnore]
    public DateTimeOffset DecidedAt
    {
        get => DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        set => At = value.ToString("O", CultureInfo.InvariantCulture);
    }
    public string? Comment { get; set; }
    public string Clause { get; set; } = "";
    public string? ActivityId { get; set; }
}
