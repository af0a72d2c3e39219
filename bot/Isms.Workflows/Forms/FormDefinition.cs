using Isms.Workflows.Requests;

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
}

/// <summary>A policy consequence of some answers. All conditions must hold; <see cref="Clauses"/> are added to the record.</summary>
public sealed record FormRule(string Id, IReadOnlyList<FieldCondition> When, IReadOnlyList<string> Clauses, RuleEffects Effects)
{
    public string? Notice { get; init; }
    /// <summary>Replaces the form's <see cref="FormDefinition.NextStep"/> when the rule applies (first applicable rule wins).</summary>
    public string? NextStep { get; init; }

    public bool Applies(IReadOnlyDictionary<string, string> answers) => FieldCondition.AllMet(When, answers);
}

/// <summary>
/// A guided form as data: its steps and fields, the clauses behind them, the rules between answers and the record
/// it produces. The engine (<see cref="FormService"/>) has no per-form code.
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

    public IEnumerable<FieldDefinition> AllFields => Steps.SelectMany(s => s.Fields);

    public FieldDefinition? FindField(string id) => AllFields.FirstOrDefault(f => f.Id == id);

    /// <summary>Every clause the definition cites, for the check against the policy's clause list.</summary>
    public IEnumerable<string> AllCitedClauses =>
        Clauses.Concat(AllFields.SelectMany(f => f.Clauses)).Concat(Rules.SelectMany(r => r.Clauses)).Distinct();
}
