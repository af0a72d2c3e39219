using Isms.Jobs.Chasing;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Reporting;

/// <summary>
/// Once a week, on the first working day from the digest time (Jobs:DigestTime), the 統括情報セキュリティ責任者 and the
/// 統一的な窓口 (1(9)③) get the previous week's (Monday to Sunday, Japan time) questions that were declined or marked
/// 役に立たなかった, so that they can add a synonym or pin a phrasing. Each person is sent one list per week however
/// often the job runs (ledger step: the Monday of the week the list is sent in).
/// </summary>
public sealed class CurationDigestJob(
    ICurationDigest digest,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<CurationDigestJob> logger)
{
    public const string Kind = "curation-digest";

    private static readonly IsmsRole[] Recipients = [IsmsRole.ChiefOfficer, IsmsRole.IncidentDesk];

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (WeekDue(now) is not { } monday)
        {
            return new ChaseRun(0, 0);
        }

        var until = JapanTime.At(monday, TimeOnly.MinValue);
        var list = await digest.WeeklyListAsync(until.AddDays(-7), until, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            logger.LogInformation("Curation digest: nothing to report for the week before {Monday}", monday);
            return new ChaseRun(0, 0);
        }

        var holders = new List<Recipient>();
        foreach (var role in Recipients)
        {
            holders.AddRange(await people.HoldersAsync(role, null, cancellationToken).ConfigureAwait(false));
        }

        var step = monday.Year * 10000L + monday.Month * 100 + monday.Day;
        var sent = 0;
        var recipients = holders.DistinctBy(r => r.Key).Where(r => r.Key.Length > 0).ToList();
        foreach (var person in recipients)
        {
            sent += await ledger.SendOnceAsync(person.Key, Kind, step, ct => notifier.NotifyAsync(person, list, ct), cancellationToken)
                .ConfigureAwait(false) ? 1 : 0;
        }

        logger.LogInformation("Curation digest: {Sent} of {Examined} sent", sent, recipients.Count);
        return new ChaseRun(recipients.Count, sent);
    }

    /// <summary>The Monday (Japan time) of this week when its list is due now: from the digest time of the week's first
    /// working day, in working hours, until the week ends. Null otherwise (a week with no working day sends nothing).</summary>
    public DateOnly? WeekDue(DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = due.Calendar.NextWorkingDay(monday);
        if (first > today || !due.Calendar.IsWorkingMoment(now))
        {
            return null;
        }

        return first < today || TimeOnly.FromDateTime(JapanTime.ToJapan(now).DateTime) >= options.Value.Digest ? monday : null;
    }
}
