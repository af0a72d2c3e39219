using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Incidents;

/// <summary>After the assessment: the outside reports of 1(9)⑤⑥ tracked to done by the CSIRT, and the CISO's
/// instruction after the close (5.3(3)⑤).</summary>
public sealed partial class IncidentService
{
    /// <summary>The CSIRT marks a due outside report as made (1(9)⑤, 1(9)⑥ once decided, 5.3(1)④, 6.5(3)).
    /// A second tap finds it marked and changes nothing.</summary>
    public IncidentResult MarkOutsideReported(string recordId, string invokerAadObjectId, string? invokerTeamsId, OutsideReport? report, string cardVersion, string? activityId)
    {
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            if (Invoker(invokerAadObjectId, invokerTeamsId, record, incident, out var person) is { } notAllowed) return notAllowed;
            if (!IsCsirt(person)) return Refuse(IncidentOutcome.NotAllowed, "外部への報告を記録できるのはCSIRT（CSIRT責任者とCSIRTの職員）だけです（根拠 1(9)②⑤）。", record, incident);
            if (incident.OutsideReportsDone.FirstOrDefault(d => d.Report == report) is { } done)
                return Refuse(IncidentOutcome.AlreadyDone, $"{done.Report.Label()}への報告は{done.ByName}さんが{JapanTime.FormatDateTime(done.At)}に記録済みです。", record, incident);
            if (Refusal(record, incident, cardVersion) is { } refused) return refused;
            if (report is not { } due || !incident.OutsideReports.Contains(due))
                return Refuse(IncidentOutcome.Invalid, "この報告先は、この事案で報告が必要なものに入っていません。", record, incident);

            var now = _time.GetUtcNow();
            incident.OutsideReportsDone.Add(new OutsideReportDone { Report = due, At = now, ById = person.Id, ByName = person.Name });
            record.UpdatedAt = now;
            Commit(record, incident, [Entry(now, person.Id, person.Name, "OutsideReported", due.Clause(), $"{due.Label()}への報告を済ませたと記録", activityId)], null);
            var left = OpenItems(incident);
            var next = left.Count == 0 ? "外部への報告はすべて済みました。" : $"残り: {string.Join("、", left)}。";
            return new IncidentResult(IncidentOutcome.Done, $"{due.Label()}への報告を記録しました。{next}", View(record, incident), []);
        });
    }

    /// <summary>The CSIRT decides whether the press is told or the incident published (1(9)⑥: weighing its importance and
    /// reach). Needed puts it on the list of reports to make; the same decision again changes nothing.</summary>
    public IncidentResult DecidePress(string recordId, string invokerAadObjectId, string? invokerTeamsId, bool? needed, string cardVersion, string? activityId)
    {
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            if (Invoker(invokerAadObjectId, invokerTeamsId, record, incident, out var person) is { } notAllowed) return notAllowed;
            if (!IsCsirt(person)) return Refuse(IncidentOutcome.NotAllowed, "報道機関への通知・公表を判断できるのはCSIRTだけです（根拠 1(9)②⑥）。", record, incident);
            if (needed is { } same && incident.PressNeeded == same)
                return Refuse(IncidentOutcome.AlreadyDone, $"報道機関への通知・公表は「{PressWord(same)}」と記録済みです。", record, incident);
            if (Refusal(record, incident, cardVersion) is { } refused) return refused;
            if (incident.IsIncident != true) return Refuse(IncidentOutcome.Invalid, "先に、インシデントに当たると評価してください（5.3(3)①）。", record, incident);
            if (needed is not { } decided) return Refuse(IncidentOutcome.Invalid, "報道機関への通知・公表が必要かどうかを選んでください。", record, incident);

            var now = _time.GetUtcNow();
            incident.PressNeeded = decided;
            var done = incident.OutsideReportsDone.Any(d => d.Report == OutsideReport.Press);
            incident.OutsideReports = decided ? [.. incident.OutsideReports.Append(OutsideReport.Press).Distinct().OrderBy(r => r.Rank())]
                : done ? incident.OutsideReports : [.. incident.OutsideReports.Where(r => r != OutsideReport.Press)];
            record.UpdatedAt = now;
            Commit(record, incident, [Entry(now, person.Id, person.Name, "PressDecided", "1(9)⑥", $"報道機関への通知・公表は「{PressWord(decided)}」と判断", activityId)], null);
            return new IncidentResult(IncidentOutcome.Done, $"報道機関への通知・公表は「{PressWord(decided)}」と記録しました。", View(record, incident), []);
        });
    }

    /// <summary>The CISO (or whoever acts for the CISO that day) records the measures instructed after the CSIRT's report
    /// of cause and prevention (5.3(3)⑤); the CSIRT and the 情報セキュリティ責任者 are told. The same text again changes nothing.</summary>
    public IncidentResult RecordInstruction(string recordId, string invokerAadObjectId, string? invokerTeamsId, string? text, string cardVersion, string? activityId)
    {
        text = Clean(text);
        return _changes.Locked(() =>
        {
            if (!TryLoad(recordId, out var record, out var incident)) return NotFound();
            if (Invoker(invokerAadObjectId, invokerTeamsId, record, incident, out var person) is { } notAllowed) return notAllowed;
            if (!IsCisoNow(person)) return Refuse(IncidentOutcome.NotAllowed, "再発防止のための指示を記録できるのはCISOです（根拠 5.3(3)⑤）。", record, incident);
            if (incident.Instructions.LastOrDefault() is { } last && last.Text == text)
                return Refuse(IncidentOutcome.AlreadyDone, $"この指示は{JapanTime.FormatDateTime(last.At)}に記録済みです。", record, incident);
            if (incident.Status != IncidentStatus.Closed)
                return Refuse(IncidentOutcome.Invalid, "CISOの指示は、CSIRTが原因と再発防止策を報告して対応を完了した後に記録します（5.3(3)④⑤）。", record, incident);
            if (!string.Equals(cardVersion, incident.CardVersion, StringComparison.Ordinal))
                return Refuse(IncidentOutcome.StaleCard, "このカードは古いため操作できません。最新のカードで操作してください。", record, incident);
            if (text is null) return Refuse(IncidentOutcome.Invalid, "指示の内容を入力してください。", record, incident);
            if (text.Length > MaxTextLength) return Refuse(IncidentOutcome.Invalid, $"指示は{MaxTextLength:N0}文字以内で入力してください。", record, incident);

            var now = _time.GetUtcNow();
            incident.Instructions.Add(new CisoInstruction { At = now, ById = person.Id, ByName = person.Name, Text = text });
            var officers = ReceiveSteps(incident).Where(s => s.Role == OrgRole.SecurityOfficer).ToList();
            Inform(incident, officers);
            record.UpdatedAt = now;
            record.Note(new RequestHistoryEntry { At = now, Actor = person.TeamsUserId ?? person.Id, Action = "Instructed", Note = $"{person.Name}が再発防止のための措置を指示（根拠 5.3(3)⑤）" });
            Commit(record, incident, [Entry(now, person.Id, person.Name, "Instructed", "5.3(3)⑤", $"再発防止のための措置を指示: {text}", activityId)], null);
            var view = View(record, incident);
            var card = IncidentCards.Timeline(view);
            var notices = People(officers).Concat(CsirtPeople(record)).Where(r => r.PersonId != person.Id).DistinctBy(r => r.PersonId)
                .Select(r => new Notice(r, NoticeTitle, $"CISOから{record.Number}について、再発防止のための措置の指示がありました（根拠 5.3(3)⑤）。\n\n{text}", card))
                .ToList();
            return new IncidentResult(IncidentOutcome.Done, "CISOの指示を記録しました。", view, notices);
        });
    }

    /// <summary>What still waits before the close: due outside reports not made, and the press decision (1(9)⑤⑥).</summary>
    private static List<string> OpenItems(IncidentCase incident) =>
    [
        .. incident.OpenOutsideReports().Select(r => $"{r.Label()}への報告"),
        .. incident.PressUndecided ? ["報道機関への通知・公表の判断"] : Array.Empty<string>(),
    ];

    private static string PressWord(bool needed) => needed ? "必要" : "不要";

    private bool IsCisoNow(Person person)
    {
        var directory = _directory.Current;
        var today = JapanTime.Today(_time);
        return directory.Holders(OrgRole.Ciso).Any(c => c.Id == person.Id || directory.ActiveDeputies(c.Id, OrgRole.Ciso, today).Any(d => d.Id == person.Id));
    }

    /// <summary>The 統括 confirms in the 管理者's stead only while no 管理者 of the step has a deputy that day.</summary>
    private bool IsChief(Person person) => _directory.Current.Holders(OrgRole.ChiefSecurityOfficer).Any(p => p.Id == person.Id);

    /// <summary>Deputies acting today for the 管理者 who would confirm (empty when the 統括 may confirm in their stead).</summary>
    private List<Person> ManagerDeputies(IncidentCase incident)
    {
        var directory = _directory.Current;
        var today = JapanTime.Today(_time);
        return AcknowledgeSteps(incident).Where(s => s.Role == OrgRole.SecurityManager)
            .SelectMany(s => s.Assignees.SelectMany(a => directory.ActiveDeputies(a.PersonId, OrgRole.SecurityManager, today)))
            .DistinctBy(p => p.Id).ToList();
    }

    /// <summary>Whether this 統括 may confirm now as the 管理者's stand-in: the case waits for its 管理者 (stage 1).</summary>
    private bool ChiefMayStandIn(Person person, IncidentCase incident) =>
        incident.AcknowledgedAt is null && incident.AcknowledgeStage == 1 && IsChief(person)
        && AcknowledgeSteps(incident).All(s => s.Assignees.All(a => a.PersonId != person.Id));
}
