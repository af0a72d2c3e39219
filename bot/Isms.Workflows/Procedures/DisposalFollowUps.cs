using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Workflows.Procedures;

/// <summary>
/// What follows a permitted 廃棄・リース返却 (2(2)⑩(イ)), as <see cref="DisposalRequestDefinition"/> declares it: the
/// 廃棄記録 command and card (<see cref="DisposalRecords"/>), and the chase: from the first working moment after the
/// 実施予定日 the applicant is asked for the record; Jobs:DisposalTellManagerAfterWorkingHours later the
/// 情報セキュリティ管理者 of the 所属 is told.
/// </summary>
public static class DisposalFollowUps
{
    /// <summary>The recurring job's id and the ledger's name for its steps, as deployed.</summary>
    public const string ChaseId = "chase-disposals";
    public const string LedgerKind = "disposal";
    public const string ManagerWaitSetting = "DisposalTellManagerAfterWorkingHours";

    public static IReadOnlyList<FollowUpCommand> Commands { get; } =
        [new("disposal-record", [DisposalRecords.CommandWord, "廃棄の記録"], v => View(v.Services.GetRequiredService<DisposalRecords>(), v.UserId, v.Today))];

    public static IReadOnlyList<FollowUpAction> CardActions { get; } = [new(DisposalRecords.Marker, Record)];

    public static IReadOnlyList<ChaseDefinition> Chases { get; } =
    [
        new(ChaseId, LedgerKind, RequestStatus.Approved, DisposalRecords.IsOutstanding, DisposalRequestDefinition.PlannedDate,
        [
            new(1, new ChaseMoment(ChaseNumber.Of(1), ChaseNumber.Of(0)), ChaseRecipients.Applicant, n => ApplicantReminder(n.Record, n.Date)),
            new(2, new ChaseMoment(ChaseNumber.Of(1), ChaseNumber.FromSetting(ManagerWaitSetting)), ChaseRecipients.OfDepartment(OrgRole.SecurityManager),
                n => ManagerNotice(n.Record, n.Date)),
        ]),
    ];

    private static FollowUpCard View(DisposalRecords disposals, string userId, DateOnly today) =>
        new(DisposalCard.Create(disposals.Outstanding(userId), today), "廃棄・リース返却の実施記録");

    /// <summary>The 記録する button of the 廃棄記録 card; the next one to record follows.</summary>
    private static FollowUpOutcome Record(FollowUpSubmit submit)
    {
        var disposals = submit.Services.GetRequiredService<DisposalRecords>();
        var result = disposals.RecordDone(submit.RecordId, submit.UserId, submit.AadObjectId,
            submit.Value(DisposalRecords.DoneOn), submit.Value(DisposalRecords.DoneBy), submit.Value(DisposalRecords.DoneMethod), submit.ActivityId);
        var next = result.Succeeded && disposals.Outstanding(submit.UserId).Count > 0 ? View(disposals, submit.UserId, submit.Today) : null;
        return new FollowUpOutcome.Done(result, next);
    }

    public static Notification ApplicantReminder(RequestRecord r, DateOnly planned) => new(
        "廃棄・リース返却の実施を記録してください",
        $"{r.Number}「{r.Title}」の実施予定日（{planned:yyyy年M月d日}）を過ぎました。実施したら「{DisposalRecords.CommandWord}」と送り、実施日・実施者・方法を記録してください。",
        DisposalRecords.Clause, r.Id);

    public static Notification ManagerNotice(RequestRecord r, DateOnly planned) => new(
        "実施の記録がない廃棄・リース返却があります",
        $"{r.Number}「{r.Title}」（申請者 {r.Applicant.Name}さん）は実施予定日（{planned:yyyy年M月d日}）を過ぎても実施の記録がありません。申請者に確認してください。",
        DisposalRecords.Clause, r.Id);
}
