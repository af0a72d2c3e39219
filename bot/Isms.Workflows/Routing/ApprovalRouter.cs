using Isms.Workflows.Org;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Routing;

/// <summary>Turns a record into the people who approve, acknowledge or receive it, from the routing rules and the
/// org directory as they stand on the decision date.</summary>
public sealed class ApprovalRouter
{
    private readonly RoutingRules _rules;
    private readonly Func<OrgDirectory> _directory;

    public ApprovalRouter(RoutingRules rules, OrgDirectoryService directory) : this(rules, () => directory.Current)
    {
    }

    public ApprovalRouter(RoutingRules rules, Func<OrgDirectory> directory)
    {
        _rules = rules;
        _directory = directory;
    }

    public ApprovalRoute Route(RequestRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        var directory = _directory();
        var applicant = record.Applicant.PersonIn(directory);
        // The directory knows the applicant's 所属 better than what was typed into the form.
        var department = applicant?.Department ?? record.Applicant.Department?.Trim();
        var notes = new List<string>();
        if (applicant is null) notes.Add("申請者が組織名簿に見つかりません。申請時の所属をもとに経路を決めました。");
        if (department is null || !directory.HasDepartment(department))
            notes.Add($"所属「{department ?? "未入力"}」が組織名簿にありません。所属ごとの役割は上位の役割に回します。");

        var steps = _rules.For(record)
            .SelectMany(rule => rule.Steps.Select(step => BuildStep(directory, _rules, rule, step, SystemOf(step, record, directory, notes), applicant, department, today)))
            .OrderBy(s => s.Stage)
            .ToList();
        return new ApprovalRoute(record.Id, record.Kind, applicant?.Id, department, today, steps, notes);
    }

    /// <summary>Whether <paramref name="invoker"/> may decide <paramref name="step"/> on <paramref name="today"/>: an
    /// assignee, or someone acting for one (代理・代決) that day; never the applicant (1(8)①) nor someone not in the directory.</summary>
    public bool MayDecide(ApprovalStep step, Person? invoker, DateOnly today, RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(record);
        if (invoker is null || step.Role is null || step.Action == StepAction.Flag) return false;
        var directory = _directory();
        if (directory.FindById(invoker.Id) is null) return false;
        if (record.Applicant.IsPerson(invoker, directory)) return false;
        if (step.Assignees.Any(a => a.PersonId == invoker.Id)) return true;
        return step.Assignees.Any(a => directory.ActiveDeputies(a.PersonId, step.Role.Value, today).Any(d => d.Id == invoker.Id));
    }

    /// <summary>The system of a per-system step: the one the answer names when the directory has its 情報システム管理者,
    /// else the rule's own (the network, 1(5)①), which the applicant is told.</summary>
    private static string? SystemOf(RuleStep step, RequestRecord record, OrgDirectory directory, List<string> notes)
    {
        if (step.SystemAnswer is null || step.Role is not { } role) return step.System;
        var answer = record.Answers.GetValueOrDefault(step.SystemAnswer);
        var named = answer?.Value?.Trim();
        if (named is { Length: > 0 } && directory.Holders(role, null, named).Count > 0) return named;
        // An optional question left unanswered falls back quietly: nobody said anything to correct.
        if (step.System is null || named is not { Length: > 0 }) return step.System;
        // An answer of the field's own (分からない) reads as itself; a system name means the directory lost its 管理者.
        var note = answer is { } given && given.Display != given.Value
            ? $"対象のシステムが「{given.Display}」とのことなので、{step.System}の{role.Label()}に回しました。"
            : $"「{answer?.Display ?? "対象のシステム"}」の{role.Label()}が組織名簿にいないため、{step.System}の{role.Label()}に回しました。";
        if (!notes.Contains(note)) notes.Add(note);
        return step.System;
    }

    private static ApprovalStep BuildStep(OrgDirectory directory, RoutingRules rules, RoutingRule rule, RuleStep step, string? system, Person? applicant, string? department, DateOnly today)
    {
        if (step.Role is null)
            return new ApprovalStep(rule.Name, step.Stage, step.Action, null, null, null, null, [], [], step.Clause, step.External, []);

        var notes = new List<string>();
        var role = step.Role.Value;
        var holders = Eligible(directory, role, department, system, applicant, out var applicantHolds);
        // 1(8)① concerns approval; people who only receive a report keep receiving it.
        var decides = step.Action is StepAction.Approve or StepAction.Acknowledge;
        while (decides && holders.Count == 0)
        {
            var next = rules.NextUp(role);
            var who = role.IsDepartmental() ? $"{department}の{role.Label()}" : role.Label();
            if (next is null)
            {
                notes.Add(applicantHolds
                    ? $"申請者本人が{who}であり、兼務の禁止（1(8)①）により自らの申請を{Noun(step.Action)}できませんが、上位の役割がないため判断できる者が組織名簿にいません。名簿の管理者に連絡してください。"
                    : $"{who}が組織名簿にいないうえ、上位の役割がないため判断できる者が組織名簿にいません。名簿の管理者に連絡してください。");
                break;
            }

            notes.Add(applicantHolds
                ? $"申請者本人が{who}であり、兼務の禁止（1(8)①）により申請者は自らの申請を{Noun(step.Action)}できないため、{next.Value.Label()}が{step.Action.Verb()}。"
                : $"{who}が組織名簿にいないため、{next.Value.Label()}が{step.Action.Verb()}。");
            role = next.Value;
            holders = Eligible(directory, role, department, system, applicant, out applicantHolds);
        }

        if (!decides && holders.Count == 0)
            notes.Add($"{(role.IsDepartmental() ? $"{department}の" : "")}{role.Label()}が組織名簿にいません。");

        var deputies = holders
            .SelectMany(h => directory.Deputies
                .Where(d => d.PrincipalId == h.Id && d.Role == role && d.IsActiveOn(today) && d.DeputyId != applicant?.Id)
                .Select(d => new DeputyAssignee(Assignee.From(directory.FindById(d.DeputyId)!), h.Id, d.Until)))
            .ToList();
        return new ApprovalStep(rule.Name, step.Stage, step.Action, role, step.Role, role.IsDepartmental() ? department : null,
            system, holders.Select(Assignee.From).ToList(), deputies, step.Clause, null, notes, step.Task);
    }

    private static List<Person> Eligible(OrgDirectory directory, OrgRole role, string? department, string? system, Person? applicant, out bool applicantHolds)
    {
        var holders = directory.Holders(role, department, system);
        applicantHolds = applicant is not null && holders.Any(h => h.Id == applicant.Id);
        return holders.Where(h => h.Id != applicant?.Id).ToList();
    }

    private static string Noun(StepAction action) => action == StepAction.Acknowledge ? "確認" : "承認";

}
