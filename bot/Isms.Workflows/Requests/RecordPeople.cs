using Isms.Workflows.Approvals;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;

namespace Isms.Workflows.Requests;

/// <summary>
/// The people around a record as the org directory knows them now: the applicant (the reporter of an incident) and
/// the people of routed steps. Approvals and incidents ask here, so that "is this the applicant" and "who is told for
/// this step" have one answer.
/// </summary>
public sealed class RecordPeople(OrgDirectoryService directory, TimeProvider time)
{
    /// <summary>The applicant's directory entry, by Entra object id, else by Teams user id.</summary>
    public Person? Applicant(RequestRecord record) => record.Applicant.PersonIn(directory.Current);

    /// <inheritdoc cref="RecordApplicant.IsPerson"/>
    public bool IsApplicant(Person person, RequestRecord record) => record.Applicant.IsPerson(person, directory.Current);

    /// <summary>
    /// Who may see a record's contents (one rule for approvals and incidents): the applicant, by the sender's ids or as
    /// the same directory entry, and the directory people <paramref name="involved"/> names (the approvers and their
    /// deputies, those told of an incident, the CSIRT, the auditors). Everyone else is told nothing of it.
    /// </summary>
    public bool MayView(Person? person, string? aadObjectId, string? teamsUserId, RequestRecord record, Func<Person, bool> involved) =>
        record.Applicant.IsSender(teamsUserId, aadObjectId) || (person is not null && (IsApplicant(person, record) || involved(person)));

    /// <summary>The applicant to notify, with the ids the record keeps and the directory adds.</summary>
    public Recipient ApplicantRecipient(RequestRecord record)
    {
        var person = Applicant(record);
        return new Recipient(person?.Id, record.Applicant.Name, record.Applicant.AadObjectId ?? person?.AadObjectId, record.Applicant.UserId);
    }

    /// <summary>Assignees and deputies of the steps (those stored and those active today), once each, with the Teams ids
    /// the directory knows now (they are learned over time).</summary>
    public List<Recipient> OfSteps(IEnumerable<StoredStep> steps)
    {
        var current = directory.Current;
        var today = JapanTime.Today(time);
        return steps.SelectMany(step => step.Assignees.Select(a => a.PersonId)
                .Concat(step.Deputies.Select(d => d.PersonId))
                .Concat(step.Assignees.SelectMany(a => current.ActiveDeputies(a.PersonId, step.Role, today)).Select(p => p.Id))
                .Select(id => (Id: id, Stored: step.Assignees.Concat(step.Deputies).FirstOrDefault(p => p.PersonId == id))))
            .DistinctBy(p => p.Id)
            .Select(p => current.FindById(p.Id) is { } now
                ? Recipient.Of(now)
                : new Recipient(p.Id, p.Stored?.Name ?? p.Id, p.Stored?.AadObjectId, p.Stored?.TeamsUserId))
            .ToList();
    }
}
