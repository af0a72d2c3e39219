using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Approvals;

/// <summary>
/// 5.3(1)①: a report already confirmed (確認) can still be turned into an incident report by whoever could confirm it
/// (the 管理者 or a stand-in), as long as it has not been turned into one: the confirmed report's card keeps the
/// 「インシデントとして報告」 button for them. One incident per report, however often the button is pressed.
/// </summary>
public sealed partial class ApprovalService
{
    /// <summary>The index of the step that confirmed <paramref name="record"/>, when it is a confirmed report of a form
    /// that can become an incident and has not become one yet; null otherwise.</summary>
    private static int? ConfirmedReportStep(RequestRecord record, ApprovalDocument document) =>
        document.State == ApprovalState.Decided
        && record.Status == RequestStatus.Acknowledged
        && record.LinkedRecordId is null
        && document.Decisions.LastOrDefault() is { Decision: Decision.Acknowledge } last
        && last.StepIndex < document.Steps.Count
        && FormCatalog.Standard.Find(record.Kind.Key)?.BecomesIncident is not null
            ? last.StepIndex
            : null;

    /// <summary>Who may still turn the confirmed report into an incident: the people (and stand-ins) of the step that confirmed it.</summary>
    private IReadOnlyList<string> LaterIncidentTeamsUserIds(RequestRecord record, ApprovalDocument document) =>
        ConfirmedReportStep(record, document) is { } index
            ? Deciders(document.Steps[index]).Select(r => r.TeamsUserId).OfType<string>().Distinct().ToList()
            : [];

    private bool MayReportLater(RequestRecord record, ApprovalDocument document, Person? person) =>
        person is not null && ConfirmedReportStep(record, document) is { } index
        && _router.MayDecide(document.Steps[index].ToStep(), person, JapanTime.Today(_time), record);

    /// <summary>The already-reported answer to a press on a report that became an incident (a double tap); null when it has not.</summary>
    private static string? AlreadyAnIncident(RequestRecord record, Decision decision) =>
        decision == Decision.ReportIncident && record.LinkedRecordNumber is { Length: > 0 } incident
            ? $"{record.Number}はインシデント報告（{incident}）として報告済みです。"
            : null;

    /// <summary>A press of 「インシデントとして報告」 on a confirmed report, checked as a decision is (card version, who, comment);
    /// null when the press is not one (the report is still pending, or not a confirmed report).</summary>
    private DecisionResult? LaterIncident(RequestRecord record, ApprovalDocument document, Decision decision, string invokerAadObjectId,
        string? invokerTeamsId, string? comment, string cardVersion, string? activityId, Func<DecisionOutcome, string, DecisionResult> refuse)
    {
        if (decision != Decision.ReportIncident || ConfirmedReportStep(record, document) is not { } confirmedAt)
            return null;
        if (!string.Equals(cardVersion, document.CardVersion, StringComparison.Ordinal))
            return refuse(DecisionOutcome.StaleCard, "このカードは古いため操作できません。最新のカードで判断してください。");
        var invoker = _directory.Identify(invokerAadObjectId, invokerTeamsId);
        if (invoker.Person is null)
            return refuse(DecisionOutcome.NotAllowed, invoker.Guidance ?? "組織名簿にあなたの登録が見つかりません。");
        if (_people.IsApplicant(invoker.Person, record))
            return refuse(DecisionOutcome.NotAllowed, "申請者本人は自らの申請を判断できません（兼務の禁止 1(8)①）。");
        var step = document.Steps[confirmedAt];
        if (!MayReportLater(record, document, invoker.Person))
            return refuse(DecisionOutcome.NotAllowed, $"この報告をインシデントとして報告できるのは{step.Label}（{Names(step)}）またはその代理の方です。");
        if (comment is { Length: > MaxCommentLength })
            return refuse(DecisionOutcome.Invalid, $"コメントは{MaxCommentLength:N0}文字以内で入力してください。");
        return ReportIncidentLater(record, document, confirmedAt, invoker.Person, invokerTeamsId, invokerAadObjectId, comment, activityId);
    }

    /// <summary>Makes the incident report of a confirmed report (inside the lock, once <see cref="LaterIncident"/> checked the press).</summary>
    private DecisionResult ReportIncidentLater(RequestRecord record, ApprovalDocument document, int stepIndex, Person person,
        string? invokerTeamsId, string? invokerAadObjectId, string? comment, string? activityId)
    {
        var step = document.Steps[stepIndex];
        var now = _time.GetUtcNow();
        var today = JapanTime.Today(_time);
        var actingFor = step.Assignees.Any(a => a.PersonId == person.Id) ? null
            : step.Assignees.FirstOrDefault(a => _directory.Current.ActiveDeputies(a.PersonId, step.Role, today).Any(d => d.Id == person.Id));
        document.Decisions.Add(new StoredDecision
        {
            StepIndex = stepIndex, Decision = Decision.ReportIncident, PersonId = person.Id, Name = person.Name, ActingForName = actingFor?.Name,
            DecidedAt = now, Comment = comment, Clause = "5.3(1)①", ActivityId = activityId,
        });
        document.Version++;
        document.CardVersion = RecordChanges.NewCardVersion();
        var incident = FormCatalog.Standard.Get(record.Kind).BecomesIncident!(record, RecordApplicant.From(new Forms.Applicant(person.TeamsUserId ?? invokerTeamsId ?? person.Id,
            person.AadObjectId ?? invokerAadObjectId, person.Name, person.Department), person.Department), now);
        record.Note(new RequestHistoryEntry
        {
            At = now,
            Actor = person.TeamsUserId ?? invokerTeamsId ?? person.Id,
            Action = AuditAction(Decision.ReportIncident),
            Note = $"{person.Name}{(actingFor is null ? "" : $"（{actingFor.Name}の代理）")}が確認後にインシデントとして報告（{step.Label}、根拠 5.3(1)①）"
                + (comment is null ? "" : $": {comment}"),
        });
        _changes.Commit(record, () =>
        {
            _approvals.Upsert(document);
            InsertLinkedIncident(record, incident);
        }, [new AuditEvent(AuditAction(Decision.ReportIncident), person.Id, person.Name, record.Id, record.Number, record.Status.ToString(), record.Status.ToString(),
            "5.3(1)①", activityId, NullIfEmpty((actingFor is null ? "" : $"{actingFor.PersonId}の代理 ") + (comment ?? "")))]);

        var view = View(record, document);
        Notice[] notices = [new(_people.ApplicantRecipient(record), NotificationTitles.ForApplicant(Decision.ReportIncident, final: true),
            ApplicantText(record, Decision.ReportIncident, person.Name, comment, document) + $"\n\n次の対応: {NextSteps.ForRecord(record, view)}")];
        return new DecisionResult(DecisionOutcome.Decided, $"{record.Number}からインシデント報告（{incident.Number}）を作成しました。", record.Status, view, notices, document.ActivityId)
        {
            Incident = incident,
        };
    }

    /// <summary>Inserts the incident made from <paramref name="record"/> (5.3(1)①), each naming the other; inside the
    /// caller's transaction.</summary>
    private void InsertLinkedIncident(RequestRecord record, RequestRecord incident)
    {
        incident.LinkedRecordId = record.Id;
        incident.LinkedRecordNumber = record.Number;
        incident.LinkedRecordTitle = record.Title;
        LiteDbRequestStore.InsertNumbered(_database, incident, FormCatalog.Standard.Get(FormKind.IncidentReport).NumberPrefix, JapanTime.Now(_time).Year);
        record.LinkedRecordId = incident.Id;
        record.LinkedRecordNumber = incident.Number;
        record.LinkedRecordTitle = incident.Title;
        _records.Update(record);
    }
}
