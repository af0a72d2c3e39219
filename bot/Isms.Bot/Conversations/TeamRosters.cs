using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Isms.Bot.Conversations;

/// <summary>
/// The teams and group chats the bot is in (<c>rosters</c>: how to reach each one, so its member list can be read again
/// at start-up) and the people seen in their member lists (<c>roster_members</c>: Teams user id, Entra object id,
/// tenant, and the service URL and bot account a personal chat with them is created through). Ids only: no names,
/// e-mail addresses or user principal names are kept.
/// </summary>
public sealed class TeamRosters
{
    private readonly ILiteCollection<KnownRoster> _rosters;
    private readonly ILiteCollection<RosterMember> _members;

    public TeamRosters(IsmsDatabase database)
    {
        _rosters = database.Collection<KnownRoster>("rosters");
        _members = database.Collection<RosterMember>("roster_members");
        _members.EnsureIndex(m => m.TeamsUserId);
    }

    /// <summary>Remembers a team (by team id) or group chat (by conversation id) from an activity in it; false when it was
    /// already known, i.e. its member list has been read before.</summary>
    public bool Remember(string rosterId, bool isTeam, ConversationReference reference, DateTimeOffset now)
    {
        var known = _rosters.FindById(rosterId);
        _rosters.Upsert(new KnownRoster
        {
            Id = rosterId,
            IsTeam = isTeam,
            Json = JsonConvert.SerializeObject(reference),
            RememberedAt = known?.RememberedAt ?? now,
            SyncedAt = known?.SyncedAt,
        });
        return known is null;
    }

    public bool IsKnown(string rosterId) => _rosters.Exists(r => r.Id == rosterId);

    /// <summary>The bot left the team or chat: its member list is not read again (the people seen stay reachable).</summary>
    public void Forget(string rosterId) => _rosters.Delete(rosterId);

    public IReadOnlyList<Roster> All() => _rosters.FindAll().Select(ToRoster).ToList();

    public Roster? Find(string rosterId) => _rosters.FindById(rosterId) is { } known ? ToRoster(known) : null;

    public void MarkSynced(string rosterId, DateTimeOffset now)
    {
        if (_rosters.FindById(rosterId) is { } known)
        {
            known.SyncedAt = now;
            _rosters.Update(known);
        }
    }

    /// <summary>Records a member as the roster lists them; a later listing replaces an earlier one.</summary>
    public void SaveMember(RosterMember member) => _members.Upsert(member);

    /// <summary>A person seen in a roster, by Entra object id (what the directory knows) or Teams user id.</summary>
    public RosterMember? FindMember(string? aadObjectId, string? teamsUserId) =>
        (aadObjectId is { Length: > 0 } ? _members.FindById(RosterMember.KeyOf(aadObjectId, null)) : null)
        ?? (teamsUserId is { Length: > 0 } ? _members.FindOne(m => m.TeamsUserId == teamsUserId) : null);

    public int MemberCount() => _members.Count();

    private static Roster ToRoster(KnownRoster known) =>
        new(known.Id, known.IsTeam, JsonConvert.DeserializeObject<ConversationReference>(known.Json)!, known.SyncedAt);

    private sealed class KnownRoster
    {
        public string Id { get; set; } = "";
        public bool IsTeam { get; set; }
        public string Json { get; set; } = "{}";
        public DateTimeOffset RememberedAt { get; set; }
        public DateTimeOffset? SyncedAt { get; set; }
    }
}

/// <summary>A team or group chat the bot is in, and a reference to a conversation in it (for a proactive turn).</summary>
public sealed record Roster(string Id, bool IsTeam, ConversationReference Reference, DateTimeOffset? SyncedAt);

/// <summary>Someone listed in a roster: enough to create a personal chat with them, nothing more.</summary>
public sealed class RosterMember
{
    /// <summary>The Entra object id in lower case, or "teams:" and the Teams user id when the roster gave none.</summary>
    public string Id { get; set; } = "";
    public string TeamsUserId { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string? TenantId { get; set; }
    public string ServiceUrl { get; set; } = "";
    /// <summary>The bot's account in that tenant (28:…), the other member of the personal chat.</summary>
    public string BotId { get; set; } = "";
    public string RosterId { get; set; } = "";
    public DateTimeOffset SeenAt { get; set; }

    public static string KeyOf(string? aadObjectId, string? teamsUserId) =>
        aadObjectId is { Length: > 0 } ? aadObjectId.Trim().ToLowerInvariant() : $"teams:{teamsUserId}";
}
