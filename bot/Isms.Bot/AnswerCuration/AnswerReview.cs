using Isms.Bot.Conversations;
using Isms.Knowledge;

namespace Isms.Bot.AnswerCuration;

/// <summary>One question as staff asked it (the latest wording of those that fold the same), how often, the clauses
/// the bot gave, and the clauses it is pinned to now, if a curator pinned it since.</summary>
public sealed record ReviewRow(string AnswerId, string Question, int Count, IReadOnlyList<string> ClauseIds, IReadOnlyList<string>? PinnedTo);

/// <summary>What the curators review for a period: declined questions, answers marked 役に立たなかった, and the stored
/// entries the loaded edition cannot use.</summary>
public sealed record AnswerReview(
    DateTimeOffset From,
    DateTimeOffset Until,
    IReadOnlyList<ReviewRow> Declined,
    IReadOnlyList<ReviewRow> Unhelpful,
    IReadOnlyList<CurationEntry> Unusable)
{
    public int DeclinedCount => Declined.Sum(r => r.Count);

    public int UnhelpfulCount => Unhelpful.Sum(r => r.Count);

    public bool IsEmpty => Declined.Count == 0 && Unhelpful.Count == 0 && Unusable.Count == 0;

    public static AnswerReview For(AnswerLog log, CurationService curation, DateTimeOffset from, DateTimeOffset until) => new(
        from,
        until,
        Rows(log.Declined(from, until), curation),
        Rows(log.Unhelpful(from, until), curation),
        curation.Unusable());

    private static List<ReviewRow> Rows(IEnumerable<AnswerLog.AnswerEntry> entries, CurationService curation) =>
        entries.GroupBy(e => CurationMerge.PinKey(e.Question), StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.MaxBy(e => e.AnsweredAt)!;
                return new ReviewRow(latest.Id, latest.Question, g.Count(), latest.ClauseIds, curation.FindPin(latest.Question)?.ClauseIds);
            })
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Question, StringComparer.Ordinal)
            .ToList();
}
