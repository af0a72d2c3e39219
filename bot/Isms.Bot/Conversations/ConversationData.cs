namespace Isms.Bot.Conversations;

/// <summary>What the bot remembers about one conversation between turns (kept in LiteDB through ConversationState).</summary>
public sealed class ConversationData
{
    /// <summary>The last question answered and the clauses cited, for follow-up questions.</summary>
    public string? LastQuestion { get; set; }

    public List<string> LastClauseIds { get; set; } = [];
}
