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
/// A measure first seen after its end (permitted late, or the jobs were down) gets the after-end words only. A measure
/// whose applicant has applied to extend it (延長申請 waiting for the CISO) is left alone: the approval chase follows
/// that. Working hours only; each step is sent once (the ledger).
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
        HashSet<(string Number, string UserId)>? renewing = null;
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.Approved).Where(ExceptionMeasures.IsInForce))
        {
            examined++;
            if (!working || EndDate(record) is not { } end || now < JapanTime.At(end.AddDays(-options.Value.ExceptionEndNoticeDays), TimeOnly.MinValue))
            {
                continue;
            }

            renewing ??= PendingRenewals();
            if (renewing.Contains((record.Number, record.Applicant.UserId)))
            {
                continue;
            }

            var ended = now >= JapanTime.At(end.AddDays(1), TimeOnly.MinValue);
            var applicant = new Recipient(null, record.Applicant.Name, record.Applicant.AadObjectId, record.Applicant.UserId);
            if (!ended)
            {
                sent += await ledger.SendOnceAsync(record.Id, Kind, 1,
                    ct => notifier.NotifyAsync(applicant, ApplicantNotice(record, end), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else
            {
                sent += await ledger.SendOnceAsync(record.Id, Kind, 3,
                    ct => notifier.NotifyAsync(applicant, EndedNotice(record, end), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            var cisos = await people.HoldersAsync(IsmsRole.Ciso, null, cancellationToken).ConfigureAwait(false);
            var toCiso = CisoNotice(record, end, ended);
            sent += await ledger.SendOnceAsync(record.Id, Kind, 2, async ct =>
            {
                var any = false;
                foreach (var ciso in cisos)
                {
                    any |= await notifier.NotifyAsync(ciso, toCiso, ct).ConfigureAwait(false) == NotifyResult.Sent;
                }

                return any ? NotifyResult.Sent : NotifyResult.Unreachable;
            }, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        logger.LogInformation("Exception measure chase: {Examined} in force, {Sent} notifications sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    /// <summary>延長申請 waiting for a decision, as (the number they extend, their applicant): only the applicant's own
    /// renewal counts, as only that one closes the old measure when permitted.</summary>
    private HashSet<(string Number, string UserId)> PendingRenewals() =>
        requests.ListByStatus(RequestStatus.Submitted).Concat(requests.ListByStatus(RequestStatus.PendingApproval))
            .Where(r => r.Kind == ExceptionMeasureRequestDefinition.Kind)
            .Select(r => (Number: r.Answers.GetValueOrDefault(ExceptionMeasureRequestDefinition.RenewalOf)?.Value.Trim() ?? "", r.Applicant.UserId))
            .Where(k => k.Number.Length > 0)
            .ToHashSet();

    public static DateOnly? EndDate(RequestRecord record) =>
        record.Answers.TryGetValue(ExceptionMeasureRequestDefinition.EndDate, out var answer)
        && DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static Notification ApplicantNotice(RequestRecord r, DateOnly end) => new(
        ApproachingTitle,
        $"{r.Number}の例外措置は{end:yyyy年M月d日}で終了します。終わったら「終了」を、続ける必要があるときは終了日までに「延長申請」を押してください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r, ApproachingTitle));

    public static Notification CisoNotice(RequestRecord r, DateOnly end, bool ended) => ended
        ? new(EndedTitle,
            $"{r.Number}（申請者 {r.Applicant.Name}さん）の例外措置は終了日（{end:yyyy年M月d日}）を過ぎましたが、終了の記録も延長申請もありません。申請者に確認しています（根拠 7.4(3)）。",
            "7.4(3)", r.Id)
        : new(ApproachingTitle,
            $"{r.Number}（申請者 {r.Applicant.Name}さん）の例外措置は{end:yyyy年M月d日}で終了します。申請者に終了か延長申請かを確認しています（根拠 7.4(3)）。",
            "7.4(3)", r.Id);

    public static Notification EndedNotice(RequestRecord r, DateOnly end) => new(
        EndedTitle,
        $"{r.Number}の例外措置は終了日（{end:yyyy年M月d日}）を過ぎました。「終了」を記録するか、続けるときは「延長申請」をしてください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r, EndedTitle));

    private const string ApproachingTitle = "例外措置の終了日が近づいています";
    private const string EndedTitle = "例外措置の終了日を過ぎています";
}
