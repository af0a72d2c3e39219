using Isms.Workflows.Audit;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Approvals;

/// <summary>
/// Pending approvals follow the directory: the current step is decided by whoever holds its role now, not by who held
/// it at the assignment. Checked at each decision and, for every pending approval, when the directory is reloaded; each
/// move and each reload leaves an audit entry.
/// </summary>
public sealed partial class ApprovalService
{
    /// <summary>Re-resolves every pending approval after a reload of the directory; returns how many moved.</summary>
    public int FollowDirectory() => _changes.Locked(() =>
    {
        var moved = 0;
        foreach (var document in _approvals.Find(a => a.State == ApprovalState.Pending).ToList())
        {
            if (_records.FindById(document.Id) is { } record && FollowDirectory(record, document, null)) moved++;
        }

        return moved;
    });

    private void OnDirectoryReloaded(OrgDirectory directory)
    {
        var moved = FollowDirectory();
        // Counts only: the directory's contents are personal data and stay in the directory file.
        _audit.Append(new AuditEvent("DirectoryReloaded", "system", Detail:
            $"組織名簿を再読込（{directory.People.Count}人、役割{directory.Roles.Count}件、代理{directory.Deputies.Count}件）、回付先の変更{moved}件"));
    }

    /// <summary>
    /// The current step's assignees and deputies as the directory routes them today (the role's holder, a vacant post
    /// escalated, 1(8)① applied); when they differ from those stored, they are replaced, the record notes it and the
    /// audit trail keeps who moved to whom. Call it inside the lock. Returns whether the step moved.
    /// </summary>
    private bool FollowDirectory(RequestRecord record, ApprovalDocument document, string? activityId)
    {
        if (document.State != ApprovalState.Pending || document.Current is not { } step) return false;
        var routed = _router.Route(record, JapanTime.Today(_time)).Decisions.Where(s => s.Role is not null).Select(StoredStep.From).ToList();
        if (document.CurrentIndex >= routed.Count) return false;
        var now = routed[document.CurrentIndex];
        // Only the same step of the same rule follows; a changed rule is not this step any more.
        if (now.RuleName != step.RuleName || now.Stage != step.Stage || now.Clause != step.Clause || now.Action != step.Action) return false;
        if (now.Role == step.Role && Ids(now.Assignees).SequenceEqual(Ids(step.Assignees))) return false;

        var before = $"{step.Label}: {string.Join(",", Ids(step.Assignees))}";
        (step.Role, step.Label, step.Assignees, step.Deputies) = (now.Role, now.Label, now.Assignees, now.Deputies);
        document.Version++;
        record.Note(new RequestHistoryEntry
        {
            At = _time.GetUtcNow(),
            Actor = "system",
            Action = "Reassigned",
            Note = $"組織名簿の変更により、{step.Label}（{Names(step)}）に回付し直しました（根拠 {step.Clause}）",
        });
        var after = $"{step.Label}: {string.Join(",", Ids(step.Assignees))}"
            + (step.Deputies.Count > 0 ? $" 代理: {string.Join(",", Ids(step.Deputies))}" : "");
        _changes.Commit(record, () => _approvals.Upsert(document), [new AuditEvent("Reassigned", "system", null, record.Id, record.Number,
            record.Status.ToString(), record.Status.ToString(), step.Clause, activityId, $"{before} → {after}")]);
        return true;
    }

    private static IEnumerable<string> Ids(IEnumerable<StoredPerson> people) => people.Select(p => p.PersonId).Order(StringComparer.Ordinal);
}
