using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Isms.Bot.Conversations;

/// <summary>
/// Decides, from each incoming activity, which team or group chat needs its member list read (<see cref="RosterSync"/>):
/// the bot added or installed there, people joining, or a team the bot had not seen before; and which one it left.
/// Teams and group chats only: a personal chat has no roster to read. The activity is untrusted input: an id that
/// is missing, too long or malformed means nothing to read.
/// </summary>
public sealed class RosterWatch(TeamRosters rosters, RosterSync sync, TimeProvider time)
{
    private const int MaxIdLength = 256;

    public void Observe(IActivity activity)
    {
        if (RosterOf(activity) is not { } roster)
        {
            return;
        }

        var (rosterId, isTeam) = roster;
        var botId = activity.Recipient?.Id;
        if (Left(activity, botId))
        {
            rosters.Forget(rosterId);
            return;
        }

        var joined = activity.Type == ActivityTypes.ConversationUpdate && (activity.AsConversationUpdateActivity().MembersAdded?.Count ?? 0) > 0
            || activity.Type == ActivityTypes.InstallationUpdate && activity.AsInstallationUpdateActivity().Action is "add" or "add-upgrade";
        var isNew = rosters.Remember(rosterId, isTeam, activity.GetConversationReference(), time.GetUtcNow());
        if (isNew || joined)
        {
            sync.Enqueue(rosterId);
        }
    }

    /// <summary>The team (by team id) or group chat (by conversation id) the activity comes from; null for a personal chat.</summary>
    private static (string Id, bool IsTeam)? RosterOf(IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl) || activity.Conversation?.Id is not { Length: > 0 and <= MaxIdLength } conversationId)
        {
            return null;
        }

        string? teamId;
        try
        {
            teamId = activity.TeamsGetTeamInfo()?.Id;
        }
        catch (JsonException)
        {
            return null;
        }

        if (teamId is { Length: > 0 and <= MaxIdLength })
        {
            return (teamId, true);
        }

        return activity.Conversation.ConversationType == "groupChat" ? (conversationId, false) : null;
    }

    private static bool Left(IActivity activity, string? botId) =>
        activity.Type == ActivityTypes.ConversationUpdate && botId is not null
            && activity.AsConversationUpdateActivity().MembersRemoved?.Any(m => m?.Id == botId) == true
        || activity.Type == ActivityTypes.InstallationUpdate && activity.AsInstallationUpdateActivity().Action is "remove" or "remove-upgrade";
}
