using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>The thin hosted loop around <see cref="NotificationOutbox.RetryDueAsync"/>.</summary>
/// <remarks>The outbox (and through it the adapter) is resolved when the loop starts, not when the host builds its
/// hosted services: that happens before the options are validated, and a bad setting must be reported as such.</remarks>
public sealed class OutboxRetryService(IServiceProvider services, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRetryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = services.GetRequiredService<NotificationOutbox>();
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await outbox.RetryDueAsync(time.GetUtcNow(), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One bad pass must not stop the retries for good; the entries stay in the outbox.
                    logger.LogError(exception, "An outbox retry pass failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
