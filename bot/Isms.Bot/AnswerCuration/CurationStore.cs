using Isms.Knowledge;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.AnswerCuration;

/// <summary>
/// The synonyms and pinned phrasings the curators added, in the data file. Entries stay here whatever edition of the
/// policy is loaded: what an edition cannot use is reported, never deleted (only a curator removes an entry).
/// </summary>
public sealed class CurationStore
{
    private readonly ILiteCollection<CurationEntry> _entries;

    public CurationStore(IsmsDatabase database)
    {
        _entries = database.Collection<CurationEntry>("curation");
        _entries.EnsureIndex(e => e.Key, unique: true);
    }

    public IReadOnlyList<CurationEntry> All() => _entries.FindAll().OrderBy(e => e.AddedAt).ToList();

    public CurationEntry? Find(string id) => _entries.FindById(id);

    public CurationEntry? FindByKey(string key) => _entries.FindOne(e => e.Key == key);

    /// <summary>Adds the entry, or replaces the one with the same key (a phrasing pinned again to other clauses).</summary>
    public void Save(CurationEntry entry) => _entries.Upsert(entry);

    public bool Remove(string id) => _entries.Delete(id);

    /// <summary>Everything stored, as the answerer applies it.</summary>
    public Isms.Knowledge.Curation ToCuration()
    {
        var all = All();
        return new Isms.Knowledge.Curation(
            all.Where(e => e.Kind == CurationKind.Synonym).Select(e => e.ToSynonym()).ToList(),
            all.Where(e => e.Kind == CurationKind.Pin).Select(e => e.ToPin()).ToList());
    }
}

public enum CurationKind
{
    Synonym,
    Pin,
}

/// <summary>One synonym (an everyday word for a policy term) or one pinned phrasing (a question and its clauses).</summary>
public sealed class CurationEntry
{
    public string Id { get; set; } = "";

    public CurationKind Kind { get; set; }

    /// <summary>What makes two entries the same: the folded word and term, or the folded phrasing.</summary>
    public string Key { get; set; } = "";

    public string PolicyTerm { get; set; } = "";

    public string Variant { get; set; } = "";

    public string Phrasing { get; set; } = "";

    public List<string> ClauseIds { get; set; } = [];

    /// <summary>Directory id of the curator (the name is in the audit trail).</summary>
    public string AddedBy { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }

    public CuratedSynonym ToSynonym() => new(PolicyTerm, Variant);

    public PinnedPhrasing ToPin() => new(Phrasing, ClauseIds);

    public static CurationEntry Synonym(string variant, string policyTerm, string addedBy, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = CurationKind.Synonym,
        Key = SynonymKey(variant, policyTerm),
        Variant = variant,
        PolicyTerm = policyTerm,
        AddedBy = addedBy,
        AddedAt = at,
    };

    public static CurationEntry Pin(string phrasing, IReadOnlyList<string> clauseIds, string addedBy, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = CurationKind.Pin,
        Key = PinKey(phrasing),
        Phrasing = phrasing,
        ClauseIds = [.. clauseIds],
        AddedBy = addedBy,
        AddedAt = at,
    };

    public static string SynonymKey(string variant, string policyTerm) =>
        "synonym|" + CurationMerge.PinKey(variant) + "=" + CurationMerge.PinKey(policyTerm);

    public static string PinKey(string phrasing) => "pin|" + CurationMerge.PinKey(phrasing);
}
