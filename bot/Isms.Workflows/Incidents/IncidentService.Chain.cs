using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;

namespace Isms.Workflows.Incidents;

/// <summary>Who is who on the chain, who may see a case, and how a change is stored.</summary>
public sealed partial class IncidentService
{
    /// <summary>The card for an invoke or a refresh: the 確認 button for the 管理者 while unacknowledged, the triage card
    /// for the CSIRT while open, the timeline for the others who may see it; null for anyone else.</summary>
    public JsonObject? CardFor(string recordId, string? aadObjectId, string? teamsUserId)
    {
        if (!TryLoad(recordId, out var record, out var incident)) return null;
        var person = _directory.Identify(aadObjectId, teamsUserId).Person;
        if (!MayView(person, aadObjectId, teamsUserId, record, incident)) return null;
        var view = View(record, incident);
        if (person is not null && !_people.IsApplicant(person, record))
        {
            if (AcknowledgeCard(person, record, incident, view) is { } ack) return ack;
            if (incident.Status != IncidentStatus.Closed && IsCsirt(person)) return IncidentCards.ForCsirt(view);
            if (incident.Status == IncidentStatus.Closed && IsCisoNow(person)) return IncidentCards.ForCiso(view);
        }

        return IncidentCards.Timeline(view);
    }

    /// <summary>インシデント状況's card for this person: the 確認 card while they may confirm it (the 管理者, a deputy,
    /// or the 統括 standing in), the CISO's instruction card after the close, else the timeline.</summary>
    public JsonObject StatusCardFor(IncidentView view, string? aadObjectId, string? teamsUserId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var person = _directory.Identify(aadObjectId, teamsUserId).Person;
        if (person is not null && TryLoad(view.RecordId, out var record, out var incident) && !_people.IsApplicant(person, record))
        {
            var current = View(record, incident);
            if (AcknowledgeCard(person, record, incident, current) is { } ack) return ack;
            if (incident.Status == IncidentStatus.Closed && IsCisoNow(person)) return IncidentCards.ForCiso(current);
        }

        return IncidentCards.Timeline(view);
    }

    private JsonObject? AcknowledgeCard(Person person, RequestRecord record, IncidentCase incident, IncidentView view)
    {
        if (incident.AcknowledgedAt is not null || incident.Status == IncidentStatus.Closed) return null;
        var today = JapanTime.Today(_time);
        if (AcknowledgeSteps(incident).Any(s => _router.MayDecide(s.ToStep(), person, today, record))) return IncidentCards.ForAcknowledger(view);
        return ChiefMayStandIn(person, incident) ? IncidentCards.ForAcknowledger(view with { ChiefMayAcknowledge = true }) : null;
    }

    /// <summary>The newest incidents this person reported, was told of, or handles as the CSIRT.</summary>
    public IReadOnlyList<IncidentView> VisibleTo(string? aadObjectId, string? teamsUserId, int limit)
    {
        var person = _directory.Identify(aadObjectId, teamsUserId).Person;
        return _cases.FindAll().OrderByDescending(c => c.ReportedAt)
            .Select(c => (Record: _records.FindById(c.Id), Case: c))
            .Where(x => x.Record is not null && MayView(person, aadObjectId, teamsUserId, x.Record, x.Case))
            .Take(limit)
            .Select(x => View(x.Record, x.Case))
            .ToList();
    }

    /// <summary>Whether this person may see the case (reporter, told of it, or CSIRT); false for an unknown case.</summary>
    public bool MayView(string recordId, string? aadObjectId, string? teamsUserId) =>
        TryLoad(recordId, out var record, out var incident)
        && MayView(_directory.Identify(aadObjectId, teamsUserId).Person, aadObjectId, teamsUserId, record, incident);

    public IncidentView? Find(string recordId) => TryLoad(recordId, out var record, out var incident) ? View(record, incident) : null;

    private bool TryLoad(string recordId, [NotNullWhen(true)] out RequestRecord? record, [NotNullWhen(true)] out IncidentCase? incident)
    {
        incident = _cases.FindById(recordId);
        record = incident is null ? null : _records.FindById(recordId);
        return incident is not null && record is not null;
    }

    private static IncidentResult NotFound() => new(IncidentOutcome.NotFound, "このインシデント報告は見つかりません。", null, []);

    private IncidentResult Refuse(IncidentOutcome outcome, string message, RequestRecord record, IncidentCase incident) =>
        new(outcome, message, View(record, incident), []);

    private IncidentResult? Refusal(RequestRecord record, IncidentCase incident, string cardVersion)
    {
        if (incident.Status == IncidentStatus.Closed)
            return Refuse(IncidentOutcome.AlreadyDone, $"{record.Number}は{JapanTime.FormatDateTime(incident.ClosedAt ?? incident.ReportedAt)}に対応が完了しています。", record, incident);
        return string.Equals(cardVersion, incident.CardVersion, StringComparison.Ordinal) ? null
            : Refuse(IncidentOutcome.StaleCard, "このカードは古いため操作できません。最新のカードで操作してください。", record, incident);
    }

    /// <summary>The invoker from the directory; a refusal for someone not in it or for the reporter.</summary>
    private IncidentResult? Invoker(string aadObjectId, string? teamsUserId, RequestRecord record, IncidentCase incident, out Person person)
    {
        var identity = _directory.Identify(aadObjectId, teamsUserId);
        person = identity.Person!;
        if (identity.Person is null) return Refuse(IncidentOutcome.NotAllowed, identity.Guidance ?? "組織名簿にあなたの登録が見つかりません。", record, incident);
        return _people.IsApplicant(person, record)
            ? Refuse(IncidentOutcome.NotAllowed, "報告者本人は、自らの報告を確認・評価できません（兼務の禁止 1(8)①）。", record, incident)
            : null;
    }

    private IncidentResult? CsirtRefusal(string aadObjectId, string? teamsUserId, RequestRecord record, IncidentCase incident, string cardVersion, out Person person)
    {
        person = null!;
        if (Refusal(record, incident, cardVersion) is { } refused) return refused;
        if (Invoker(aadObjectId, teamsUserId, record, incident, out person) is { } notAllowed) return notAllowed;
        return IsCsirt(person) ? null
            : Refuse(IncidentOutcome.NotAllowed, "評価と対応の記録ができるのはCSIRT（CSIRT責任者とCSIRTの職員）だけです（根拠 1(9)②、5.3(3)①）。", record, incident);
    }

    private IReadOnlyList<Person> CsirtHolders() =>
        _directory.Current.Holders(OrgRole.CsirtLead).Concat(_directory.Current.Holders(OrgRole.CsirtMember)).DistinctBy(p => p.Id).ToList();

    private bool IsCsirt(Person person) => CsirtHolders().Any(p => p.Id == person.Id);

    private IEnumerable<Recipient> CsirtPeople(RequestRecord record) =>
        CsirtHolders().Where(p => !_people.IsApplicant(p, record)).Select(Recipient.Of);

    private bool MayView(Person? person, string? aadObjectId, string? teamsUserId, RequestRecord record, IncidentCase incident) =>
        _people.MayView(person, aadObjectId, teamsUserId, record, p => incident.InformedPersonIds.Contains(p.Id) || IsCsirt(p) || IsChief(p));

    private static IEnumerable<StoredStep> ReceiveSteps(IncidentCase incident) => incident.Steps.Where(s => s.Action == StepAction.Receive);

    /// <summary>The 管理者 of the reporter's 所属, or, when there is none but the reporter, the next stage.</summary>
    private static List<StoredStep> AcknowledgeSteps(IncidentCase incident) =>
        ReceiveSteps(incident).Where(s => s.Stage == incident.AcknowledgeStage && (s.Stage > 1 || s.Role == OrgRole.SecurityManager)).ToList();

    private List<StoredStep> CisoSteps(IncidentCase incident)
    {
        var steps = incident.Steps.Where(s => s.Role == OrgRole.Ciso).ToList();
        return steps.Count > 0 ? steps :
        [
            new StoredStep
            {
                Action = StepAction.Receive, Role = OrgRole.Ciso, Label = OrgRole.Ciso.Label(), Clause = "5.3(3)②",
                Assignees = _directory.Current.Holders(OrgRole.Ciso).Select(p => StoredPerson.From(Assignee.From(p))).ToList(),
            },
        ];
    }

    /// <summary>Assignees and deputies of the steps, with the Teams ids the directory knows now (they are learned over time).</summary>
    private List<Recipient> People(IEnumerable<StoredStep> steps) => _people.OfSteps(steps);

    private void Inform(IncidentCase incident, IEnumerable<StoredStep> steps) =>
        incident.InformedPersonIds = incident.InformedPersonIds.Union(People(steps).Select(r => r.PersonId).OfType<string>()).ToList();

    private static IEnumerable<IncidentTimelineEntry> ReportedTo(IEnumerable<StoredStep> steps, DateTimeOffset at, string actorId, string actorName, string? activityId, string suffix) =>
        steps.GroupBy(s => (s.Stage, s.Clause)).OrderBy(g => g.Key.Stage)
            .Select(g => Entry(at, actorId, actorName, "ReportedTo", g.Key.Clause, $"{Labels(g)}へ報告{suffix}", activityId));

    private static string Labels(IEnumerable<StoredStep> steps) =>
        string.Join("、", steps.Select(s => s.Assignees.Count == 0 ? $"{s.Label}（組織名簿に不在）" : $"{s.Label}の{string.Join("さん、", s.Assignees.Select(a => a.Name))}さん"));

    private static string FirstClause(IncidentCase incident) => incident.Steps.FirstOrDefault(s => s.Stage == 1)?.Clause ?? "5.3(1)①";

    private static IncidentTimelineEntry Entry(DateTimeOffset at, string actorId, string actorName, string action, string clause, string note, string? activityId) =>
        new() { At = at, ActorId = actorId, ActorName = actorName, Action = action, Clause = clause, Note = note, ActivityId = activityId };

    /// <summary>The record moves with the case (its status and history, by the person who acted), the change is stored
    /// with its timeline, and the timeline card shows the result.</summary>
    private (IncidentView View, JsonObject Card) Advance(RequestRecord record, IncidentCase incident, List<IncidentTimelineEntry> entries, IncidentStatus from,
        Person person, RequestStatus to, string note)
    {
        var first = entries[0];
        record.ChangeStatus(to, new RequestHistoryEntry { At = first.At, Actor = person.TeamsUserId ?? person.Id, Action = first.Action, Note = note });
        Commit(record, incident, entries, from);
        var view = View(record, incident);
        return (view, IncidentCards.Timeline(view));
    }

    /// <summary>Stores the change (record and case in one transaction), then appends an audit entry per timeline entry.</summary>
    private void Commit(RequestRecord record, IncidentCase incident, IReadOnlyList<IncidentTimelineEntry> entries, IncidentStatus? from, bool renewCard = true)
    {
        incident.Timeline.AddRange(entries);
        if (renewCard)
        {
            incident.Version++;
            incident.CardVersion = RecordChanges.NewCardVersion();
        }

        _changes.Commit(record, () => _cases.Upsert(incident), entries.Select((e, i) => new AuditEvent(e.Action, e.ActorId, e.ActorName, record.Id, record.Number,
            i == 0 ? from?.ToString() : null, i == 0 && from is not null ? incident.Status.ToString() : null, e.Clause, e.ActivityId, e.Note)));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private IncidentView View(RequestRecord record, IncidentCase incident)
    {
        var ackSteps = AcknowledgeSteps(incident);
        return new IncidentView(
            record.Id, record.Number, record.Title, record.Applicant.Name, record.Applicant.Department, record.ConfidentialityLabel,
            record.ShownAnswers(),
            incident.ReportedAt, incident.Status, incident.IsIncident, incident.Severity, incident.Containment, incident.OutsideReports,
            incident.Cause, incident.Prevention, incident.AcknowledgedAt,
            ackSteps.SelectMany(s => s.Assignees.Select(a => a.Name)).Distinct().ToList(),
            incident.Considerations,
            incident.Timeline.Select(e => new TimelineItem(e.At, e.ActorName, e.Action, e.Clause, e.Note)).ToList(),
            People(ackSteps).Select(r => r.TeamsUserId).OfType<string>().Distinct().ToList(),
            CsirtPeople(record).Select(r => r.TeamsUserId).OfType<string>().Distinct().ToList(),
            incident.CardVersion,
            string.Join("、", ackSteps.Select(s => s.SpokenLabel()).Distinct()))
        {
            OutsideItems = incident.OutsideReports.Select(r => incident.OutsideReportsDone.FirstOrDefault(d => d.Report == r) is { } done
                ? new OutsideReportItem(r, done.At, done.ByName) : new OutsideReportItem(r, null, null)).ToList(),
            PressNeeded = incident.PressNeeded,
            Instructions = incident.Instructions.ToList(),
        };
    }
}
