using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Routing;

/// <summary>When a rule applies to a record. Every condition given must hold.</summary>
public sealed record RuleCondition(
    int? MinConfidentiality,
    int? MaxConfidentiality,
    bool? Incident,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers)
{
    public static readonly RuleCondition Always = new(null, null, null, new Dictionary<string, IReadOnlyList<string>>());

    public bool Matches(RequestRecord record) =>
        (MinConfidentiality is null || record.HighestConfidentiality >= MinConfidentiality)
        && (MaxConfidentiality is null || record.HighestConfidentiality <= MaxConfidentiality)
        && (Incident is null || record.IsIncident == Incident)
        && Answers.All(a => record.Answers.TryGetValue(a.Key, out var answer) && a.Value.Contains(answer.Value));
}

/// <summary>One step as written in the rules file, its <c>$setting</c> references already resolved.</summary>
/// <param name="SystemAnswer">For a per-system role: the form field whose answer names the system (障害報告: which system
/// failed); <see cref="System"/> is then the fallback when the answer names none the directory knows.</param>
/// <param name="Task">What the people of the step do, as the cards say it (8.3(5)①: the 責任者 applies to the 許可権限者);
/// null for the action's own words (承認するかどうかを判断します).</param>
/// <param name="DoneByApplying">The step is the role holder's own application (8.3(5)①: the 責任者 selects and applies): when the
/// applicant holds the role, applying has done it, so it is left out rather than moved up (1(8)① concerns deciding).</param>
public sealed record RuleStep(int Stage, StepAction Action, OrgRole? Role, string? System, string? External, string Clause, string? SystemAnswer = null,
    string? Task = null, bool DoneByApplying = false);

public sealed record RoutingRule(string Name, int Line, IReadOnlyList<FormKind> Forms, RuleCondition When, IReadOnlyList<RuleStep> Steps)
{
    public bool AppliesTo(RequestRecord record) => Forms.Contains(record.Kind) && When.Matches(record);
}

/// <summary>The validated routing rules (data/routing-rules.yaml). Every rule that applies adds its steps, in file order.</summary>
public sealed class RoutingRules(IReadOnlyList<RoutingRule> rules, IReadOnlyDictionary<string, string> settings, IReadOnlyList<OrgRole> approverOrder)
{
    public IReadOnlyList<RoutingRule> Rules { get; } = rules;

    /// <summary>The settings after configuration overrides, e.g. cloudPermissionAuthority → ChiefSecurityOfficer.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    /// <summary>The roles a decision moves up through when the applicant holds the role (兼務の禁止 1(8)①) or nobody
    /// does, lowest first: the file's approverOrder (管理者 → 責任者 → 統括 → CISO as shipped).</summary>
    public IReadOnlyList<OrgRole> ApproverOrder { get; } = approverOrder;

    /// <summary>The role after <paramref name="role"/> in <see cref="ApproverOrder"/>; null at the top or for a role not in it.</summary>
    public OrgRole? NextUp(OrgRole role)
    {
        var index = ApproverOrder.ToList().IndexOf(role);
        return index >= 0 && index < ApproverOrder.Count - 1 ? ApproverOrder[index + 1] : null;
    }

    public IEnumerable<RoutingRule> For(RequestRecord record) => Rules.Where(r => r.AppliesTo(record));

    /// <summary>The role of the first Approve step of the first rule for a form, whatever its answers; null when none.</summary>
    public OrgRole? ApproverOf(FormKind form) => Rules.Where(r => r.Forms.Contains(form))
        .SelectMany(r => r.Steps).FirstOrDefault(s => s.Action == StepAction.Approve && s.Role is not null)?.Role;
}

/// <summary>The routing rules cannot be used; the bot must not start with them.</summary>
public sealed class RoutingRulesException(string source, IReadOnlyList<string> errors)
    : Exception($"Routing rules '{source}' are invalid: {string.Join("; ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
