using Hangfire;
using Isms.Bot.Conversations;
using Isms.Jobs.Hosting;

namespace Isms.Bot.Jobs;

/// <summary>Daily: the answer log keeps what staff asked for AnswerLog:RetentionDays (chapter 7 answers excepted).</summary>
public sealed partial class AnswerLogPruneJob(AnswerLogRetention retention, ILogger<AnswerLogPruneJob> logger)
{
    public const string JobId = "prune-answers";

    public int Run()
    {
        var deleted = retention.Prune();
        LogPruned(logger, deleted);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer log pruned: {Deleted} entries past the retention deleted")]
    private static partial void LogPruned(ILogger logger, int deleted);
}

/// <summary>Puts the answer log prune on the schedule (Japan time, 03:40 daily) when the host starts.</summary>
public sealed class AnswerLogPruneRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<AnswerLogPruneJob>(AnswerLogPruneJob.JobId, j => j.Run(), "40 3 * * *",
            new RecurringJobOptions { TimeZone = RecurringJobRegistration.JapanTimeZone() });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
