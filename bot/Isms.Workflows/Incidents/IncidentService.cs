using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Incidents;

/// <summary>
/// The incident chain of 5.3 and 1(9): a case per incident record (collection <c>incidents</c>, keyed by record id)
/// with a timeline of every step. Reported → the 管理者 and the 統一的な窓口 at once (5.3(1)①); the 管理者's
/// acknowledgement passes it to the 統括 and the 情報システム管理者 (②) and, in the same act, to the CISO and the
/// 情報セキュリティ責任者 (③: also the 管理者's duty, with no condition on the 統括); the CSIRT assesses it, orders
/// containment, marks outside reports (5.3(3), 1(9)⑤) and closes it with cause and prevention (5.3(3)④).
/// Every check is made here. One lock serialises check-and-change; case and record change in one LiteDB transaction.
/// </summary>
public sealed partial class IncidentService
{
    public const string CollectionName = "incidents";
    public const int MaxTextLength = 2000;
    /// <summary>The title of every notice about an incident.</summary>
    public const string NoticeTitle = "インシデント報告";
    /// <summary>The title of the CSIRT's instruction to the reporter (5.3(3)③).</summary>
    public const string ContainmentTitle = "CSIRTからの指示";

    private readonly RecordChanges _changes;
    private readonly ILiteCollection<IncidentCase> _cases;
    private readonly ILiteCollection<RequestRecord> _records;
    private readonly ApprovalRouter _router;
    private readonly OrgDirectoryService _directory;
    private readonly RecordPeople _people;
    private readonly TimeProvider _time;

    public IncidentService(IsmsDatabase database, ApprovalRouter router, OrgDirectoryService directory, AuditTrail audit, TimeProvider time)
    {
        _changes = new RecordChanges(database, audit);
        _cases = database.Collection<IncidentCase>(CollectionName);
        _cases.EnsureIndex(c => c.Status);
        _records = _changes.Records;
        _router = router;
        _directory = directory;
        _people = new RecordPeople(directory, time);
        _time = time;
    }

    /// <summary>Opens the case of a just-submitted incident record; null when it is already open (nothing to send again).</summary>
    public IncidentOpening? Open(RequestRecord record, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _changes.Locked(() =>
        {
            var stored = _records.FindById(record.Id) ?? throw new InvalidOperationException("The record must be stored before the incident is opened.");
            if (_cases.FindById(stored.Id) is not null) return (IncidentOpening?)null;

            var now = _time.GetUtcNow();
            var route = _router.Route(stored, JapanTime.Today(_time));
            var incident = new IncidentCase
            {
                Id = stored.Id,
                RecordNumber = stored.Number,
                Status = IncidentStatus.Reported,
                ReportedAt = now,
                Steps = route.Steps.Where(s => s.Role is not null).Select(StoredStep.From).ToList(),
                Considerations = route.Steps.Where(s => s.Action == StepAction.Flag).Select(s => $"{s.External}（{s.Clause}）").Distinct().ToList(),
            };
            var managers = incident.Steps.Where(s => s.Stage == 1 && s.Role == OrgRole.SecurityManager).ToList();
            incident.AcknowledgeStage = managers.Any(s => s.Assignees.Count > 0) ? 1
                : incident.Steps.Where(s => s.Stage > 1 && s.Action == StepAction.Receive).Select(s => s.Stage).DefaultIfEmpty(1).Min();

            var reporter = _people.Applicant(stored);
            var (reporterId, reporterName) = (reporter?.Id ?? stored.Applicant.UserId, stored.Applicant.Name);
            var entries = new List<IncidentTimelineEntry> { Entry(now, reporterId, reporterName, "Reported", FirstClause(incident), $"{stored.Title}を提出", activityId) };
            var told = ReceiveSteps(incident).Where(s => s.Stage <= incident.AcknowledgeStage).ToList();
            entries.AddRange(ReportedTo(told, now, reporterId, reporterName, activityId,
                incident.AcknowledgeStage > 1 ? "（所属の情報セキュリティ管理者が報告者のほかにいないため、この段階で確認を受けます）" : ""));
            Inform(incident, told);

            stored.Note(new RequestHistoryEntry { At = now, Actor = "system", Action = "IncidentOpened", Note = "インシデント対応の記録を開始（根拠 5.3(1)①）" });
            Commit(stored, incident, entries, null);

            var view = View(stored, incident);
            var ackCard = IncidentCards.ForAcknowledger(view);
            var notices = People(AcknowledgeSteps(incident))
                .Select(r => new Notice(r, NoticeTitle, $"{stored.Applicant.Name}さん（{stored.Applicant.Department ?? "所属未登録"}）からインシデント報告（{stored.Number}）が届きました。内容を確認し、カードの「確認」を押してください（根拠 5.3(1)①②）。", ackCard))
                .ToList();
            var csirt = People(told.Where(s => !AcknowledgeSteps(incident).Contains(s))).Concat(CsirtPeople(stored))
                .DistinctBy(r => r.PersonId).ToList();
            return new IncidentOpening(view, notices, IncidentCards.ForCsirt(view), csirt);
        });
    }

    /// <summary>The 管理者 (or their deputy) acknowledges: the report goes on to 5.3(1)② and ③ at once.</summary>
    public IncidentResult Acknowledge(string recordId, string invokerAadObjectId, string? invokerTeamsId, string cardVersion, string? activityId)
    {
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            // Who acknowledged, and when, is told only to someone who may see the case.
            if (Invoker(invokerAadObjectId, invokerTeamsId, record, incident, out var person) is { } notInDirectory) return notInDirectory;
            if (incident.Status != IncidentStatus.Closed && incident.AcknowledgedAt is { } at)
            {
                if (!MayView(person, invokerAadObjectId, invokerTeamsId, record, incident))
                    return Refuse(IncidentOutcome.NotAllowed, $"この報告を確認できるのは{Labels(AcknowledgeSteps(incident))}またはその代理の方です。", record, incident);
                var who = incident.Timeline.LastOrDefault(e => e.Action == "Acknowledged")?.ActorName ?? "";
                return Refuse(IncidentOutcome.AlreadyDone, $"{record.Number}は{who}さんが{JapanTime.FormatDateTime(at)}に確認済みです。", record, incident);
            }

            if (Refusal(record, incident, cardVersion) is { } refused) return refused;

            var ackSteps = AcknowledgeSteps(incident);
            var today = JapanTime.Today(_time);
            var step = ackSteps.FirstOrDefault(s => _router.MayDecide(s.ToStep(), person, today, record));
            var standIn = "";
            if (step is null && ChiefMayStandIn(person, incident))
            {
                // The 統括 stands in for an absent 管理者 only when nobody acts for the 管理者 that day.
                if (ManagerDeputies(incident) is { Count: > 0 } deputies)
                    return Refuse(IncidentOutcome.NotAllowed, $"情報セキュリティ管理者の代理（{string.Join("、", deputies.Select(d => $"{d.Name}さん"))}）がいるため、代理の方が確認します。", record, incident);
                step = ackSteps.FirstOrDefault();
                standIn = "（管理者が不在で代理もいないため、統括情報セキュリティ責任者が確認）";
            }

            if (step is null)
                return Refuse(IncidentOutcome.NotAllowed, $"この報告を確認できるのは{Labels(ackSteps)}またはその代理の方です。管理者が不在で代理もいないときは、統括情報セキュリティ責任者が確認できます。", record, incident);

            var now = _time.GetUtcNow();
            var from = incident.Status;
            incident.AcknowledgedAt = now;
            if (incident.Status == IncidentStatus.Reported) incident.Status = IncidentStatus.Acknowledged;
            var actingFor = standIn.Length > 0 ? standIn : step.Assignees.Any(a => a.PersonId == person.Id) ? "" : "（代理）";
            var entries = new List<IncidentTimelineEntry> { Entry(now, person.Id, person.Name, "Acknowledged", step.Clause, $"報告を確認{actingFor}", activityId) };
            var onward = ReceiveSteps(incident).Where(s => s.Stage > incident.AcknowledgeStage).ToList();
            entries.AddRange(ReportedTo(onward, now, person.Id, person.Name, activityId, ""));
            Inform(incident, onward);
            var (view, card) = Advance(record, incident, entries, from, person, RequestStatus.Acknowledged, $"{person.Name}が確認（根拠 {step.Clause}）");
            // Whom the report reached is the host's to say (it knows what arrived); the reporter hears what is next now.
            var actorLabel = standIn.Length > 0 ? OrgRole.ChiefSecurityOfficer.Label() : step.SpokenLabel();
            var notices = People(onward).Where(r => r.PersonId != person.Id)
                .Select(r => new Notice(r, NoticeTitle, $"{record.Applicant.Name}さんからのインシデント報告（{record.Number}）を{person.Name}さん（{actorLabel}）が確認し、報告します（根拠 {string.Join("、", onward.Select(s => s.Clause).Distinct())}）。", card))
                .Append(new Notice(_people.ApplicantRecipient(record), NoticeTitle,
                    $"{record.Title}（{record.Number}）を{person.Name}さん（{actorLabel}）が確認しました。\n\n次の対応: {NextSteps.ForIncident(view)}"))
                .ToList();
            return new IncidentResult(IncidentOutcome.Done, $"{record.Number}を確認しました。", view, notices);
        });
    }

    /// <summary>The CSIRT's assessment (5.3(3)①–③, 1(9)⑤); may be recorded again while the case is open.</summary>
    public IncidentResult Triage(string recordId, string invokerAadObjectId, string? invokerTeamsId, TriageInput input, string cardVersion, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var containment = Clean(input.Containment);
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            if (CsirtRefusal(invokerAadObjectId, invokerTeamsId, record, incident, cardVersion, out var person) is { } refused) return refused;
            if (input.IsIncident is null) return Refuse(IncidentOutcome.Invalid, "情報セキュリティインシデントに当たるかどうかを選んでください。", record, incident);
            if (input.IsIncident == true && input.Severity is null) return Refuse(IncidentOutcome.Invalid, "重要度を選んでください。", record, incident);
            if (containment is { Length: > MaxTextLength }) return Refuse(IncidentOutcome.Invalid, $"応急措置の指示は{MaxTextLength:N0}文字以内で入力してください。", record, incident);

            var now = _time.GetUtcNow();
            var from = incident.Status;
            var severity = input.IsIncident == true ? input.Severity : null;
            var entries = new List<IncidentTimelineEntry>
            {
                Entry(now, person.Id, person.Name, "Assessed", "5.3(3)①",
                    input.IsIncident == true ? $"情報セキュリティインシデントと評価（重要度: {severity!.Value.Label()}）" : "情報セキュリティインシデントではないと評価", activityId),
            };
            var notices = new List<Notice>();
            var cisoSteps = CisoSteps(incident);
            if (input.IsIncident == true && !incident.Timeline.Any(e => e.Clause == "5.3(3)②"))
            {
                entries.Add(Entry(now, person.Id, person.Name, "ReportedTo", "5.3(3)②", $"{Labels(cisoSteps)}へ報告", activityId));
                Inform(incident, cisoSteps);
                notices.AddRange(People(cisoSteps).Select(r => new Notice(r, NoticeTitle, $"CSIRTが{record.Number}を情報セキュリティインシデントと評価しました（重要度: {severity!.Value.Label()}、根拠 5.3(3)②）。")));
            }

            Notice? toReporter = null;
            if (containment is not null && containment != incident.Containment)
            {
                entries.Add(Entry(now, person.Id, person.Name, "ContainmentOrdered", "5.3(3)③", $"応急措置・復旧を指示: {containment}", activityId));
                var officers = ReceiveSteps(incident).Where(s => s.Role == OrgRole.SecurityOfficer).ToList();
                Inform(incident, officers);
                notices.AddRange(People(officers).Select(r => new Notice(r, NoticeTitle, $"CSIRTから{record.Number}について応急措置・復旧の指示があります（根拠 5.3(3)③）。\n{containment}")));
                // What the reporter must do reaches them at once, in the message itself (not behind インシデント状況).
                toReporter = new Notice(_people.ApplicantRecipient(record), ContainmentTitle,
                    $"{record.Title}（{record.Number}）について、CSIRTから次の対応の指示がありました。すぐに対応してください（根拠 5.3(3)③）。\n\n{containment}");
            }

            // 1(9)⑤ applies to every recognised incident; the CSIRT ticks only the reports that depend on the case.
            var reports = input.OutsideReports.Where(r => r.IsOptional())
                .Concat(input.IsIncident == true ? IncidentText.Mandatory : [])
                .Concat(input.IsIncident == true && incident.PressNeeded == true ? [OutsideReport.Press] : [])
                .Distinct().OrderBy(r => r.Rank()).ToList();
            entries.AddRange(reports.Except(incident.OutsideReports).Select(r => Entry(now, person.Id, person.Name, "OutsideReportDue", r.Clause(), $"{r.Label()}への報告が必要", activityId)));
            entries.AddRange(incident.OutsideReports.Except(reports).Select(r => Entry(now, person.Id, person.Name, "OutsideReportDropped", r.Clause(), $"{r.Label()}への報告は不要に変更", activityId)));

            // The report of 5.3(3)② just sent is the CISO's report of 1(9)⑤.
            if (reports.Contains(OutsideReport.Ciso) && !incident.OutsideReportsDone.Any(d => d.Report == OutsideReport.Ciso)
                && incident.Timeline.Concat(entries).Any(e => e.Clause == "5.3(3)②"))
            {
                incident.OutsideReportsDone.Add(new OutsideReportDone { Report = OutsideReport.Ciso, At = now, ById = person.Id, ByName = person.Name });
            }

            (incident.IsIncident, incident.Severity, incident.Containment, incident.OutsideReports) = (input.IsIncident, severity, containment ?? incident.Containment, reports);
            incident.Status = IncidentStatus.Assessed;
            incident.AssessedAt = now;
            record.UpdatedAt = now;
            Commit(record, incident, entries, from);
            var view = View(record, incident);
            var card = IncidentCards.Timeline(view);
            var withCard = notices.Select(n => n with { Message = n.Message with { Card = card } });
            return new IncidentResult(IncidentOutcome.Done, $"{record.Number}の評価を記録しました。", view,
                [.. withCard, .. toReporter is null ? Array.Empty<Notice>() : [toReporter]]);
        });
    }

    /// <summary>Closes the case with cause and prevention (5.3(3)④); both required, after the assessment and the acknowledgement.</summary>
    public IncidentResult Close(string recordId, string invokerAadObjectId, string? invokerTeamsId, string? cause, string? prevention, string cardVersion, string? activityId)
    {
        (cause, prevention) = (Clean(cause), Clean(prevention));
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            if (CsirtRefusal(invokerAadObjectId, invokerTeamsId, record, incident, cardVersion, out var person) is { } refused) return refused;
            if (incident.AssessedAt is null) return Refuse(IncidentOutcome.Invalid, "先に、インシデントに当たるかどうかの評価を記録してください（5.3(3)①）。", record, incident);
            if (incident.AcknowledgedAt is null) return Refuse(IncidentOutcome.Invalid, "情報セキュリティ管理者の確認（5.3(1)②）が済むまで完了できません。", record, incident);
            if (cause is null) return Refuse(IncidentOutcome.Invalid, "原因を入力してください（5.3(3)④）。", record, incident);
            if (prevention is null) return Refuse(IncidentOutcome.Invalid, "再発防止策を入力してください（5.3(3)④）。", record, incident);
            if (cause.Length > MaxTextLength || prevention.Length > MaxTextLength)
                return Refuse(IncidentOutcome.Invalid, $"原因と再発防止策はそれぞれ{MaxTextLength:N0}文字以内で入力してください。", record, incident);
            if (OpenItems(incident) is { Count: > 0 } open)
                return Refuse(IncidentOutcome.Invalid, $"{string.Join("、", open)}が済んでいません。済んだものを「報告済み」にしてから完了してください（根拠 1(9)⑤⑥）。", record, incident);

            var now = _time.GetUtcNow();
            var from = incident.Status;
            var cisoSteps = CisoSteps(incident);
            var entries = new List<IncidentTimelineEntry>
            {
                Entry(now, person.Id, person.Name, "Closed", "5.3(3)④", $"対応を完了。原因: {cause}／再発防止策: {prevention}", activityId),
                Entry(now, person.Id, person.Name, "ReportedTo", "5.3(3)④", $"{Labels(cisoSteps)}へ原因と再発防止策を報告", activityId),
            };
            Inform(incident, cisoSteps);
            (incident.Cause, incident.Prevention, incident.Status, incident.ClosedAt) = (cause, prevention, IncidentStatus.Closed, now);
            var (view, _) = Advance(record, incident, entries, from, person, RequestStatus.Closed, $"{person.Name}が対応完了（根拠 5.3(3)④）");
            var cisoCard = IncidentCards.ForCiso(view);
            var notices = People(cisoSteps)
                .Select(r => new Notice(r, NoticeTitle, $"CSIRTが{record.Number}の対応を完了し、原因と再発防止策を報告します。再発防止のために必要な措置を指示し、カードに記録してください（根拠 5.3(3)④⑤）。", cisoCard))
                .Append(new Notice(_people.ApplicantRecipient(record), NoticeTitle, $"{record.Title}（{record.Number}）の対応が完了しました。\n再発防止策: {prevention}"))
                .ToList();
            return new IncidentResult(IncidentOutcome.Done, $"{record.Number}の対応を完了しました。", view, notices);
        });
    }

    /// <summary>Adds how a notice went (posted to the CSIRT channel, sent personally, unreachable) to the timeline;
    /// the cards already sent stay valid (the card version is unchanged).</summary>
    public void NoteDelivery(string recordId, string note, string clause) => _changes.Locked(() =>
    {
        if (!TryLoad(recordId, out var record, out var incident)) return;
        Commit(record, incident, [Entry(_time.GetUtcNow(), "system", "ボット", "Delivery", clause, note, null)], null, renewCard: false);
    });
}
