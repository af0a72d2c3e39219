using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Procedures;

/// <summary>
/// A permitted 例外措置 (7.4(1)) lasts until its end date: its applicant closes it (終了, the CISO is told) or applies to
/// extend it (延長申請: a new 例外措置申請 with the same answers and the old number in <see cref="ExceptionMeasureRequestDefinition.RenewalOf"/>;
/// when the CISO permits the renewal, the old one closes). Approved ones are those still in force (what the chase job
/// watches before and after the end date).
/// </summary>
public sealed class ExceptionMeasures(IsmsDatabase database, IRequestStore records, AuditTrail audit, OrgDirectoryService directory, TimeProvider time)
{
    public const string Clause = ExceptionMeasureRequestDefinition.Clause;
    public const string Marker = "exception";
    public const string CommandWord = "例外措置一覧";
    public const string CloseStep = "close";
    public const string RenewStep = "renew";
    private readonly RecordChanges _changes = new(database, audit);

    /// <summary>The person's 例外措置 in force, the earliest end first.</summary>
    public IReadOnlyList<RequestRecord> InForce(string userId) =>
        records.ListByApplicant(userId, limit: 500)
            .Where(IsInForce)
            .OrderBy(r => r.Answers.GetValueOrDefault(ExceptionMeasureRequestDefinition.EndDate)?.Value ?? "", StringComparer.Ordinal)
            .ToList();

    public static bool IsInForce(RequestRecord record) =>
        record.Kind == ExceptionMeasureRequestDefinition.Kind && record.Status == RequestStatus.Approved;

    /// <summary>終了: the applicant closes a 例外措置 in force; the CISO is told.</summary>
    public FollowUpResult Close(string recordId, string userId, string? aadObjectId, string? activityId) => _changes.Locked(() =>
    {
        if (Own(recordId, userId, aadObjectId) is not { } record)
            return new FollowUpResult(false, NotFound);
        if (!IsInForce(record))
            return new FollowUpResult(false, $"{record.Number}は{record.Status.Label()}のため、終了を記録できません（許可された例外措置だけが対象です）。", record);

        var now = time.GetUtcNow();
        record.ChangeStatus(RequestStatus.Closed, new RequestHistoryEntry { At = now, Actor = userId, Action = "ExceptionClosed", Note = $"例外措置の終了を記録（根拠 {Clause}）" });
        var actor = directory.Identify(aadObjectId, userId).Person;
        _changes.Commit(record, null,
            [new AuditEvent("ExceptionClosed", actor?.Id ?? userId, record.Applicant.Name, record.Id, record.Number, nameof(RequestStatus.Approved), record.Status.ToString(), Clause, activityId, "例外措置の終了")]);
        var notices = Cisos().Select(r => new Notice(r, "例外措置の終了",
            $"{record.Applicant.Name}さんが{record.Number}（例外措置）の終了を{JapanTime.FormatDateTime(now)}に記録しました（根拠 {Clause}）。")).ToList();
        return new FollowUpResult(true, $"{record.Number}の例外措置の終了を記録しました。CISOにもお知らせします。", record, notices);
    });

    /// <summary>延長申請: the answers a renewal starts from (dates left for the applicant to choose), or why not.</summary>
    public (Dictionary<string, string>? Answers, string? Refusal) RenewalOf(string recordId, string userId, string? aadObjectId)
    {
        if (Own(recordId, userId, aadObjectId) is not { } record)
            return (null, NotFound);
        if (!IsInForce(record))
            return (null, $"{record.Number}は{record.Status.Label()}のため、延長申請はできません。新しく「例外措置申請」をしてください。");
        var answers = record.Answers
            .Where(a => !NotCarriedOver.Contains(a.Key) && a.Value.Value is { Length: > 0 })
            .ToDictionary(a => a.Key, a => a.Value.Value);
        answers[ExceptionMeasureRequestDefinition.RenewalOf] = record.Number;
        answers[ExceptionMeasureRequestDefinition.Timing] = ExceptionMeasureRequestDefinition.Planned;
        return (answers, null);
    }

    /// <summary>The definition's <see cref="FormDefinition.OnApproved"/>: a permitted renewal closes the 例外措置 it extends
    /// (the same applicant's, still in force), in the approval's transaction.</summary>
    public static void CloseRenewed(ApprovedRecord approved)
    {
        var renewal = approved.Record;
        if (renewal.Answers.GetValueOrDefault(ExceptionMeasureRequestDefinition.RenewalOf)?.Value is not { Length: > 0 } number)
            return;
        var collection = approved.Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
        var old = collection.FindOne(r => r.Number == number.Trim());
        if (old is null || !IsInForce(old) || old.Applicant.UserId != renewal.Applicant.UserId)
            return;
        old.ChangeStatus(RequestStatus.Closed, new RequestHistoryEntry
        {
            At = approved.At, Actor = approved.ApproverName, Action = "ExceptionRenewed",
            Note = $"延長申請 {renewal.Number} が{approved.ApproverName}さんに許可され、終了（根拠 {Clause}）",
        });
        collection.Update(old);
    }

    private RequestRecord? Own(string recordId, string userId, string? aadObjectId) =>
        records.FindById(recordId) is { } record && record.Kind == ExceptionMeasureRequestDefinition.Kind && record.Applicant.IsSender(userId, aadObjectId)
            ? record
            : null;

    private IEnumerable<Recipient> Cisos() => directory.Current.Holders(OrgRole.Ciso).Select(Recipient.Of);

    /// <summary>A renewal asks anew for its period; it is applied for ahead of that period, never an emergency report
    /// (7.4(2)) even when the old one was.</summary>
    private static readonly string[] NotCarriedOver =
    [
        ExceptionMeasureRequestDefinition.StartDate, ExceptionMeasureRequestDefinition.EndDate,
        ExceptionMeasureRequestDefinition.Timing, ExceptionMeasureRequestDefinition.TakenOn,
    ];

    private const string NotFound = "この例外措置申請は見つかりません。終了の記録と延長申請ができるのは申請者本人だけです。";
}
