namespace Isms.Workflows.Notifications;

public static class NotifierExtensions
{
    /// <summary>Tells each recipient in turn; <see cref="NotifyResult.Sent"/> when any of them got it (the chase steps
    /// count a step done then), else <see cref="NotifyResult.Unreachable"/>, also when there is nobody to tell.</summary>
    public static async Task<NotifyResult> NotifyAnyAsync(this INotifier notifier, IEnumerable<Recipient> recipients, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(recipients);
        var any = false;
        foreach (var recipient in recipients)
        {
            any |= await notifier.NotifyAsync(recipient, notification, cancellationToken).ConfigureAwait(false) == NotifyResult.Sent;
        }

        return any ? NotifyResult.Sent : NotifyResult.Unreachable;
    }
}
