using System.Globalization;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows;
using Isms.Workflows.Notifications;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// 廃棄・リース返却 not yet recorded (2(2)⑩(イ)): a permitted disposal stays open until its applicant records the date,
/// the person and the method. From the first working moment after the 実施予定日 the applicant is asked for the record;
/// Jobs:DisposalTellManagerAfterWorkingHours later the 情報セキュリティ管理者 of the 所属 is told. Each step is sent once
/// (the ledger), so runs may repeat or overlap.
/// </summary>
public sealed class DisposalRecordChaseJob(
    IChaseableRequests requests,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<DisposalRecordChaseJob> logger)
{
    public const string Kind = "disposal";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = new ChasePolicy(TimeSpan.Zero, TimeSpan.FromHours(options.Value.DisposalTellManagerAfterWorkingHours));
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.Approved).Where(DisposalRecords.IsOutstanding))
        {
            examined++;
            if (PlannedDate(record) is not { } planned)
            {
                continue;
            }

            var step = due.StepDue(JapanTime.At(planned.AddDays(1), TimeOnly.MinValue), policy, now);
            if (step >= ChaseStep.Remind)
            {
                var applicant = new Recipient(null, record.Applicant.Name, record.Applicant.AadObjectId, record.Applicant.UserId);
                sent += await ledger.SendOnceAsync(record.Id, Kind, 1,
                    ct => notifier.NotifyAsync(applicant, ApplicantReminder(record, planned), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            if (step == ChaseStep.Escalate)
            {
                var managers = await people.HoldersAsync(IsmsRole.SecurityManager, record.Applicant.Department, cancellationToken).ConfigureAwait(false);
                sent += await ledger.SendOnceAsync(record.Id, Kind, 2, ct => NotifyAllAsync(managers, ManagerNotice(record, planned), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Disposal chase: {Examined} unrecorded disposals, {Sent} notifications sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    private async Task<NotifyResult> NotifyAllAsync(IReadOnlyList<Recipient> recipients, Notification notification, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var recipient in recipients)
        {
            any |= await notifier.NotifyAsync(recipient, notification, cancellationToken).ConfigureAwait(false) == NotifyResult.Sent;
        }

        return any ? NotifyResult.Sent : NotifyResult.Unreachable;
    }

    public static DateOnly? PlannedDate(RequestRecord record) =>
        record.Answers.TryGetValue(DisposalRequestDefinition.PlannedDate, out var answer)
        && DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static Notification ApplicantReminder(RequestRecord r, DateOnly planned) => new(
        "廃棄・リース返却の実施を記録してください",
        $"{r.Number}「{r.Title}」の実施予定日（{planned:yyyy年M月d日}）を過ぎました。実施したら「{DisposalRecords.CommandWord}」と送り、実施日・実施者・方法を記録してください。",
        DisposalRecords.Clause, r.Id);

    public static Notification ManagerNotice(RequestRecord r, DateOnly planned) => new(
        "実施の記録がない廃棄・リース返却があります",
        $"{r.Number}「{r.Title}」（申請者 {r.Applicant.Name}さん）は実施予定日（{planned:yyyy年M月d日}）を過ぎても実施の記録がありません。申請者に確認してください。",
        DisposalRecords.Clause, r.Id);
}
