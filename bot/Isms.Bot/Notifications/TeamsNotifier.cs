using System.Net;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Hosting;
using Isms.Jobs.Ports;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>
/// Tells a person something in their personal chat with the bot, proactively, through the conversation reference
/// saved when they last talked to it. Someone who never installed the bot is <see cref="NotifyResult.Unreachable"/>;
/// Teams refusing (403: the bot was removed or blocked) or failing is <see cref="NotifyResult.Failed"/>, so the caller
/// can retry and report it instead of losing it.
/// </summary>
public sealed class TeamsNotifier(
    IsmsCloudAdapter adapter,
    ConversationReferenceStore references,
    IOptions<BotAuthenticationOptions> authentication,
    ILogger<TeamsNotifier> logger) : INotifier
{
    public async Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken)
    {
        var reference = references.FindPersonalChat(recipient.UserId, recipient.UserId);
        if (reference is null)
        {
            logger.LogInformation("No personal chat to notify about {SubjectId}", notification.SubjectId);
            return NotifyResult.Unreachable;
        }

        return await SendAsync(reference, notification, cancellationToken);
    }

    /// <summary>Posts a new message in a Teams channel (see <see cref="NotificationChannelsOptions"/>); Unreachable until
    /// the bot has seen an activity in that channel.</summary>
    public async Task<NotifyResult> NotifyChannelAsync(string channelId, Notification notification, CancellationToken cancellationToken)
    {
        var reference = references.FindChannel(channelId);
        if (reference is null)
        {
            logger.LogWarning("The bot has not seen the configured channel yet; cannot post about {SubjectId}", notification.SubjectId);
            return NotifyResult.Unreachable;
        }

        return await SendAsync(reference, notification, cancellationToken);
    }

    private async Task<NotifyResult> SendAsync(ConversationReference reference, Notification notification, CancellationToken cancellationToken)
    {

        // The adapter hands exceptions from a proactive turn to its turn error handler, which would apologise in the
        // person's chat; catch them inside the turn instead, and report the outcome to the caller.
        Exception? failure = null;
        await adapter.ContinueConversationAsync(
            authentication.Value.MicrosoftAppId ?? "",
            reference,
            async (turnContext, token) =>
            {
                try
                {
                    await turnContext.SendActivityAsync(ToActivity(notification), token);
                }
                catch (Exception exception) when (exception is ErrorResponseException or HttpRequestException or TaskCanceledException or IOException)
                {
                    failure = exception;
                }
            },
            cancellationToken);

        switch (failure)
        {
            case null:
                return NotifyResult.Sent;
            case ErrorResponseException refused:
                var status = refused.Response?.StatusCode ?? 0;
                logger.LogWarning("Teams refused a notification about {SubjectId}: HTTP {Status}{Hint}", notification.SubjectId, (int)status,
                    status == HttpStatusCode.Forbidden ? " (the bot is not installed or was blocked)" : "");
                return NotifyResult.Failed;
            default:
                logger.LogWarning("Could not deliver a notification about {SubjectId}: {ExceptionType}", notification.SubjectId, failure.GetType().Name);
                return NotifyResult.Failed;
        }
    }

    private static IMessageActivity ToActivity(Notification notification)
    {
        if (notification.Card is not null)
        {
            return CardAttachments.ToActivity(notification.Card, notification.Title);
        }

        var text = notification.Clause is null
            ? $"**{notification.Title}**\n\n{notification.Text}"
            : $"**{notification.Title}**\n\n{notification.Text}\n\n（根拠: {notification.Clause}）";
        return MessageFactory.Text(text);
    }
}
