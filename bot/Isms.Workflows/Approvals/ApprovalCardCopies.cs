using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Approvals;

/// <summary>How the host finds the conversation of a card copy again.</summary>
public enum CardCopyPlace
{
    /// <summary>A personal chat or a channel thread: the conversation id is the one the bot saw.</summary>
    Conversation,
    /// <summary>A new post at the top of a Teams channel: the conversation id is the channel id.</summary>
    ChannelPost,
}

/// <summary>One posted message that shows an approval card; every copy is updated in place after each change. At most
/// one per record and conversation.</summary>
public sealed class ApprovalCardCopy
{
    /// <summary>"{conversation id}|{activity id}": a message is recorded once.</summary>
    public string Id { get; set; } = "";
    public string RecordId { get; set; } = "";
    public CardCopyPlace Place { get; set; }
    public string ConversationId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    /// <summary>The directory id of the person the copy was sent to; null for one shown in answer to a command.</summary>
    public string? ForPersonId { get; set; }
    // Stored under the name it had as a UTC DateTime: LiteDB writes a DateTimeOffset as the same UTC date, so older documents read unchanged.
    [BsonField("PostedAtUtc")]
    public DateTimeOffset PostedAt { get; set; }

    public static string KeyOf(string conversationId, string activityId) => $"{conversationId}|{activityId}";
}

/// <summary>
/// The messages that show a record's approval card (<c>approval_card_copies</c>): each approver's and deputy's
/// personal chat, the approvals channel, and cards shown again by 承認待ち. The activity id given to
/// <see cref="ApprovalService.Assign"/> is the applicant's submit, kept for the audit trail; the cards live here.
/// </summary>
public sealed class ApprovalCardCopies
{
    public const string CollectionName = "approval_card_copies";

    private readonly ILiteCollection<ApprovalCardCopy> _copies;

    public ApprovalCardCopies(IsmsDatabase database)
    {
        _copies = database.Collection<ApprovalCardCopy>(CollectionName);
        _copies.EnsureIndex(c => c.RecordId);
    }

    /// <summary>Records a copy. It replaces the record's older copy in the same conversation (a second 承認待ち), so a
    /// decision updates one message per conversation however often the card was shown; returns the replaced ones. In a
    /// channel, posts for different people (each headed by whom it is for) are kept apart.</summary>
    public IReadOnlyList<ApprovalCardCopy> Add(string recordId, CardCopyPlace place, string conversationId, string activityId, string? forPersonId, DateTimeOffset postedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var id = ApprovalCardCopy.KeyOf(conversationId, activityId);
        var replaced = _copies.Find(c => c.RecordId == recordId).Where(c => c.ConversationId == conversationId && c.Id != id && (place != CardCopyPlace.ChannelPost || c.ForPersonId == forPersonId)).ToList();
        foreach (var old in replaced)
        {
            _copies.Delete(old.Id);
        }

        _copies.Upsert(new ApprovalCardCopy
        {
            Id = id,
            RecordId = recordId,
            Place = place,
            ConversationId = conversationId,
            ActivityId = activityId,
            ForPersonId = forPersonId,
            PostedAt = postedAt,
        });
        return replaced;
    }

    public IReadOnlyList<ApprovalCardCopy> ForRecord(string recordId) =>
        _copies.Find(c => c.RecordId == recordId).OrderBy(c => c.PostedAt).ToList();

    /// <summary>Forgets a copy Teams no longer has (the message was deleted).</summary>
    public void Remove(ApprovalCardCopy copy) => _copies.Delete(copy.Id);
}
