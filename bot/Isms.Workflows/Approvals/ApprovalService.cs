using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Approvals;

/// <summary>
/// Approvals of submitted records. The current step of each record lives in the <c>approvals</c> collection, keyed by
/// record id. Every check is made here, on the server, whatever the card showed. One lock serialises the
/// check-and-change of all approvals (LiteDB allows one process per file, so a process lock is enough), and the
/// record and the approval document change in one LiteDB transaction; the audit entry follows inside the same lock.
/// Requests (a route with Approve steps) become <see cref="RequestStatus.PendingApproval"/>; reports that are only
/// acknowledged (誤送信報告) stay <see cref="RequestStatus.Submitted"/> (受付済み（確認待ち）) until acknowledged.
/// </summary>
public sealed partial class ApprovalService
{
    public const string CollectionName = "approvals";
    public const int MaxCommentLength = 1000;

    private readonly RecordChanges _changes;
    private readonly ILiteCollection<ApprovalDocument> _approvals;
    private readonly ILiteCollection<RequestRecord> _records;
    private readonly ApprovalRouter _router;
    private readonly OrgDirectoryService _directory;
    private readonly RecordPeople _people;
    private readonly TimeProvider _time;
    private readonly IsmsDatabase _database;
    private readonly AuditTrail _audit;

    public ApprovalService(IsmsDatabase database, ApprovalRouter router, OrgDirectoryService directory, AuditTrail audit, TimeProvider time)
    {
        _database = database;
        _changes = new RecordChanges(database, audit);
        _approvals = database.Collection<ApprovalDocument>(CollectionName);
        _records = _changes.Records;
        _router = router;
        _directory = directory;
        _people = new RecordPeople(directory, time);
        _time = time;
        _audit = audit;
        directory.Reloaded += OnDirectoryReloaded;
    }

    /// <summary>
    /// Routes a just-submitted (or corrected and resubmitted) record and makes its first decision step current.
    /// Calling it again while the record is pending changes nothing and returns the current assignment.
    /// </summary>
    /// <param name="activityId">The applicant's submit activity, for the audit trail. The posted decision cards (one per
    /// approver, deputy and channel) are recorded in <see cref="ApprovalCardCopies"/> by the host.</param>
    public ApprovalAssignment Assign(RequestRecord record, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _changes.Locked(() =>
        {
            var stored = _records.FindById(record.Id) ?? throw new InvalidOperationException("The record must be stored before it is assigned.");
            var existing = _approvals.FindById(stored.Id);
            var route = _router.Route(stored, JapanTime.Today(_time));
            if (existing is { State: ApprovalState.Pending })
            {
                return new ApprovalAssignment(stored.Status, existing.State, View(stored, existing), AssignmentNotices(stored, existing), route.Notes);
            }

            var steps = route.Decisions.Where(s => s.Role is not null).Select(StoredStep.From).ToList();
            var document = new ApprovalDocument
            {
                Id = stored.Id,
                RecordNumber = stored.Number,
                State = steps.Count > 0 ? ApprovalState.Pending : ApprovalState.NoDecision,
                Version = (existing?.Version ?? 0) + 1,
                CardVersion = RecordChanges.NewCardVersion(),
                Steps = steps,
                // A corrected resubmission keeps the earlier round's decisions (the 差戻し and its comment) in view.
                Decisions = existing?.Decisions ?? [],
                ActivityId = activityId ?? existing?.ActivityId,
                AssignedAt = _time.GetUtcNow(),
            };
            var from = stored.Status;
            var first = document.Current;
            stored.ChangeStatus(steps.Any(s => s.Action == StepAction.Approve) ? RequestStatus.PendingApproval : RequestStatus.Submitted, new RequestHistoryEntry
            {
                At = _time.GetUtcNow(),
                Actor = "system",
                Action = "ApprovalRequested",
                Note = first is null ? "判断する手順はありません" : $"{first.Label}（{Names(first)}）に回付（根拠 {first.Clause}）",
            });
            var applicant = _people.Applicant(stored);
            var audit = new List<AuditEvent>
            {
                new("ApprovalRequested", applicant?.Id ?? stored.Applicant.UserId, stored.Applicant.Name, stored.Id, stored.Number,
                    from.ToString(), stored.Status.ToString(), first?.Clause, activityId,
                    first is null ? "判断する手順なし" : $"{first.Label}: {string.Join(",", first.Assignees.Select(a => a.PersonId))}"
                        + (first.Deputies.Count > 0 ? $" 代理: {string.Join(",", first.Deputies.Select(d => d.PersonId))}" : "")),
            };
            audit.AddRange(route.Decisions.Where(s => s.WasRerouted)
                .Select(rerouted => new AuditEvent("Rerouted", "system", null, stored.Id, stored.Number, null, null, "1(8)①", activityId, string.Join(" ", rerouted.Notes))));
            _changes.Commit(stored, () => _approvals.Upsert(document), audit);

            var notices = first is not null ? AssignmentNotices(stored, document) : ReceiverNotices(stored, route);
            return new ApprovalAssignment(stored.Status, document.State, View(stored, document), notices, route.Notes);
        });
    }

    public DecisionResult Decide(string recordId, string invokerAadObjectId, string? invokerTeamsId, Decision decision, string? comment,
        string cardVersion, string? activityId)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return _changes.Locked(() =>
        {
            var document = _approvals.FindById(recordId);
            var record = document is null ? null : _records.FindById(recordId);
            if (document is null || record is null)
                return new DecisionResult(DecisionOutcome.NotFound, "この申請は見つかりません。", null, null, [], activityId);

            // Someone who may not see the request (a replayed or forwarded card) learns only why they may not act: not
            // its contents, not its state, not who decided.
            var mayView = MayView(record, document, invokerAadObjectId, invokerTeamsId);
            DecisionResult Refuse(DecisionOutcome outcome, string message) => mayView
                ? new(outcome, message, record.Status, View(record, document), [], document.ActivityId)
                : new(DecisionOutcome.NotAllowed, outcome == DecisionOutcome.NotAllowed ? message : NotVisible, record.Status, null, [], document.ActivityId);

            if (document.State == ApprovalState.Withdrawn || record.Status == RequestStatus.Withdrawn)
                return Refuse(DecisionOutcome.Withdrawn, $"{record.Number}は申請者が取り下げたため、判断できません。");
            if (AlreadyAnIncident(record, decision) is { } reported)
                return Refuse(DecisionOutcome.AlreadyDecided, reported);
            if (LaterIncident(record, document, decision, invokerAadObjectId, invokerTeamsId, comment, cardVersion, activityId, Refuse) is { } later)
                return later;
            if (document.State != ApprovalState.Pending)
            {
                var last = document.Decisions.LastOrDefault();
                return Refuse(DecisionOutcome.AlreadyDecided, last is null
                    ? $"{record.Number}は判断を待っていません（{record.Status.Label()}）。"
                    : $"{record.Number}は{last.Name}さんが{JapanTime.FormatDateTime(last.DecidedAt)}に{last.Decision.Label()}済みです。");
            }

            if (!string.Equals(cardVersion, document.CardVersion, StringComparison.Ordinal))
                return Refuse(DecisionOutcome.StaleCard, "このカードは古いため操作できません。最新のカードで判断してください。");

            // Who decides is who holds the role now: a role that moved since the assignment moves the step with it.
            FollowDirectory(record, document, activityId);
            var step = document.Current!;
            var invoker = _directory.Identify(invokerAadObjectId, invokerTeamsId);
            if (invoker.Person is null)
                return Refuse(DecisionOutcome.NotAllowed, invoker.Guidance ?? "組織名簿にあなたの登録が見つかりません。");
            var person = invoker.Person;
            var today = JapanTime.Today(_time);
            if (_people.IsApplicant(person, record))
                return Refuse(DecisionOutcome.NotAllowed, "申請者本人は自らの申請を判断できません（兼務の禁止 1(8)①）。");
            if (!_router.MayDecide(step.ToStep(), person, today, record))
                return Refuse(DecisionOutcome.NotAllowed, $"この申請を判断できるのは{step.Label}（{Names(step)}）またはその代理の方です。");

            var definition = FormCatalog.Standard.Find(record.Kind.Key);
            var allowed = step.Action == StepAction.Acknowledge
                ? decision is Decision.Acknowledge or Decision.Return || (decision == Decision.ReportIncident && definition?.BecomesIncident is not null)
                : decision is Decision.Approve or Decision.Return or Decision.Reject;
            if (!allowed)
                return Refuse(DecisionOutcome.Invalid, $"この手順では「{decision.Label()}」は選べません。");
            if (decision is Decision.Return or Decision.Reject && comment is null)
                return Refuse(DecisionOutcome.Invalid, $"{decision.Label()}の理由をコメントに入力してください。");
            if (comment is { Length: > MaxCommentLength })
                return Refuse(DecisionOutcome.Invalid, $"コメントは{MaxCommentLength:N0}文字以内で入力してください。");

            var now = _time.GetUtcNow();
            var actingFor = step.Assignees.Any(a => a.PersonId == person.Id) ? null
                : step.Assignees.FirstOrDefault(a => _directory.Current.ActiveDeputies(a.PersonId, step.Role, today).Any(d => d.Id == person.Id));
            var from = record.Status;
            document.Decisions.Add(new StoredDecision
            {
                StepIndex = document.CurrentIndex,
                Decision = decision,
                PersonId = person.Id,
                Name = person.Name,
                ActingForName = actingFor?.Name,
                DecidedAt = now,
                Comment = comment,
                Clause = step.Clause,
                ActivityId = activityId,
            });
            var advances = decision == Decision.Approve && document.CurrentIndex + 1 < document.Steps.Count;
            var history = new RequestHistoryEntry
            {
                At = now,
                Actor = person.TeamsUserId ?? invokerTeamsId ?? person.Id,
                Action = AuditAction(decision),
                Note = $"{person.Name}{(actingFor is null ? "" : $"（{actingFor.Name}の代理）")}が{decision.Label()}（{step.Label}、根拠 {step.Clause}）"
                    + (comment is null ? "" : $": {comment}"),
            };
            if (advances)
            {
                document.CurrentIndex++;
                record.Note(history);
            }
            else
            {
                document.State = ApprovalState.Decided;
                record.ChangeStatus(decision switch
                {
                    Decision.Approve => RequestStatus.Approved,
                    Decision.Return => RequestStatus.Returned,
                    Decision.Reject => RequestStatus.Rejected,
                    _ => RequestStatus.Acknowledged,
                }, history);
            }

            document.Version++;
            document.CardVersion = RecordChanges.NewCardVersion();
            // 5.3(1)①: the incident report made of the report, by the 管理者 who confirms it; each record names the other.
            var incident = decision == Decision.ReportIncident
                ? definition!.BecomesIncident!(record, RecordApplicant.From(new Forms.Applicant(person.TeamsUserId ?? invokerTeamsId ?? person.Id,
                    person.AadObjectId ?? invokerAadObjectId, person.Name, person.Department), person.Department), now)
                : null;
            // What the procedure records on approval (the クラウド台帳) is written in the same transaction.
            _changes.Commit(record, () =>
            {
                _approvals.Upsert(document);
                if (record.Status == RequestStatus.Approved) FormCatalog.Standard.Get(record.Kind).OnApproved?.Invoke(new ApprovedRecord(record, person.Name, now, _database));
                if (incident is not null)
                {
                    InsertLinkedIncident(record, incident);
                }
            }, [new AuditEvent(AuditAction(decision), person.Id, person.Name, record.Id, record.Number, from.ToString(), record.Status.ToString(),
                step.Clause, activityId, NullIfEmpty((actingFor is null ? "" : $"{actingFor.PersonId}の代理 ") + (comment ?? "")))]);

            var returnedCard = decision == Decision.Return ? ReturnedCard.Create(record, person.Name, comment!) : null;
            var view = View(record, document);
            var notices = new List<Notice>
            {
                new(_people.ApplicantRecipient(record), NotificationTitles.ForApplicant(decision, final: !advances),
                    ApplicantText(record, decision, person.Name, comment, document) + $"\n\n次の対応: {NextSteps.ForRecord(record, view)}", returnedCard),
            };
            if (advances) notices.AddRange(AssignmentNotices(record, document));
            var message = incident is not null
                ? $"{record.Number}を確認し、インシデント報告（{incident.Number}）を作成しました。"
                : $"{record.Number}を{decision.Label()}しました。" + (advances ? $"次は{document.Current!.SpokenLabel()}の判断を待ちます。" : "");
            return new DecisionResult(DecisionOutcome.Decided, message, record.Status, view, notices, document.ActivityId) { Incident = incident };
        });
    }

    /// <param name="invokerAadObjectId">The sender's Entra object id; <paramref name="invokerTeamsId"/> their Teams id. Either
    /// matching the record's applicant is the applicant, as everywhere else.</param>
    public WithdrawResult Withdraw(string recordId, string? invokerAadObjectId, string? invokerTeamsId) => _changes.Locked(() =>
    {
        var document = _approvals.FindById(recordId);
        var record = document is null ? null : _records.FindById(recordId);
        if (document is null || record is null) return new WithdrawResult(WithdrawOutcome.NotFound, "この申請は見つかりません。", null, [], null);
        if (!record.Applicant.IsSender(invokerTeamsId, invokerAadObjectId))
            return new WithdrawResult(WithdrawOutcome.NotApplicant, "取り下げができるのは申請者本人だけです。", View(record, document), [], document.ActivityId);
        if (document.State != ApprovalState.Pending)
            return new WithdrawResult(WithdrawOutcome.NotPending, $"{record.Number}は{record.Status.Label()}のため、取り下げできません。", View(record, document), [], document.ActivityId);

        var step = document.Current!;
        var from = record.Status;
        var now = _time.GetUtcNow();
        document.State = ApprovalState.Withdrawn;
        document.Version++;
        document.CardVersion = RecordChanges.NewCardVersion();
        record.ChangeStatus(RequestStatus.Withdrawn, new RequestHistoryEntry { At = now, Actor = record.Applicant.UserId, Action = "Withdrawn", Note = "申請者が取り下げ" });
        var applicant = _people.Applicant(record);
        _changes.Commit(record, () => _approvals.Upsert(document), [new AuditEvent("Withdrawn", applicant?.Id ?? record.Applicant.UserId, record.Applicant.Name,
            record.Id, record.Number, from.ToString(), record.Status.ToString(), step.Clause, document.ActivityId)]);
        var text = $"{record.Applicant.Name}さんが{record.Title}（{record.Number}）を取り下げました。ご対応は不要です。";
        var notices = Deciders(step).Select(r => new Notice(r, NotificationTitles.Withdrawn, text)).ToList();
        return new WithdrawResult(WithdrawOutcome.Withdrawn, $"{record.Number}を取り下げました。", View(record, document), notices, document.ActivityId);
    });

    private static string AuditAction(Decision decision) => decision switch
    {
        Decision.Approve => "Approved",
        Decision.Return => "Returned",
        Decision.Reject => "Rejected",
        Decision.ReportIncident => "ReportedAsIncident",
        _ => "Acknowledged",
    };

    // LiteDB stores "" as null (BsonMapper.EmptyStringToNull), which would change an audit entry's hash on reading it back.
    private static string? NullIfEmpty(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    private static string Names(StoredStep step) => step.Assignees.Count == 0 ? "不在" : string.Join("、", step.Assignees.Select(a => a.Name));

    /// <summary>Assignees and deputies of a step, with Teams ids as the directory knows them now (they are learned over time).</summary>
    private List<Recipient> Deciders(StoredStep step) => _people.OfSteps([step]);

    private IReadOnlyList<Notice> AssignmentNotices(RequestRecord record, ApprovalDocument document)
    {
        var step = document.Current;
        if (step is null) return [];
        var acknowledge = step.Action == StepAction.Acknowledge;
        var verb = acknowledge ? "確認" : "承認・差戻し・却下";
        var arrived = record.IsResubmission ? "が差戻し後に修正されて再申請されました" : "が届きました";
        var text = $"{record.Applicant.Name}さん（{record.Applicant.Department ?? "所属未登録"}）から{record.Title}（{record.Number}）{arrived}。"
            + $"{step.SpokenLabel()}として内容を確認し、カードから{verb}を選んでください（根拠 {step.Clause}）。";
        var title = acknowledge ? NotificationTitles.AcknowledgeRequest : NotificationTitles.Request;
        return Deciders(step).Select(r => new Notice(r, title, text)).ToList();
    }

    private static IReadOnlyList<Notice> ReceiverNotices(RequestRecord record, ApprovalRoute route) =>
        route.Steps.Where(s => s.Action is StepAction.Receive or StepAction.Assess)
            .SelectMany(s => s.Assignees.Select(a => (a, s)))
            .DistinctBy(x => x.a.PersonId)
            .Select(x => new Notice(new Recipient(x.a.PersonId, x.a.Name, x.a.AadObjectId, x.a.TeamsUserId), NotificationTitles.Received,
                $"{record.Applicant.Name}さんから{record.Title}（{record.Number}）が届きました。{x.s.SpokenLabel}として{x.s.Action.Verb()}（根拠 {x.s.Clause}）。"))
            .ToList();

    private static string ApplicantText(RequestRecord record, Decision decision, string decider, string? comment, ApprovalDocument document)
    {
        var subject = $"{record.Title}（{record.Number}）";
        return decision switch
        {
            Decision.Approve when document.State == ApprovalState.Pending => $"{subject}を{decider}さんが承認しました。" + (comment is null ? "" : $"\n\nコメント: {comment}"),
            Decision.Approve => $"{subject}が{decider}さんにより承認されました。" + (comment is null ? "" : $"\n\nコメント: {comment}"),
            Decision.Return => $"{subject}が{decider}さんにより差し戻されました。\n\nコメント: {comment}",
            Decision.Reject => $"{subject}は{decider}さんにより却下されました。\n\n理由: {comment}",
            Decision.ReportIncident => $"{subject}を{decider}さんが確認し、情報セキュリティインシデントとして報告しました（{record.LinkedRecordNumber}、根拠 5.3(1)①）。"
                + (comment is null ? "" : $"\n\nコメント: {comment}"),
            _ => $"{subject}を{decider}さんが確認しました。" + (comment is null ? "" : $"\n\nコメント: {comment}"),
        };
    }

    private ApprovalView View(RequestRecord record, ApprovalDocument document)
    {
        var step = document.Current;
        return new ApprovalView(
            record.Id,
            record.Number,
            record.Title,
            record.Applicant.Name,
            record.Applicant.Department,
            record.ConfidentialityLabel,
            record.ShownAnswers(),
            record.AppliedClauses,
            record.CreatedAt,
            record.Status,
            document.State,
            step?.Action,
            step?.Label,
            step?.Clause,
            step?.Assignees.Select(a => a.Name).ToList() ?? [],
            step is null ? LaterIncidentTeamsUserIds(record, document) : Deciders(step).Select(r => r.TeamsUserId).OfType<string>().Distinct().ToList(),
            document.CardVersion,
            document.Decisions.Select(d => new DecisionView(d.Name, d.ActingForName, d.Decision, d.DecidedAt, d.Comment,
                d.StepIndex < document.Steps.Count ? document.Steps[d.StepIndex].Label : "", NullIfEmpty(d.Clause))).ToList(),
            step?.SpokenLabel(),
            step?.Notes ?? [],
            record.IsResubmission,
            record.ChangesSinceReturn,
            step?.Task,
            (step?.Action == StepAction.Acknowledge && document.State == ApprovalState.Pending
                && FormCatalog.Standard.Find(record.Kind.Key)?.BecomesIncident is not null)
            || ConfirmedReportStep(record, document) is not null,
            record.LinkedRecordLabel);
    }
}
