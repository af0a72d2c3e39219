using Isms.Workflows;
using Isms.Jobs.Ports;
using Isms.Workflows.Approvals;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Jobs;

/// <summary>
/// The current step of each pending approval, read from <see cref="ApprovalService"/>'s <c>approvals</c> collection in
/// one query: its assignees and the deputies active today, when the step began (the assignment for the first step,
/// the approval that handed it on for a later one), and the holders of the next role up the rules'
/// approverOrder (管理者 → 責任者 → 統括 → CISO) (a vacant post is skipped; a role off the ladder escalates to the 統括).
/// </summary>
public sealed class StoredApprovalAssignments : IApprovalAssignments
{
    private readonly ILiteCollection<ApprovalDocument> _approvals;
    private readonly OrgDirectoryService _directory;
    private readonly TimeProvider _time;
    private readonly RoutingRules _rules;

    public StoredApprovalAssignments(IsmsDatabase database, OrgDirectoryService directory, RoutingRules rules, TimeProvider time)
    {
        _rules = rules;
        _approvals = database.Collection<ApprovalDocument>(ApprovalService.CollectionName);
        _approvals.EnsureIndex(a => a.State);
        _directory = directory;
        _time = time;
    }

    public Task<IReadOnlyDictionary<string, PendingStep>> CurrentAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        var wanted = recordIds as IReadOnlySet<string> ?? recordIds.ToHashSet(StringComparer.Ordinal);
        var directory = _directory.Current;
        var today = JapanTime.Today(_time);
        var escalation = new Dictionary<(OrgRole, string?), (IReadOnlyList<Recipient>, string)>();
        var result = new Dictionary<string, PendingStep>(StringComparer.Ordinal);
        foreach (var document in _approvals.Find(a => a.State == ApprovalState.Pending))
        {
            if (!wanted.Contains(document.Id) || document.Current is not { } step)
            {
                continue;
            }

            var approvers = step.Assignees.Select(a => Reach(directory, a))
                .Concat(step.Deputies.Select(d => Reach(directory, d)))
                .Concat(step.Assignees.SelectMany(a => directory.ActiveDeputies(a.PersonId, step.Role, today)).Select(StaffIdentity.RecipientOf))
                .DistinctBy(r => r.Key)
                .ToList();
            var key = (step.Role, step.Role.IsDepartmental() ? step.Department : null);
            if (!escalation.TryGetValue(key, out var next))
            {
                escalation[key] = next = NextUp(_rules, directory, step.Role, step.Department);
            }

            result[document.Id] = new PendingStep(approvers, StepStartedAt(document), next.Item1, next.Item2, step.Action == StepAction.Acknowledge);
        }

        return Task.FromResult<IReadOnlyDictionary<string, PendingStep>>(result);
    }

    /// <summary>When the current step began: the assignment, or the approval of the step before it.</summary>
    public static DateTimeOffset StepStartedAt(ApprovalDocument document)
    {
        var handedOn = document.CurrentIndex == 0 ? null
            : document.Decisions.LastOrDefault(d => d.StepIndex == document.CurrentIndex - 1 && d.Decision == Decision.Approve);
        return handedOn?.DecidedAt ?? document.AssignedAt;
    }

    private static (IReadOnlyList<Recipient>, string) NextUp(RoutingRules rules, OrgDirectory directory, OrgRole role, string? department)
    {
        var next = rules.NextUp(role) ?? (rules.ApproverOrder.Contains(role) ? null : OrgRole.ChiefSecurityOfficer);
        while (next is { } candidate)
        {
            var holders = directory.Holders(candidate, candidate.IsDepartmental() ? department : null);
            if (holders.Count > 0)
            {
                return (holders.Select(StaffIdentity.RecipientOf).ToList(), candidate.Label());
            }

            next = rules.NextUp(candidate);
        }

        return ([], "");
    }

    /// <summary>The person as the directory knows them now (Teams ids are learned over time), else as stored.</summary>
    private static Recipient Reach(OrgDirectory directory, StoredPerson stored) =>
        directory.FindById(stored.PersonId) is { } person
            ? StaffIdentity.RecipientOf(person)
            : new Recipient(stored.PersonId, stored.Name, stored.AadObjectId, stored.TeamsUserId);
}
