using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Workflows.Incidents;
using Isms.Workflows.Org;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>
/// The Teams activity handler: thin on purpose. It records where each conversation can be reached, greets on
/// install and join, and hands messages to <see cref="MessageRouter"/>.
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
    TimeProvider clock,
    ILogger<IsmsTeamsBot> logger) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _conversationData =
        conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.From is not null && turnContext.Activity.Conversation is not null)
        {
            references.Save(turnContext.Activity, clock.GetUtcNow());
            if (turnContext.Activity.From.AadObjectId is { Length: > 0 } aadObjectId)
            {
                // People are matched to the directory by Entra object id; remember their Teams id for notifications.
                directory.LearnTeamsUserId(aadObjectId, turnContext.Activity.From.Id);
            }
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
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
