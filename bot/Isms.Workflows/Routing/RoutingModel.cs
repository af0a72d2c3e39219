using Isms.Workflows.Forms;
using Isms.Workflows.Org;

namespace Isms.Workflows.Routing;

/// <summary>What the people of a step do with the record.</summary>
public enum StepAction
{
    /// <summary>承認・許可 (a request).</summary>
    Approve,
    /// <summary>確認 (a report such as 誤送信報告).</summary>
    Acknowledge,
    /// <summary>報告を受ける (the incident chain of 5.3(1)).</summary>
    Receive,
    /// <summary>インシデントかどうかの評価 (CSIRT, 5.3(3)①).</summary>
    Assess,
    /// <summary>A reminder for people outside the directory (個人情報保護委員会, 総務省 …); nobody decides it in the bot.</summary>
    Flag,
}

public static class StepActionText
{
    public static string Verb(this StepAction action) => action switch
    {
        StepAction.Approve => "承認します",
        StepAction.Acknowledge => "確認します",
        StepAction.Receive => "報告を受けます",
        StepAction.Assess => "評価します",
        _ => "検討します",
    };
}

/// <summary>A person named in a step, with the ids the cards and notifications need.</summary>
public sealed record Assignee(string PersonId, string Name, string? AadObjectId, string? TeamsUserId)
{
    public static Assignee From(Person person) => new(person.Id, person.Name, person.AadObjectId, person.TeamsUserId);
}

/// <summary>Someone acting for <see cref="ActsForId"/> (代理・代決) on the route's decision date.</summary>
public sealed record DeputyAssignee(Assignee Person, string ActsForId, DateOnly Until);

/// <summary>One step of a route. Steps with the same <see cref="Stage"/> happen together (e.g. 5.3(1)② notifies two roles).</summary>
/// <param name="Role">The role that acts, after any 兼務 reroute; null for <see cref="StepAction.Flag"/> steps.</param>
/// <param name="RequestedRole">The role the rule named, before any reroute.</param>
/// <param name="Department">The 所属 for departmental roles.</param>
/// <param name="External">For flag steps: who outside the bot to consider (e.g. 個人情報保護委員会).</param>
/// <param name="Task">What the step's people do, from the rules file (null: the action's own words).</param>
/// <param name="Notes">Japanese explanations: why the step was rerouted (citing 1(8)①), a vacant post.</param>
public sealed record ApprovalStep(
    string RuleName,
    int Stage,
    StepAction Action,
    OrgRole? Role,
    OrgRole? RequestedRole,
    string? Department,
    string? System,
    IReadOnlyList<Assignee> Assignees,
    IReadOnlyList<DeputyAssignee> Deputies,
    string Clause,
    string? External,
    IReadOnlyList<string> Notes,
    string? Task = null)
{
    public bool WasRerouted => Role != RequestedRole;

    /// <summary>e.g. 警防課 情報セキュリティ管理者, or the external body.</summary>
    public string Label => Role is null
        ? External ?? ""
        : Department is not null && Role.Value.IsDepartmental() ? $"{Department} {Role.Value.Label()}" : Role.Value.Label();

    /// <summary>The label as a sentence says it: 警防課の情報セキュリティ管理者（として判断してください）.</summary>
    public string SpokenLabel => Role is not null && Department is not null && Role.Value.IsDepartmental()
        ? $"{Department}の{Role.Value.Label()}"
        : Label;
}

/// <summary>Who acts on a record, in order, as the routing rules and the org directory say on <see cref="DecisionDate"/>.</summary>
public sealed record ApprovalRoute(
    string RecordId,
    FormKind Kind,
    string? ApplicantPersonId,
    string? Department,
    DateOnly DecisionDate,
    IReadOnlyList<ApprovalStep> Steps,
    IReadOnlyList<string> Notes)
{
    public IEnumerable<ApprovalStep> Decisions => Steps.Where(s => s.Action is StepAction.Approve or StepAction.Acknowledge);
}
