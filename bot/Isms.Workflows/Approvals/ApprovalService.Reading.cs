using Isms.Workflows.Audit;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Approvals;

/// <summary>Reading an approval: its state, who may see it, and the card each person gets on a refresh.</summary>
public sealed partial class ApprovalService
{
    /// <summary>The state of a record's approval, for a refresh (isms.refresh) or 申請状況; null when it was never assigned.</summary>
    public ApprovalView? Find(string recordId)
    {
        var document = _approvals.FindById(recordId);
        var record = document is null ? null : _records.FindById(recordId);
        return document is null || record is null ? null : View(record, document);
    }

    /// <summary>What someone who may not see a request is told of it (the same whether or not it exists).</summary>
    public const string NotVisible = "この申請は表示できません。表示できるのは申請者、承認者（代理を含む）と監査を担当する方だけです。";

    /// <summary>Whether the sender may see the record: <see cref="RecordPeople.MayView"/> with the people of every step
    /// (assignees and deputies), whoever decided, the auditors (<see cref="AuditAccess"/>) and those the route informs;
    /// false for an unknown record.</summary>
    public bool MayView(string recordId, string? aadObjectId, string? teamsUserId)
    {
        var document = _approvals.FindById(recordId);
        var record = document is null ? null : _records.FindById(recordId);
        return document is not null && record is not null && MayView(record, document, aadObjectId, teamsUserId);
    }

    private bool MayView(RequestRecord record, ApprovalDocument document, string? aadObjectId, string? teamsUserId) =>
        _people.MayView(_directory.Identify(aadObjectId, teamsUserId).Person, aadObjectId, teamsUserId, record, person =>
            _people.OfSteps(document.Steps).Any(r => r.PersonId == person.Id)
            || document.Decisions.Any(d => d.PersonId == person.Id)
            || AuditAccess.MayAudit(_directory.Current, person)
            // Those the route only informs (a report's receivers) are told of it, so they may see it too.
            || _router.Route(record, JapanTime.Today(_time)).Steps.Any(s => s.Assignees.Any(a => a.PersonId == person.Id)));

    /// <summary>The card to return to an isms.refresh invoke: buttons for someone who may decide now (or, on a confirmed
    /// report, still turn it into an incident), the status for everyone else who may see it (<see cref="MayView(string, string?, string?)"/>); null for anyone else.</summary>
    /// <param name="approverNotice">For someone who may decide: a message in red above the current buttons.</param>
    public System.Text.Json.Nodes.JsonObject? CardFor(string recordId, string? aadObjectId, string? teamsUserId, string? approverNotice = null)
    {
        var document = _approvals.FindById(recordId);
        var record = document is null ? null : _records.FindById(recordId);
        if (document is null || record is null || !MayView(record, document, aadObjectId, teamsUserId)) return null;
        var view = View(record, document);
        var person = _directory.Identify(aadObjectId, teamsUserId).Person;
        var step = document.Current;
        var mayDecide = step is not null && person is not null && _router.MayDecide(step.ToStep(), person, JapanTime.Today(_time), record);
        return mayDecide ? DecisionCard.ForApprovers(view, notice: approverNotice)
            : MayReportLater(record, document, person) ? DecisionCard.ConfirmedReport(view)
            : DecisionCard.Status(view);
    }
}
