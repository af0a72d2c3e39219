using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Approvals;

/// <summary>
/// 承認待ち: the records whose current step this person may decide today, as assignee or as an active deputy
/// (the same check <see cref="ApprovalService.Decide"/> makes), oldest first.
/// </summary>
public sealed class WaitingApprovals
{
    private readonly ILiteCollection<ApprovalDocument> _approvals;
    private readonly ILiteCollection<RequestRecord> _records;
    private readonly ApprovalRouter _router;
    private readonly ApprovalService _service;
    private readonly TimeProvider _time;

    public WaitingApprovals(IsmsDatabase database, ApprovalRouter router, ApprovalService service, TimeProvider time)
    {
        _approvals = database.Collection<ApprovalDocument>(ApprovalService.CollectionName);
        _records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
        _router = router;
        _service = service;
        _time = time;
    }

    public IReadOnlyList<ApprovalView> For(Person person, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(person);
        var today = JapanTime.Today(_time);
        var waiting = new List<ApprovalView>();
        foreach (var document in _approvals.Find(d => d.State == ApprovalState.Pending).OrderBy(d => d.AssignedAt))
        {
            if (document.Current is not { } step || _records.FindById(document.Id) is not { } record
                || !_router.MayDecide(step.ToStep(), person, today, record))
            {
                continue;
            }

            if (_service.Find(document.Id) is { } view)
            {
                waiting.Add(view);
            }

            if (waiting.Count == max)
            {
                break;
            }
        }

        return waiting;
    }
}
