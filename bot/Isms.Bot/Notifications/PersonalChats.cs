using System.Net;
using Isms.Bot.Conversations;
using Isms.Bot.Hosting;
using Isms.Workflows.Notifications;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>
/// Opens the personal chat with someone who never wrote to the bot (CreateConversation: the bot and the person's Teams
/// user id, in their tenant), so that the first notice reaches them. Teams allows it once the app is installed for the
/// person or in a team they belong to; it refuses otherwise (then the person is Unreachable until they install it).
/// The Teams user id, tenant and service URL come from a roster the bot read (<see cref="TeamRosters"/>), else from
/// the directory's Teams id and the conversations the bot knows.
/// </summary>
public sealed partial class PersonalChats(
    IsmsCloudAdapter adapter,
    ConversationReferenceStore references,
    TeamRosters rosters,
    IOptions<BotAuthenticationOptions> authentication,
    TimeProvider time,
    ILogger<PersonalChats> logger)
{
    public const string TeamsChannelId = "msteams";

    /// <summary>The new chat's reference, or why there is none (Unreachable: no way or no permission yet; Failed: Teams
    /// could not be asked, worth retrying).</summary>
    public async Task<(ConversationReference? Reference, NotifyResult Result)> CreateAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        var member = rosters.FindMember(recipient.AadObjectId, recipient.TeamsUserId);
        var teamsUserId = member?.TeamsUserId ?? recipient.TeamsUserId;
        var known = member is null ? references.Latest() : null;
        var serviceUrl = member?.ServiceUrl ?? known?.ServiceUrl;
        var botId = member?.BotId ?? known?.Bot?.Id;
        var tenantId = member?.TenantId ?? NullIfEmpty(authentication.Value.MicrosoftAppTenantId) ?? known?.Conversation?.TenantId;
        if (teamsUserId is not { Length: > 0 } || serviceUrl is not { Length: > 0 } || botId is not { Length: > 0 } || tenantId is not { Length: > 0 })
        {
            return (null, NotifyResult.Unreachable);
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount(botId),
            Members = [new ChannelAccount(teamsUserId)],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
        };
        string? conversationId = null;
        try
        {
            await adapter.CreateConversationAsync(authentication.Value.MicrosoftAppId ?? "", TeamsChannelId, serviceUrl, audience: null, parameters,
                (turnContext, _) =>
                {
                    conversationId = turnContext.Activity.Conversation?.Id;
                    return Task.CompletedTask;
                },
                cancellationToken);
        }
        catch (ErrorResponseException refused)
        {
            var status = refused.Response?.StatusCode ?? 0;
            var notAllowed = status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            LogRefused(logger, recipient.PersonId ?? "(not in the directory)", (int)status,
                notAllowed ? " (the app is not installed for this person or in a team of theirs)" : "");
            return (null, notAllowed ? NotifyResult.Unreachable : NotifyResult.Failed);
        }
        catch (Exception exception) when (exception is Microsoft.Rest.RestException or HttpRequestException or TaskCanceledException or IOException)
        {
            LogFailed(logger, recipient.PersonId ?? "(not in the directory)", exception.GetType().Name);
            return (null, NotifyResult.Failed);
        }

        if (conversationId is not { Length: > 0 })
        {
            return (null, NotifyResult.Failed);
        }

        var aadObjectId = member?.AadObjectId ?? recipient.AadObjectId;
        var reference = new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = serviceUrl,
            Bot = new ChannelAccount(botId),
            User = new ChannelAccount(teamsUserId, aadObjectId: aadObjectId),
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: conversationId, tenantId: tenantId),
        };
        references.SavePersonalChat(reference, teamsUserId, aadObjectId, time.GetUtcNow());
        LogCreated(logger, recipient.PersonId ?? "(not in the directory)", member is null ? "the directory and a known conversation" : "a team's member list");
        return (reference, NotifyResult.Sent);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened a personal chat with person {PersonId} (ids from {Source})")]
    private static partial void LogCreated(ILogger logger, string personId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused to open a personal chat with person {PersonId}: HTTP {Status}{Hint}")]
    private static partial void LogRefused(ILogger logger, string personId, int status, string hint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Teams to open a personal chat with person {PersonId}: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string personId, string exceptionType);
}
