using Hangfire;
using Isms.Jobs.Backup;
using Isms.Jobs.Chasing;
using Isms.Jobs.Reporting;
using Isms.Workflows.Forms;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Hosting;

/// <summary>
/// Registers the recurring jobs at start-up (AddOrUpdate is idempotent, so every instance may do it). The jobs run
/// often and decide from the records what is due, so the schedule only sets how quickly something due is noticed.
/// </summary>
public sealed class RecurringJobRegistration(IRecurringJobManager recurring, IOptions<JobsOptions> options, IOptions<BackupOptions> backup, FormCatalog catalog) : IHostedService
{
    /// <summary>The host's own jobs; each chase a procedure declares adds one more under its id (<see cref="ChaseIds"/>).</summary>
    public static readonly IReadOnlyList<string> JobIds =
        ["chase-approvals", "chase-incidents", "chase-takeouts", "chase-training", "self-inspection", "prune-ledger", "curation-digest", "chase-incident-follow-up"];

    /// <summary>The backup of the data files (Backup:Cron); removed from the schedule when Backup:Enabled is false.</summary>
    public const string BackupJobId = "backup-data";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = DeclaredChaseJob.Problems(catalog, [.. JobIds, BackupJobId], options.Value).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The procedures' chases are invalid: " + string.Join(" ", problems));
        }

        var cron = options.Value.ChaseCron;
        var japan = new RecurringJobOptions { TimeZone = JapanTimeZone() };
        recurring.AddOrUpdate<PendingApprovalChaseJob>(JobIds[0], j => j.RunAsync(CancellationToken.None), cron, japan);
        recurring.AddOrUpdate<IncidentAcknowledgementChaseJob>(JobIds[1], j => j.RunAsync(CancellationToken.None), cron, japan);
        recurring.AddOrUpdate<TakeoutReturnChaseJob>(JobIds[2], j => j.RunAsync(CancellationToken.None), cron, japan);
        recurring.AddOrUpdate<TrainingChaseJob>(JobIds[3], j => j.RunAsync(CancellationToken.None), cron, japan);
        recurring.AddOrUpdate<SelfInspectionReminderJob>(JobIds[4], j => j.RunAsync(CancellationToken.None), "0 * * * *", japan);
        recurring.AddOrUpdate<LedgerPruneJob>(JobIds[5], j => j.Run(), "30 3 * * *", japan);
        recurring.AddOrUpdate<CurationDigestJob>(JobIds[6], j => j.RunAsync(CancellationToken.None), "0 * * * *", japan);
        recurring.AddOrUpdate<IncidentFollowUpChaseJob>(JobIds[7], j => j.RunAsync(CancellationToken.None), cron, japan);
        foreach (var id in ChaseIds(catalog))
        {
            recurring.AddOrUpdate<DeclaredChaseJob>(id, j => j.RunAsync(id, CancellationToken.None), cron, japan);
        }

        if (backup.Value.Enabled)
        {
            recurring.AddOrUpdate<BackupJob>(BackupJobId, j => j.Run(), backup.Value.Cron, japan);
        }
        else
        {
            recurring.RemoveIfExists(BackupJobId);
        }

        return Task.CompletedTask;
    }

    /// <summary>The recurring jobs of the chases the procedures declare (their ids as deployed: chase-disposals …).</summary>
    public static IReadOnlyList<string> ChaseIds(FormCatalog catalog) => [.. DeclaredChaseJob.All(catalog).Select(c => c.Id)];

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asia/Tokyo from the host's time-zone data, or a fixed +09:00 (exact: no daylight saving) when it has none.</summary>
    public static TimeZoneInfo JapanTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan", "JST");
        }
    }
}
