using Isms.Workflows.Notifications;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>
/// Problems only an administrator can fix (a channel that is not configured, or that the bot cannot post to yet): they
/// go to the log and to the admin channel (Channels:AdminChannelId), never to the staff member who happened to trigger
/// them. Staff are told only what concerns them (whom their report reached, whom to call).
/// </summary>
public sealed class AdminAlerts(TeamsNotifier notifier, IOptions<NotificationChannelsOptions> channels, ILogger<AdminAlerts> logger)
{
    public const string Title = "ボットの設定の確認のお願い";

    /// <param name="problem">What is wrong, in English, for the log (no personal data).</param>
    /// <param name="text">The same for the administrators, in Japanese (no personal data either: record numbers only).</param>
    public async Task ReportAsync(string problem, string text, string? recordId, CancellationToken cancellationToken)
    {
        logger.LogWarning("Configuration problem: {Problem} (record {RecordId})", problem, recordId);
        if (channels.Value.AdminChannelId is not { Length: > 0 } channelId)
        {
            return;
        }

        var result = await notifier.NotifyChannelAsync(channelId, new Notification(Title, text, SubjectId: recordId), cancellationToken);
        if (result != NotifyResult.Sent)
        {
            logger.LogWarning("Could not post a configuration problem to the admin channel ({Result})", result);
        }
    }
}
