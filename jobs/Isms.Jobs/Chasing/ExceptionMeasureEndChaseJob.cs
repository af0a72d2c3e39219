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
/// 例外措置 before and after their end (7.4(1), 7.4(3)): Jobs:ExceptionEndNoticeDays before the 終了日 the applicant is
/// asked to close it or apply to extend it (a card with 終了 and 延長申請) and the CISO, who keeps the applications and
/// checks them (7.4(3)), is told; once the end date has passed and it is still in force, the applicant is asked again.
/// Working hours only; each step is sent once (the ledger).
/// </summary>
public sealed class ExceptionMeasureEndChaseJob(
    IChaseableRequests requests,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<ExceptionMeasureEndChaseJob> logger)
{
    public const string Kind = "exception-end";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var working = due.Calendar.IsWorkingMoment(now);
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.Approved).Where(ExceptionMeasures.IsInForce))
        {
            examined++;
            if (EndDate(record) is not { } end)
            {
                continue;
            }

            var applicant = new Recipient(null, record.Applicant.Name, record.Applicant.AadObjectId, record.Applicant.UserId);
            if (!working || now < JapanTime.At(end.AddDays(-options.Value.ExceptionEndNoticeDays), TimeOnly.MinValue))
            {
                continue;
            }

            sent += await ledger.SendOnceAsync(record.Id, Kind, 1,
                ct => notifier.NotifyAsync(applicant, ApplicantNotice(record, end), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            var cisos = await people.HoldersAsync(IsmsRole.Ciso, null, cancellationToken).ConfigureAwait(false);
            sent += await ledger.SendOnceAsync(record.Id, Kind, 2, async ct =>
            {
                var any = false;
                foreach (var ciso in cisos)
                {
                    any |= await notifier.NotifyAsync(ciso, CisoNotice(record, end), ct).ConfigureAwait(false) == NotifyResult.Sent;
                }

                return any ? NotifyResult.Sent : NotifyResult.Unreachable;
            }, cancellationToken).ConfigureAwait(false) ? 1 : 0;

            if (now >= JapanTime.At(end.AddDays(1), TimeOnly.MinValue))
            {
                sent += await ledger.SendOnceAsync(record.Id, Kind, 3,
                    ct => notifier.NotifyAsync(applicant, EndedNotice(record, end), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Exception measure chase: {Examined} in force, {Sent} notifications sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    public static DateOnly? EndDate(RequestRecord record) =>
        record.Answers.TryGetValue(ExceptionMeasureRequestDefinition.EndDate, out var answer)
        && DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static Notification ApplicantNotice(RequestRecord r, DateOnly end) => new(
        "例外措置の終了日が近づいています",
        $"{r.Number}の例外措置は{end:yyyy年M月d日}で終了します。終わったら「終了」を、続ける必要があるときは終了日までに「延長申請」を押してください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r));

    public static Notification CisoNotice(RequestRecord r, DateOnly end) => new(
        "例外措置の終了日が近づいています",
        $"{r.Number}（申請者 {r.Applicant.Name}さん）の例外措置は{end:yyyy年M月d日}で終了します。申請者に終了か延長申請かを確認しています（根拠 7.4(3)）。",
        "7.4(3)", r.Id);

    public static Notification EndedNotice(RequestRecord r, DateOnly end) => new(
        "例外措置の終了日を過ぎています",
        $"{r.Number}の例外措置は終了日（{end:yyyy年M月d日}）を過ぎました。「終了」を記録するか、続けるときは「延長申請」をしてください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r));
}
