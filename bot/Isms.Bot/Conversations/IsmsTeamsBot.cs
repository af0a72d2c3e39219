using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Bot.Notifications;
using Isms.Workflows.Incidents;
using Isms.Workflows.Org;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>
/// The Teams activity handler: thin on purpose. It records where each conversation can be reached (and which team
/// member lists to read), greets on install and join, hands messages to <see cref="MessageRouter"/>, and delivers what
/// waits in the outbox for someone who writes to the bot or opens it.
/// </summary>
public sealed class IsmsTeamsBot(
    ConversationState conversationState,
    ConversationReferenceStore references,
    MessageRouter router,
    WelcomeCard welcomeCard,
    WelcomeLedger welcomed,
    OrgDirectoryService directory,
    ApprovalsBridge approvals,
    IncidentsBridge incidents,
    RosterWatch rosters,
    NotificationOutbox outbox,
    TimeProvider clock,
    ILogger<IsmsTeamsBot> logger) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _conversationData =
        conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.From is not null && turnContext.Activity.Conversation is not null)
        {
            if (turnContext.Activity.From.AadObjectId is { Length: > 0 } aadObjectId)
            {
                // People are matched to the directory by Entra object id; remember their Teams id for notifications.
                // Before the chat is saved: a retry pass that finds the chat must also find the id (a late card's refresh.userIds).
                directory.LearnTeamsUserId(aadObjectId, turnContext.Activity.From.Id);
            }

            references.Save(turnContext.Activity, clock.GetUtcNow());

            rosters.Observe(turnContext.Activity);
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await DeliverWaitingAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// Someone who writes to the bot or opens it gets what waits for them now, not at the next retry. Not on a card
    /// press (invoke): Teams waits for its answer, and the next message or retry delivers the rest.
    /// </summary>
    private async Task DeliverWaitingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)
            || activity.From?.Id is not { Length: > 0 } senderId || activity.From.Id == activity.Recipient?.Id)
        {
            return;
        }

        try
        {
            await outbox.DeliverQueuedForAsync(activity.From.AadObjectId is { Length: > 0 } aad ? aad : null, senderId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The person's own turn has been answered; what did not go now stays for the retries.
            logger.LogWarning(exception, "Delivering the waiting notifications of a sender failed");
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        await router.RouteAsync(turnContext, data, cancellationToken);
    }

    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The Teams handler would look up every added member through the roster API before greeting; the greeting
        // needs nothing from the roster, so answer from the activity alone and keep working when that API is down.
        var added = turnContext.Activity.MembersAdded;
        return added is { Count: > 0 }
            ? OnMembersAddedAsync(added, turnContext, cancellationToken)
            : base.OnConversationUpdateActivityAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var conversationId = turnContext.Activity.Conversation.Id;
        var isPersonal = turnContext.Activity.Conversation.ConversationType is null or "personal";
        foreach (var member in membersAdded)
        {
            // In a personal chat, and when the bot itself is added, the conversation is welcomed once; a person who
            // joins a team or group chat the bot is already in is greeted once there.
            var key = member.Id == botId || isPersonal
                ? WelcomeLedger.ConversationKey(conversationId)
                : WelcomeLedger.MemberKey(conversationId, member.Id);
            await WelcomeOnceAsync(turnContext, key, cancellationToken);
        }
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, WelcomeLedger.ConversationKey(turnContext.Activity.Conversation.Id), cancellationToken);

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        IncidentText.IsIncidentVerb(invokeValue.Action?.Verb)
            ? incidents.HandleActionAsync(turnContext, invokeValue, cancellationToken)
            : approvals.HandleActionAsync(turnContext, invokeValue, cancellationToken);

    protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ignored an activity of unknown type {ActivityType}", Sanitize(turnContext.Activity.Type));
        return Task.CompletedTask;
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, string key, CancellationToken cancellationToken)
    {
        if (welcomed.TryMark(key, clock.GetUtcNow()))
        {
            await welcomeCard.SendAsync(turnContext, cancellationToken);
        }
    }

    private static string Sanitize(string? value) =>
        value is null ? "(none)" : new string(value.Take(40).Where(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_').ToArray());
}
