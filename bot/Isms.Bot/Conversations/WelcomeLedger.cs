using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Conversations;

/// <summary>
/// Remembers who has been welcomed. Teams (and the Playground) send installationUpdate and conversationUpdate for
/// one install at the same moment, on parallel requests: the first to insert the key wins, so the card goes once.
/// </summary>
public sealed class WelcomeLedger(IsmsDatabase database)
{
    private readonly ILiteCollection<WelcomeMark> _marks = database.Collection<WelcomeMark>("welcomed");

    /// <summary>True for the first caller with this key, false for every later one.</summary>
    public bool TryMark(string key, DateTimeOffset now)
    {
        try
        {
            _marks.Insert(new WelcomeMark { Id = key, At = now });
            return true;
        }
        catch (LiteException exception) when (exception.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public static string ConversationKey(string conversationId) => conversationId;

    public static string MemberKey(string conversationId, string memberId) => $"{conversationId}|{memberId}";

    private sealed class WelcomeMark
    {
        public string Id { get; set; } = "";
        public DateTimeOffset At { get; set; }
    }
}
