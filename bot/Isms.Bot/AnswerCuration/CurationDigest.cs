using Isms.Bot.Conversations;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;

namespace Isms.Bot.AnswerCuration;

/// <summary>The weekly list the job sends to the 統括 and the 統一的な窓口: the same card as 「回答の改善」.</summary>
public sealed class CurationDigest(AnswerLog log, CurationService curation) : ICurationDigest
{
    public const string Title = "回答の改善（先週の一覧）";

    public Task<Notification?> WeeklyListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var review = AnswerReview.For(log, curation, from, until);
        return Task.FromResult(review.IsEmpty
            ? null
            : new Notification(Title, CurationCards.Summary(review), Card: CurationCards.Review(review, curation.Document.Edition, weekly: true)));
    }
}
