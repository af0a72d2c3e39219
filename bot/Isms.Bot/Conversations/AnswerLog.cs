using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Conversations;

/// <summary>
/// The answers the bot gave and the feedback on them (役に立った / 役に立たなかった), so whoever maintains the
/// thesaurus can see which questions went wrong. Kept in the data file, never in the application log.
/// </summary>
public sealed class AnswerLog
{
    public const string CollectionName = "answers";

    private readonly ILiteCollection<AnswerEntry> _answers;

    public AnswerLog(IsmsDatabase database) => _answers = database.Collection<AnswerEntry>(CollectionName);

    public string Record(string userId, string question, string intent, IEnumerable<string> clauseIds, DateTimeOffset at)
    {
        var entry = new AnswerEntry
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Question = question,
            Intent = intent,
            ClauseIds = clauseIds.ToList(),
            AnsweredAt = at,
        };
        _answers.Insert(entry);
        return entry.Id;
    }

    /// <summary>Stores feedback from the person who got the answer; false when the answer is unknown or someone else's.</summary>
    public bool RecordFeedback(string answerId, string userId, bool helpful, DateTimeOffset at)
    {
        var entry = _answers.FindById(answerId);
        if (entry is null || entry.UserId != userId)
        {
            return false;
        }

        entry.Helpful = helpful;
        entry.FeedbackAt = at;
        _answers.Update(entry);
        return true;
    }

    public AnswerEntry? Find(string answerId) => _answers.FindById(answerId);

    public sealed class AnswerEntry
    {
        public string Id { get; set; } = "";
        public string UserId { get; set; } = "";
        public string Question { get; set; } = "";
        public string Intent { get; set; } = "";
        public List<string> ClauseIds { get; set; } = [];
        public DateTimeOffset AnsweredAt { get; set; }
        public bool? Helpful { get; set; }
        public DateTimeOffset? FeedbackAt { get; set; }
    }
}
