using Isms.Workflows;
using Isms.Workflows.Notifications;
using System.Globalization;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// 持ち出し past the return date (5.1(1)⑤): an approved takeout is open until its return closes it. From the first
/// working moment after the 返却予定日 the holder is reminded; Jobs:TakeoutTellManagerAfterWorkingHours later the
/// 情報セキュリティ管理者 of the 所属 is told.
/// </summary>
public sealed class TakeoutReturnChaseJob(
    IChaseableRequests requests,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<TakeoutReturnChaseJob> logger)
{
    public const string Kind = "takeout";
    public const string ReturnDateField = TakeoutRequestDefinition.EndDate;

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = new ChasePolicy(TimeSpan.Zero, TimeSpan.FromHours(options.Value.TakeoutTellManagerAfterWorkingHours));
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.Approved).Where(r => r.Kind == FormKind.TakeoutRequest))
        {
            examined++;
            if (ReturnDate(record) is not { } returnDate)
            {
                continue;
            }

            var overdueFrom = JapanTime.At(returnDate.AddDays(1), TimeOnly.MinValue);
            var step = due.StepDue(overdueFrom, policy, now);
            if (step is ChaseStep.Remind or ChaseStep.Escalate)
            {
                // A first run after the escalation is due (the jobs were down) still reminds the holder, once.
                var holder = new Recipient(null, record.Applicant.Name, null, record.Applicant.UserId);
                sent += await ledger.SendOnceAsync(record.Id, Kind, 1,
                    ct => notifier.NotifyAsync(holder, HolderReminder(record, returnDate), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            if (step == ChaseStep.Escalate)
            {
                var managers = await people.HoldersAsync(IsmsRole.SecurityManager, record.Applicant.Department, cancellationToken).ConfigureAwait(false);
                sent += await ledger.SendOnceAsync(record.Id, Kind, 2,
                    ct => notifier.NotifyAnyAsync(managers, ManagerNotice(record, returnDate), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Takeout chase: {Examined} open takeouts, {Sent} notifications sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    public static DateOnly? ReturnDate(RequestRecord record) =>
        record.Answers.TryGetValue(ReturnDateField, out var answer)
        && DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static Notification HolderReminder(RequestRecord r, DateOnly returnDate) => new(
        "持ち出し品の返却予定日を過ぎています",
        $"{r.Number}「{r.Title}」の返却予定日（{returnDate:yyyy年M月d日}）を過ぎています。返却したら「返却」と送って記録してください。",
        "5.1(1)⑤", r.Id);

    public static Notification ManagerNotice(RequestRecord r, DateOnly returnDate) => new(
        "未返却の持ち出しがあります",
        $"{r.Number}「{r.Title}」が返却予定日（{returnDate:yyyy年M月d日}）を過ぎても返却されていません。申請者に確認してください。",
        "5.1(1)⑤", r.Id);
}
