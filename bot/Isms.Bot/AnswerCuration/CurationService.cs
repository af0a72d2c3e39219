using Isms.Knowledge;
using Isms.Workflows.Audit;
using Isms.Workflows.Org;

namespace Isms.Bot.AnswerCuration;

public enum CurationOutcome
{
    Added,
    /// <summary>A phrasing pinned before now leads to other clauses.</summary>
    Replaced,
    AlreadyStored,
    /// <summary>The policy term does not occur in the loaded edition: not stored.</summary>
    UnknownTerm,
    Removed,
}

/// <summary>What a change did, and the entry it concerns.</summary>
public sealed record CurationChange(CurationOutcome Outcome, CurationEntry Entry);

/// <summary>
/// Adds, removes and applies the curators' synonyms and pinned phrasings: every change is stored, audited and applied
/// to the answerer at once (it re-indexes), and the stored curation is applied again at start-up (see
/// <see cref="CurationStartup"/>). Entries the loaded edition cannot use stay stored and are reported.
/// </summary>
public sealed partial class CurationService(
    IPolicyAnswerer answerer,
    CurationStore store,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<CurationService> logger)
{
    // Changes and re-indexing one at a time: two curators at once must not apply each other's half-written state.
    private readonly Lock _gate = new();
    private volatile IReadOnlySet<string> _unusable = new HashSet<string>();

    public PolicyDocument Document => answerer.Document;

    public IReadOnlyList<CurationEntry> Entries() => store.All();

    /// <summary>Stored entries the loaded edition cannot use: pins to clauses it lacks, synonyms for terms it never uses.</summary>
    public IReadOnlyList<CurationEntry> Unusable() => store.All().Where(IsUnusable).ToList();

    public bool IsUnusable(CurationEntry entry) => _unusable.Contains(entry.Key);

    public CurationEntry? FindPin(string phrasing) => store.FindByKey(CurationEntry.PinKey(phrasing));

    /// <summary>Applies what is stored (at start-up, or after an edition change) and logs what this edition cannot use.</summary>
    public void ApplyStored()
    {
        lock (_gate)
        {
            var curation = store.ToCuration();
            if (curation.Synonyms.Count == 0 && curation.Pins.Count == 0)
            {
                return;
            }

            var result = ApplyLocked(curation);
            LogApplied(logger, result.SynonymsApplied, result.PinsApplied, Document.Edition);
            if (result.OrphanPins.Count > 0 || result.UnknownTerms.Count > 0)
            {
                LogUnusable(logger, result.OrphanPins.Count, string.Join(", ", result.OrphanPins.SelectMany(p => p.ClauseIds).Distinct().Where(id => Document.FindClause(id) is null)),
                    result.UnknownTerms.Count, Document.Edition);
            }
        }
    }

    public CurationChange AddSynonym(Person curator, string variant, string policyTerm, string? activityId)
    {
        var entry = CurationEntry.Synonym(variant, policyTerm, curator.Id, clock.GetUtcNow());
        lock (_gate)
        {
            if (store.FindByKey(entry.Key) is { } stored)
            {
                return new CurationChange(CurationOutcome.AlreadyStored, stored);
            }

            var candidate = store.ToCuration();
            var result = ApplyLocked(candidate with { Synonyms = [.. candidate.Synonyms, entry.ToSynonym()] });
            if (result.UnknownTerms.Any(s => CurationEntry.SynonymKey(s.Variant, s.PolicyTerm) == entry.Key))
            {
                // Not applied by the answerer, so the index is the one without it; only the report must forget it.
                _unusable = _unusable.Where(k => k != entry.Key).ToHashSet();
                return new CurationChange(CurationOutcome.UnknownTerm, entry);
            }

            store.Save(entry);
            Audit("CurationSynonymAdded", curator, entry, activityId, clause: null, $"{variant} = {policyTerm}");
        }

        LogChanged(logger, "synonym added", entry.Id);
        return new CurationChange(CurationOutcome.Added, entry);
    }

    /// <summary>Pins <paramref name="phrasing"/> to clauses of the loaded edition (the caller resolves the IDs).</summary>
    public CurationChange Pin(Person curator, string phrasing, IReadOnlyList<Clause> clauses, string? activityId)
    {
        var ids = clauses.Select(c => c.Id).Distinct().ToList();
        var entry = CurationEntry.Pin(phrasing, ids, curator.Id, clock.GetUtcNow());
        var outcome = CurationOutcome.Added;
        lock (_gate)
        {
            if (store.FindByKey(entry.Key) is { } stored)
            {
                if (stored.ClauseIds.SequenceEqual(ids))
                {
                    return new CurationChange(CurationOutcome.AlreadyStored, stored);
                }

                entry.Id = stored.Id;
                outcome = CurationOutcome.Replaced;
            }

            store.Save(entry);
            ApplyLocked(store.ToCuration());
            Audit(outcome == CurationOutcome.Added ? "CurationPinAdded" : "CurationPinChanged", curator, entry, activityId, string.Join("、", ids), phrasing);
        }

        LogChanged(logger, outcome == CurationOutcome.Added ? "pin added" : "pin changed", entry.Id);
        return new CurationChange(outcome, entry);
    }

    public CurationChange? Remove(Person curator, string entryId, string? activityId)
    {
        CurationEntry? entry;
        lock (_gate)
        {
            entry = store.Find(entryId);
            if (entry is null || !store.Remove(entry.Id))
            {
                return null;
            }

            ApplyLocked(store.ToCuration());
            var isPin = entry.Kind == CurationKind.Pin;
            Audit(isPin ? "CurationPinRemoved" : "CurationSynonymRemoved", curator, entry, activityId,
                isPin ? string.Join("、", entry.ClauseIds) : null, isPin ? entry.Phrasing : $"{entry.Variant} = {entry.PolicyTerm}");
        }

        LogChanged(logger, "entry removed", entry.Id);
        return new CurationChange(CurationOutcome.Removed, entry);
    }

    private CurationResult ApplyLocked(Isms.Knowledge.Curation curation)
    {
        var result = answerer.Apply(curation);
        _unusable = result.OrphanPins.Select(p => CurationEntry.PinKey(p.Phrasing))
            .Concat(result.UnknownTerms.Select(s => CurationEntry.SynonymKey(s.Variant, s.PolicyTerm)))
            .ToHashSet(StringComparer.Ordinal);
        return result;
    }

    private void Audit(string action, Person curator, CurationEntry entry, string? activityId, string? clause, string detail) =>
        audit.Append(new AuditEvent(action, curator.Id, curator.Name, RecordId: entry.Id, Clause: clause, ActivityId: activityId, Detail: detail));

    [LoggerMessage(Level = LogLevel.Information, Message = "Curation applied: {Synonyms} synonyms and {Pins} pinned phrasings for edition {Edition}")]
    private static partial void LogApplied(ILogger logger, int synonyms, int pins, string edition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Curation kept but not applied: {Pins} pinned phrasings lead to clauses edition {Edition} lacks ({ClauseIds}); {Synonyms} synonyms name terms it never uses")]
    private static partial void LogUnusable(ILogger logger, int pins, string clauseIds, int synonyms, string edition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Curation changed: {Change}, entry {EntryId}")]
    private static partial void LogChanged(ILogger logger, string change, string entryId);
}
