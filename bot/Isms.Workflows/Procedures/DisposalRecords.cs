using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Procedures;

/// <summary>What a follow-up step of a procedure did: <see cref="Message"/> (Japanese) for whoever pressed, and
/// <see cref="Notices"/> for the host to send.</summary>
public sealed record FollowUpResult(bool Succeeded, string Message, RequestRecord? Record = null, IReadOnlyList<Notice>? Notices = null);

/// <summary>
/// The record of a permitted 廃棄・リース返却 (2(2)⑩(イ)): once it is done, the applicant records the date, the person and
/// the method; the record closes, the 情報セキュリティ管理者 who permits it is told and sees it on the record. Approved
/// disposals are the ones still waiting for that record (what the chase job asks for after the planned date).
/// </summary>
public sealed class DisposalRecords(IsmsDatabase database, IRequestStore records, AuditTrail audit, OrgDirectoryService directory, ApprovalRouter router, TimeProvider time)
{
    public const string Clause = "2(2)⑩(イ)";
    public const string Marker = "disposal-done";
    public const string CommandWord = "廃棄記録";
    public const string DoneOn = "doneOn";
    public const string DoneBy = "doneBy";
    public const string DoneMethod = "doneMethod";
    public const int MaxNameLength = 100;
    private readonly RecordChanges _changes = new(database, audit);

    /// <summary>The person's permitted disposals not yet recorded as done, the earliest planned date first.</summary>
    public IReadOnlyList<RequestRecord> Outstanding(string userId) =>
        records.ListByApplicant(userId, limit: 500)
            .Where(IsOutstanding)
            .OrderBy(r => r.Answers.GetValueOrDefault(DisposalRequestDefinition.PlannedDate)?.Value ?? "", StringComparer.Ordinal)
            .ToList();

    public static bool IsOutstanding(RequestRecord record) =>
        record.Kind == DisposalRequestDefinition.Kind && record.Status == RequestStatus.Approved;

    /// <summary>Records what was done. Only the applicant, only on a permitted disposal not yet recorded; the date is not
    /// in the future nor before the request, the person is named, the method is one of the form's.</summary>
    public FollowUpResult RecordDone(string recordId, string userId, string? aadObjectId, string? doneOn, string? doneBy, string? method, string? activityId) => _changes.Locked(() =>
    {
        var record = records.FindById(recordId);
        if (record is null || record.Kind != DisposalRequestDefinition.Kind || !record.Applicant.IsSender(userId, aadObjectId))
            return new FollowUpResult(false, "この廃棄・リース返却申請は見つかりません。実施の記録ができるのは申請者本人だけです。");
        if (record.Answers.ContainsKey(DoneOn))
            return new FollowUpResult(false, $"{record.Number}の実施は{record.Answers[DoneOn].Display}で記録済みです。", record);
        if (record.Status != RequestStatus.Approved)
            return new FollowUpResult(false, $"{record.Number}は{record.Status.Label()}のため、実施を記録できません（許可された申請だけが対象です）。", record);

        var today = JapanTime.Today(time);
        var created = JapanTime.DateOf(record.CreatedAt);
        var name = doneBy?.Trim() ?? "";
        var chosen = DisposalRequestDefinition.Methods.FirstOrDefault(m => m.Value == method);
        string? error = !FieldValues.TryParseDate(doneOn ?? "", out var date) ? "実施日を選んでください。"
            : date > today ? "実施日に今日より後の日付は指定できません。"
            : date < created ? "実施日に申請より前の日付は指定できません。"
            : name.Length == 0 ? "実施者を入力してください。"
            : name.Length > MaxNameLength ? $"実施者は{MaxNameLength}文字以内で入力してください。"
            : chosen is null ? "処理の方法を選んでください。"
            : null;
        if (error is not null)
            return new FollowUpResult(false, $"{record.Number}: {error}", record);

        var now = time.GetUtcNow();
        record.Answers[DoneOn] = new RecordAnswer { Label = "実施日", Value = FieldValues.FormatDate(date), Display = JapanTime.FormatDate(JapanTime.At(date, TimeOnly.MinValue)) };
        record.Answers[DoneBy] = new RecordAnswer { Label = "実施者", Value = name, Display = name };
        record.Answers[DoneMethod] = new RecordAnswer { Label = "実施した処理", Value = chosen!.Value, Display = chosen.Title };
        var from = record.Status;
        record.ChangeStatus(RequestStatus.Closed, new RequestHistoryEntry
        {
            At = now, Actor = userId, Action = "DisposalRecorded", Note = $"廃棄・返却の実施を記録（根拠 {Clause}）",
        });
        var actor = directory.Identify(aadObjectId, userId).Person;
        _changes.Commit(record, null,
            [new AuditEvent("DisposalRecorded", actor?.Id ?? userId, record.Applicant.Name, record.Id, record.Number, from.ToString(), record.Status.ToString(), Clause, activityId, "廃棄・返却の実施記録")]);

        var notices = Keepers(record)
            .Select(r => new Notice(r, "廃棄・返却の実施記録",
                $"{record.Applicant.Name}さんが{record.Number}の実施（{record.Answers[DoneOn].Display}、{name}、{chosen.Title}）を記録しました（根拠 {Clause}）。",
                DisposalCard.ForKeeper(record)))
            .ToList();
        return new FollowUpResult(true, $"{record.Number}の実施（{record.Answers[DoneOn].Display}、{name}、{chosen.Title}）を記録しました。情報セキュリティ管理者にもお知らせします。", record, notices);
    });

    /// <summary>The people of the record's first decision step as the rules and the directory say today (the 管理者).</summary>
    private IEnumerable<Recipient> Keepers(RequestRecord record)
    {
        var current = directory.Current;
        return router.Route(record, JapanTime.Today(time)).Decisions.Where(step => step.Role is not null).Take(1)
            .SelectMany(step => step.Assignees.Select(a => current.FindById(a.PersonId)))
            .OfType<Person>()
            .DistinctBy(p => p.Id)
            .Select(Recipient.Of);
    }
}
