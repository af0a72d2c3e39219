using Isms.Workflows.Notifications;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Notifications;

public enum OutboxKind
{
    /// <summary>A message (text, or a card given with it).</summary>
    Message,
    /// <summary>A decision card for an approver: rendered afresh from the record's current state on every attempt.</summary>
    DecisionCard,
}

/// <summary>A notification that has not reached its person yet (<c>notification_outbox</c>).</summary>
public sealed class OutboxEntry
{
    public string Id { get; set; } = "";
    public OutboxKind Kind { get; set; }
    /// <summary>Entra object id or Teams user id: what the notifier looks the personal chat up by.</summary>
    public string RecipientId { get; set; } = "";
    public string? RecipientAadObjectId { get; set; }
    public string? RecipientTeamsUserId { get; set; }
    public string? RecipientPersonId { get; set; }
    public string RecipientName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>A card the bot cannot draw again (see <see cref="LateCards"/>), as it was; null otherwise.</summary>
    public string? CardJson { get; set; }
    /// <summary>What identifies a card drawn again at delivery: its refresh verb and record id.</summary>
    public string? CardVerb { get; set; }
    public string? CardRecordId { get; set; }
    public string? RecordId { get; set; }
    public string? RecordNumber { get; set; }
    /// <summary>For a decision card: how many decisions the record had when it was queued; a later step makes it obsolete.</summary>
    public int DecisionsAtQueue { get; set; }
    public int Attempts { get; set; }
    public NotifyResult LastResult { get; set; }
    // Stored under the name it had as a UTC DateTime: LiteDB writes a DateTimeOffset as the same UTC date, so older documents read unchanged.
    [BsonField("CreatedAtUtc")]
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Null once given up.</summary>
    [BsonField("NextAttemptAtUtc")]
    public DateTimeOffset? NextAttemptAt { get; set; }
    [BsonField("GaveUpAtUtc")]
    public DateTimeOffset? GaveUpAt { get; set; }
    public bool Reported { get; set; }
}

/// <summary>The LiteDB side of the outbox; <see cref="NotificationOutbox"/> decides what to do with the entries.</summary>
public sealed class OutboxStore
{
    public const string CollectionName = "notification_outbox";

    private readonly ILiteCollection<OutboxEntry> _entries;

    public OutboxStore(IsmsDatabase database)
    {
        _entries = database.Collection<OutboxEntry>(CollectionName);
        // Every turn asks whether its sender has something waiting: by index, not by reading the whole outbox.
        _entries.EnsureIndex(e => e.RecipientAadObjectId);
        _entries.EnsureIndex(e => e.RecipientTeamsUserId);
        _entries.EnsureIndex(e => e.RecipientId);
    }

    public void Save(OutboxEntry entry) => _entries.Upsert(entry);

    public OutboxEntry? Find(string id) => _entries.FindById(id);

    public void Remove(string id) => _entries.Delete(id);

    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now)
    {
        // The outbox holds only what failed, a handful of entries: read them all rather than trust a nullable-date query.
        return _entries.FindAll().Where(e => e.NextAttemptAt is { } next && next <= now).OrderBy(e => e.NextAttemptAt).ToList();
    }

    /// <summary>Given up because the person had no chat with the bot: worth trying again once they have one.</summary>
    public IReadOnlyList<OutboxEntry> GivenUpUnreachable() =>
        _entries.FindAll().Where(e => e.NextAttemptAt is null && e.LastResult == NotifyResult.Unreachable).ToList();

    /// <summary>Everything waiting for this person, by Entra object id or Teams user id.</summary>
    public IReadOnlyList<OutboxEntry> ForPerson(string? aadObjectId, string? teamsUserId)
    {
        var found = new Dictionary<string, OutboxEntry>();
        foreach (var id in new[] { aadObjectId, teamsUserId }.Where(id => !string.IsNullOrEmpty(id)).Distinct())
        {
            foreach (var entry in _entries.Find(e => e.RecipientAadObjectId == id).Concat(_entries.Find(e => e.RecipientTeamsUserId == id))
                .Concat(_entries.Find(e => e.RecipientId == id)))
            {
                found.TryAdd(entry.Id, entry);
            }
        }

        return found.Values.OrderBy(e => e.CreatedAt).ToList();
    }

    public IReadOnlyList<OutboxEntry> All() => _entries.FindAll().ToList();
}
