using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Builder.Teams;
using Newtonsoft.Json;

namespace Isms.Bot.Conversations;

/// <summary>
/// Keeps the latest <see cref="ConversationReference"/> of every conversation the bot has seen, so that later
/// notifications (approvals, reminders) can reach people proactively. Personal chats are also indexed by the
/// person's Entra object id and Teams user id; channel conversations by their Teams channel id, so that a configured
/// channel (管理者 channel, CSIRT 窓口) can be posted to once the bot has seen any message or event in it.
/// </summary>
public sealed class ConversationReferenceStore
{
    private readonly ILiteCollection<StoredReference> _references;

    public ConversationReferenceStore(IsmsDatabase database)
    {
        _references = database.Collection<StoredReference>("conversation_refs");
        _references.EnsureIndex(r => r.UserAadObjectId);
        _references.EnsureIndex(r => r.UserId);
        _references.EnsureIndex(r => r.ChannelId);
        _references.EnsureIndex(r => r.UpdatedAt);
    }

    public void Save(IActivity activity, DateTimeOffset now)
    {
        var reference = activity.GetConversationReference();
        if (string.IsNullOrEmpty(reference.Conversation?.Id) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            return;
        }

        var conversationType = reference.Conversation.ConversationType ?? "personal";
        var channelId = conversationType == "channel" ? ChannelIdOf(activity) : null;
        _references.Upsert(new StoredReference
        {
            Id = reference.Conversation.Id,
            ConversationType = conversationType,
            UserId = conversationType == "personal" ? reference.User?.Id : null,
            UserAadObjectId = conversationType == "personal" ? reference.User?.AadObjectId : null,
            ChannelId = channelId,
            Json = JsonConvert.SerializeObject(reference),
            UpdatedAt = now,
        });
    }

    /// <summary>Keeps the personal chat the bot created itself (CreateConversation): its turn carries no sender, so the
    /// person's ids are given.</summary>
    public void SavePersonalChat(ConversationReference reference, string teamsUserId, string? aadObjectId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference.Conversation?.Id);
        _references.Upsert(new StoredReference
        {
            Id = reference.Conversation.Id,
            ConversationType = "personal",
            UserId = teamsUserId,
            UserAadObjectId = aadObjectId,
            Json = JsonConvert.SerializeObject(reference),
            UpdatedAt = now,
        });
    }

    public ConversationReference? FindByConversationId(string conversationId) =>
        ToReference(_references.FindById(conversationId));

    /// <summary>The personal chat with a person, by Entra object id or Teams user id: the one they (or the bot) used
    /// last, when several are known (one the bot opened from a roster and one the person then wrote in).</summary>
    public ConversationReference? FindPersonalChat(string? aadObjectId, string? userId)
    {
        var stored = (aadObjectId is null ? null : Newest(_references.Query().Where(r => r.UserAadObjectId == aadObjectId)))
            ?? (userId is null ? null : Newest(_references.Query().Where(r => r.UserId == userId)));
        return ToReference(stored);
    }

    private static StoredReference? Newest(ILiteQueryable<StoredReference> query) =>
        query.OrderByDescending(r => r.UpdatedAt).Limit(1).FirstOrDefault();

    /// <summary>
    /// A reference that posts a new message at the top of a Teams channel: the conversation id of a channel thread is
    /// "&lt;channel id&gt;;messageid=…", and the channel id alone starts a new thread.
    /// </summary>
    public ConversationReference? FindChannel(string channelId)
    {
        var reference = ToReference(_references.FindOne(r => r.ChannelId == channelId));
        if (reference is null)
        {
            return null;
        }

        reference.Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channelId,
            tenantId: reference.Conversation?.TenantId);
        return reference;
    }

    /// <summary>The conversation the bot heard from last: its service URL, tenant and bot account serve to open a personal
    /// chat with someone the bot knows only by Teams id.</summary>
    public ConversationReference? Latest() =>
        ToReference(_references.Query().OrderByDescending(r => r.UpdatedAt).Limit(1).FirstOrDefault());

    public int Count() => _references.Count();

    private static string? ChannelIdOf(IActivity activity)
    {
        try
        {
            return activity.TeamsGetChannelId();
        }
        catch (JsonException)
        {
            // channelData is untrusted input; a malformed one just means no channel to remember.
            return null;
        }
    }

    private static ConversationReference? ToReference(StoredReference? stored) =>
        stored is null ? null : JsonConvert.DeserializeObject<ConversationReference>(stored.Json);

    private sealed class StoredReference
    {
        public string Id { get; set; } = "";
        public string ConversationType { get; set; } = "";
        public string? UserId { get; set; }
        public string? UserAadObjectId { get; set; }
        public string? ChannelId { get; set; }
        public string Json { get; set; } = "{}";
        public DateTimeOffset UpdatedAt { get; set; }
    }
}
