using Isms.Jobs.Hosting;
using Isms.Jobs.Scheduling;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>Daily: forget ledger entries older than Jobs:LedgerRetentionDays.</summary>
public sealed class LedgerPruneJob(ReminderLedger ledger, IOptions<JobsOptions> options, TimeProvider time)
{
    public int Run() => ledger.Prune(time.GetUtcNow().AddDays(-options.Value.LedgerRetentionDays));
}
