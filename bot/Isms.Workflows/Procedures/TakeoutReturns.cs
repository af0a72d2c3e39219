using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Procedures;

public enum CheckInOutcome
{
    Recorded,
    NotFound,
    NotHolder,
    NotApproved,
    AlreadyReturned,
}

/// <summary>The result of <see cref="TakeoutReturns.RecordReturn"/>; <see cref="Message"/> is Japanese, for whoever pressed;
/// <see cref="Notices"/> are for the host to send (the 管理者 told of a return the holder recorded).</summary>
public sealed record CheckInResult(CheckInOutcome Outcome, string Message, RequestRecord? Record, IReadOnlyList<Notice>? Notices = null)
{
    public bool Succeeded => Outcome == CheckInOutcome.Recorded;
}

/// <summary>
/// The return step of an approved 持ち出し (持ち込み, 5.1(1)⑤), whose record the 情報セキュリティ管理者 keeps. The holder
/// records the return (<see cref="RequestRecord.ReturnedAt"/>, closing it) and the 管理者 who decides the 持ち出し is told,
/// with a card to confirm it; the 管理者 confirms (<see cref="RequestRecord.ReturnConfirmedAt"/>), and may record a return
/// the holder has not (the item handed back to them). Each step is a history entry and an audit entry. Approved 持ち出し
/// whose <see cref="RequestRecord.ReturnedAt"/> is null are the ones still out (what reminders chase).
/// </summary>
public sealed class TakeoutReturns(IsmsDatabase database, IRequestStore records, AuditTrail audit, OrgDirectoryService directory, ApprovalRouter router, TimeProvider time)
{
    public const string Clause = "5.1(1)⑤";
    public const string CheckInMarker = "checkin";
    public const string NoticeTitle = "持ち出しの返却";
    private readonly RecordChanges _changes = new(database, audit);

    /// <summary>The person's approved 持ち出し not yet returned, the earliest return date first.</summary>
    public IReadOnlyList<RequestRecord> Outstanding(string userId) =>
        records.ListByApplicant(userId, limit: 500)
            .Where(IsOutstanding)
            .OrderBy(r => r.Answers.GetValueOrDefault(TakeoutRequestDefinition.EndDate)?.Value ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.CreatedAt)
            .ToList();

    public static bool IsOutstanding(RequestRecord record) =>
        record.Kind == FormKind.TakeoutRequest && record is { Status: RequestStatus.Approved, ReturnedAt: null };

    /// <summary>Records the return (the holder) or confirms it (the 管理者 who decides the 持ち出し, or their deputy);
    /// anyone else is refused. A second press says when it was recorded.</summary>
    public CheckInResult RecordReturn(string recordId, string userId, string? aadObjectId, string? activityId) => _changes.Locked(() =>
    {
        var record = records.FindById(recordId);
        if (record is null || record.Kind != FormKind.TakeoutRequest)
            return new CheckInResult(CheckInOutcome.NotFound, "この持ち出し申請は見つかりません。", null);
        var person = directory.Identify(aadObjectId, userId).Person;
        var isHolder = record.Applicant.IsSender(userId, aadObjectId);
        var keeper = isHolder ? null : Keeper(record, person);
        if (!isHolder && keeper is null)
            return new CheckInResult(CheckInOutcome.NotHolder, "返却を記録できるのは、持ち出した申請者本人と、記録を管理する所属の情報セキュリティ管理者（またはその代理）だけです。", null);
        if (record.Status != RequestStatus.Approved && record.ReturnedAt is null)
            return new CheckInResult(CheckInOutcome.NotApproved,
                $"{record.Number}は{record.Status.Label()}のため、返却は記録できません（承認済みの持ち出しだけが対象です）。", record);
        if (isHolder ? record.ReturnedAt is not null : record.ReturnConfirmedAt is not null)
            return new CheckInResult(CheckInOutcome.AlreadyReturned, AlreadyDone(record), record);

        var now = time.GetUtcNow();
        var from = record.Status;
        var events = new List<AuditEvent>();
        var actorId = person?.Id ?? userId;
        if (record.ReturnedAt is null)
        {
            record.ReturnedAt = now;
            record.ChangeStatus(RequestStatus.Closed, new RequestHistoryEntry
            {
                At = now, Actor = userId, Action = "CheckedIn",
                Note = isHolder ? $"持ち込み（返却）を記録（根拠 {Clause}）" : $"{person!.Name}（{keeper!.SpokenLabel}）が持ち込み（返却）を記録（根拠 {Clause}）",
            });
            events.Add(new AuditEvent("CheckedIn", actorId, isHolder ? record.Applicant.Name : person!.Name, record.Id, record.Number,
                from.ToString(), record.Status.ToString(), Clause, activityId, "持ち込み（返却）"));
        }

        if (keeper is not null)
        {
            record.ReturnConfirmedAt = now;
            record.ReturnConfirmedBy = person!.Name;
            record.Note(new RequestHistoryEntry { At = now, Actor = userId, Action = "ReturnConfirmed", Note = $"{person.Name}（{keeper.SpokenLabel}）が返却を確認（根拠 {Clause}）" });
            events.Add(new AuditEvent("ReturnConfirmed", actorId, person.Name, record.Id, record.Number, null, null, Clause, activityId, "返却の確認"));
        }

        _changes.Commit(record, null, events);
        if (keeper is not null)
            return new CheckInResult(CheckInOutcome.Recorded, $"{record.Number}の返却を確認し、{JapanTime.FormatDateTime(now)}で記録しました。", record);
        var notices = Keepers(record)
            .Select(r => new Notice(r, NoticeTitle, $"{record.Applicant.Name}さんが{record.Number}の返却（持ち込み）を記録しました。物品を確かめ、カードの「返却を確認」を押してください（根拠 {Clause}）。",
                TakeoutReturnCard.ForKeeper(record)))
            .ToList();
        return new CheckInResult(CheckInOutcome.Recorded,
            $"{record.Number}の返却（持ち込み）を{JapanTime.FormatDateTime(now)}で記録しました。情報セキュリティ管理者が確認します。ありがとうございました。", record, notices);
    });

    private static string AlreadyDone(RequestRecord record) => record.ReturnConfirmedAt is { } confirmed
        ? $"{record.Number}の返却は{JapanTime.FormatDateTime(confirmed)}に{record.ReturnConfirmedBy}さんが確認済みです。"
        : $"{record.Number}は{JapanTime.FormatDateTime(record.ReturnedAt!.Value)}に返却済みです。";

    /// <summary>The step whose people keep the record: the 持ち出し's decision step as the rules and the directory say
    /// today (the 管理者, or the role above under 1(8)①), when this person may decide it.</summary>
    private ApprovalStep? Keeper(RequestRecord record, Person? person)
    {
        if (person is null) return null;
        var today = JapanTime.Today(time);
        return router.Route(record, today).Decisions.FirstOrDefault(step => router.MayDecide(step, person, today, record));
    }

    private IEnumerable<Recipient> Keepers(RequestRecord record)
    {
        var current = directory.Current;
        var today = JapanTime.Today(time);
        return router.Route(record, today).Decisions.Where(step => step.Role is not null).Take(1)
            .SelectMany(step => step.Assignees.Select(a => a.PersonId)
                .Concat(step.Deputies.Select(d => d.Person.PersonId))
                .Concat(step.Assignees.SelectMany(a => current.ActiveDeputies(a.PersonId, step.Role!.Value, today)).Select(p => p.Id)))
            .Distinct()
            .Select(current.FindById)
            .OfType<Person>()
            .Select(Recipient.Of);
    }
}
