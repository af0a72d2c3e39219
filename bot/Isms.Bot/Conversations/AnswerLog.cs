using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Conversations;

/// <summary>
/// The answers the bot gave and the feedback on them (役に立った / 役に立たなかった), so whoever maintains the
/// thesaurus can see which questions went wrong. Kept in the data file, never in the application log.
/// </summary>
public sealed class AnswerLog
{
    private readonly ILiteCollection<AnswerEntry> _answers;

    public AnswerLog(IsmsDatabase database)
    {
        _answers = database.Collection<AnswerEntry>("answers");
        _answers.EnsureIndex(e => e.AnsweredAt);
        _answers.EnsureIndex(e => e.FeedbackAt);
    }

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

    /// <summary>Questions declined as out of scope that were asked in [from, until).</summary>
    public IReadOnlyList<AnswerEntry> Declined(DateTimeOffset from, DateTimeOffset until) =>
        _answers.Find(e => e.AnsweredAt >= from && e.AnsweredAt < until).Where(e => e.Intent == OutOfScopeIntent).ToList();

    /// <summary>Answers marked 役に立たなかった in [from, until).</summary>
    public IReadOnlyList<AnswerEntry> Unhelpful(DateTimeOffset from, DateTimeOffset until) =>
        _answers.Find(e => e.FeedbackAt >= from && e.FeedbackAt < until).Where(e => e.Helpful == false).ToList();

    /// <summary>How a declined question is recorded (<see cref="Isms.Knowledge.PolicyIntent.OutOfScope"/>).</summary>
    public const string OutOfScopeIntent = nameof(Isms.Knowledge.PolicyIntent.OutOfScope);

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
