using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Hosting;
using Isms.Workflows.Notifications;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>
/// Tells a person something in their personal chat with the bot, proactively, through the conversation reference
/// saved when they last talked to it, or through a chat the bot opens (<see cref="PersonalChats"/>) with someone who
/// never did. Someone the bot cannot open a chat with (the app not installed for them) is <see cref="NotifyResult.Unreachable"/>;
/// Teams refusing (403: the bot was removed or blocked) or failing is <see cref="NotifyResult.Failed"/>, so the caller
/// can retry and report it instead of losing it.
/// </summary>
public sealed partial class TeamsNotifier(
    IsmsCloudAdapter adapter,
    ConversationReferenceStore references,
    PersonalChats chats,
    IOptions<BotAuthenticationOptions> authentication,
    ILogger<TeamsNotifier> logger) : INotifier
{
    public async Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken) =>
        (await DeliverAsync(recipient, notification, cancellationToken)).Result;

    /// <summary>Like <see cref="NotifyAsync"/>, and says where the message went, so that a card can be updated later.</summary>
    public Task<Delivery> DeliverAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken) =>
        DeliverAsync(recipient, () => notification, cancellationToken);

    /// <summary>Like <see cref="DeliverAsync(Recipient, Notification, CancellationToken)"/>, with the notification composed only
    /// once the person's chat is known: a card drawn from the directory then knows what the turn that made the chat known
    /// learned first (the person's Teams id, for the card's refresh.userIds).</summary>
    public async Task<Delivery> DeliverAsync(Recipient recipient, Func<Notification> compose, CancellationToken cancellationToken)
    {
        var reference = references.FindPersonalChat(recipient.AadObjectId ?? recipient.Key, recipient.TeamsUserId ?? recipient.Key);
        if (reference is null)
        {
            // Someone who never wrote to the bot: open the chat, so the first notice reaches them.
            (reference, var opened) = await chats.CreateAsync(recipient, cancellationToken);
            if (reference is null)
            {
                logger.LogInformation("No personal chat to notify {RecipientKey} ({Result})", recipient.PersonId ?? "(not in the directory)", opened);
                return new Delivery(opened, null, null);
            }
        }

        return await SendAsync(reference, compose(), cancellationToken);
    }

    /// <summary>Posts a new message in a Teams channel (see <see cref="NotificationChannelsOptions"/>); Unreachable until
    /// the bot has seen an activity in that channel.</summary>
    public async Task<NotifyResult> NotifyChannelAsync(string channelId, Notification notification, CancellationToken cancellationToken) =>
        (await DeliverToChannelAsync(channelId, notification, cancellationToken)).Result;

    /// <inheritdoc cref="NotifyChannelAsync"/>
    public async Task<Delivery> DeliverToChannelAsync(string channelId, Notification notification, CancellationToken cancellationToken)
    {
        var reference = references.FindChannel(channelId);
        if (reference is null)
        {
            logger.LogWarning("The bot has not seen the configured channel yet; cannot post about {SubjectId}", notification.SubjectId);
            return Delivery.Unreachable;
        }

        return await SendAsync(reference, notification, cancellationToken);
    }

    /// <summary>Replaces a message the bot posted (UpdateActivity) with <paramref name="card"/>.</summary>
    /// <param name="channelPost">True for a new channel post, whose conversation is the channel id itself.</param>
    public async Task<NotifyResult> UpdateCardAsync(string conversationId, bool channelPost, string activityId, JsonObject card, string? subjectId,
        CancellationToken cancellationToken)
    {
        var reference = channelPost ? references.FindChannel(conversationId) : references.FindByConversationId(conversationId);
        if (reference is null)
        {
            return NotifyResult.Unreachable;
        }

        var activity = CardAttachments.ToActivity(card);
        activity.Id = activityId;
        var (result, _) = await InTurnAsync(reference, subjectId, (turnContext, token) => turnContext.UpdateActivityAsync(activity, token), cancellationToken);
        return result;
    }

    private async Task<Delivery> SendAsync(ConversationReference reference, Notification notification, CancellationToken cancellationToken)
    {
        string? activityId = null;
        var (result, conversationId) = await InTurnAsync(reference, notification.SubjectId, async (turnContext, token) =>
            activityId = (await turnContext.SendActivityAsync(ToActivity(notification), token))?.Id, cancellationToken);
        return new Delivery(result, result == NotifyResult.Sent ? conversationId : null, string.IsNullOrEmpty(activityId) ? null : activityId);
    }

    private async Task<(NotifyResult Result, string? ConversationId)> InTurnAsync(ConversationReference reference, string? subjectId,
        Func<ITurnContext, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        // The adapter hands exceptions from a proactive turn to its turn error handler, which would apologise in the
        // person's chat; catch them inside the turn instead, and report the outcome to the caller.
        Exception? failure = null;
        string? conversationId = null;
        await adapter.ContinueConversationAsync(
            authentication.Value.MicrosoftAppId ?? "",
            reference,
            async (turnContext, token) =>
            {
                conversationId = turnContext.Activity.Conversation?.Id;
                try
                {
                    await work(turnContext, token);
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
                return (NotifyResult.Sent, conversationId);
            case ErrorResponseException refused:
                var status = refused.Response?.StatusCode ?? 0;
                logger.LogWarning("Teams refused a notification about {SubjectId}: HTTP {Status}{Hint}", subjectId, (int)status,
                    status == HttpStatusCode.Forbidden ? " (the bot is not installed or was blocked)" : "");
                return (NotifyResult.Failed, conversationId);
            default:
                logger.LogWarning("Could not deliver a notification about {SubjectId}: {ExceptionType}", subjectId, failure.GetType().Name);
                return (NotifyResult.Failed, conversationId);
        }
    }

    [GeneratedRegex("\n+")]
    private static partial Regex LineBreaks();

    private static IMessageActivity ToActivity(Notification notification)
    {
        if (notification.Card is not null)
        {
            return CardAttachments.ToActivity(notification.Card, notification.Title);
        }

        // The title is the first paragraph, plain: Teams previews the first line of a message in the chat list, where
        // markdown shows as typed. Teams keeps a single line break as a space: paragraphs need a blank line.
        var paragraphs = new[] { notification.Title, notification.Text, notification.Clause is null ? null : $"（根拠: {notification.Clause}）" }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => LineBreaks().Replace(p!.ReplaceLineEndings("\n"), "\n\n"));
        var activity = MessageFactory.Text(string.Join("\n\n", paragraphs));
        activity.Summary = notification.Title;
        return activity;
    }
}

/// <summary>Where a notification went: the conversation and the posted activity, when it was sent.</summary>
public sealed record Delivery(NotifyResult Result, string? ConversationId, string? ActivityId)
{
    public static readonly Delivery Unreachable = new(NotifyResult.Unreachable, null, null);
}
