using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
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

/// <summary>The result of <see cref="TakeoutReturns.RecordReturn"/>; <see cref="Message"/> is Japanese, for the holder.</summary>
public sealed record CheckInResult(CheckInOutcome Outcome, string Message, RequestRecord? Record)
{
    public bool Succeeded => Outcome == CheckInOutcome.Recorded;
}

/// <summary>
/// The return step of an approved 持ち出し: the holder records that the item came back, which the record keeps as its
/// 持ち込み (5.1(1)⑤) with <see cref="RequestRecord.ReturnedAt"/>, a history entry and an audit entry, and closes it.
/// Approved 持ち出し whose <see cref="RequestRecord.ReturnedAt"/> is null are the ones still out (what reminders chase).
/// </summary>
public sealed class TakeoutReturns(IsmsDatabase database, IRequestStore records, AuditTrail audit, OrgDirectoryService directory, TimeProvider time)
{
    public const string Clause = "5.1(1)⑤";
    public const string CheckInMarker = "checkin";
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

    /// <summary>Records the return. Only the applicant (the holder) may; the second time says when it was recorded.</summary>
    public CheckInResult RecordReturn(string recordId, string userId, string? aadObjectId, string? activityId) => _changes.Locked(() =>
    {
        var record = records.FindById(recordId);
        if (record is null || record.Kind != FormKind.TakeoutRequest)
            return new CheckInResult(CheckInOutcome.NotFound, "この持ち出し申請は見つかりません。", null);
        if (!record.Applicant.IsSender(userId, aadObjectId))
            return new CheckInResult(CheckInOutcome.NotHolder, "返却を記録できるのは、持ち出した申請者本人だけです。", null);
        if (record.ReturnedAt is { } returned)
            return new CheckInResult(CheckInOutcome.AlreadyReturned,
                $"{record.Number}は{JapanTime.FormatDateTime(returned)}に返却済みです。", record);
        if (record.Status != RequestStatus.Approved)
            return new CheckInResult(CheckInOutcome.NotApproved,
                $"{record.Number}は{record.Status.Label()}のため、返却は記録できません（承認済みの持ち出しだけが対象です）。", record);

        var now = time.GetUtcNow();
        var from = record.Status;
        record.ReturnedAt = now;
        record.ChangeStatus(RequestStatus.Closed, new RequestHistoryEntry
        {
            At = now, Actor = userId, Action = "CheckedIn", Note = $"持ち込み（返却）を記録（根拠 {Clause}）",
        });
        var person = directory.Identify(aadObjectId, userId).Person;
        _changes.Commit(record, null, [new AuditEvent("CheckedIn", person?.Id ?? userId, record.Applicant.Name, record.Id, record.Number,
            from.ToString(), record.Status.ToString(), Clause, activityId, "持ち込み（返却）")]);
        return new CheckInResult(CheckInOutcome.Recorded,
            $"{record.Number}の返却（持ち込み）を{JapanTime.FormatDateTime(now)}で記録しました。ありがとうございました。", record);
    });
}
