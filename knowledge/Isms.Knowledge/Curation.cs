using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge;

/// <summary>An everyday word that means a policy term (「タブレ」 → モバイル端末), added from the chat.</summary>
public sealed record CuratedSynonym(string PolicyTerm, string Variant);

/// <summary>A phrasing staff use that should lead to these clauses (「つけっぱなし 離席」 → 5.1(1)⑦).</summary>
public sealed record PinnedPhrasing(string Phrasing, IReadOnlyList<string> ClauseIds);

/// <summary>What the 統括情報セキュリティ責任者 and the 統一的な窓口 taught the answerer; stored by the host.</summary>
public sealed record Curation(IReadOnlyList<CuratedSynonym> Synonyms, IReadOnlyList<PinnedPhrasing> Pins)
{
    public static Curation None { get; } = new([], []);
}

/// <summary>What applying a curation did: a pin to a clause the edition lacks, or a synonym for a term it never
/// uses, is reported and left out, never silently dropped from the store.</summary>
public sealed record CurationResult(int SynonymsApplied, int PinsApplied, IReadOnlyList<PinnedPhrasing> OrphanPins, IReadOnlyList<CuratedSynonym> UnknownTerms);

/// <summary>Checks a curation against an edition and merges it into the shipped thesaurus and staff questions.</summary>
public static class CurationMerge
{
    public static (Thesaurus Thesaurus, ClauseQuestions Questions, Dictionary<string, IReadOnlyList<string>> Pins, CurationResult Result) Apply(
        Curation curation, PolicyDocument document, Thesaurus thesaurus, ClauseQuestions questions)
    {
        var text = JapaneseNormalizer.Fold(string.Concat(document.Clauses.Select(c => c.Text + string.Join("", c.HeadingPath))));
        var synonyms = curation.Synonyms.Where(s => s.Variant.Trim().Length >= 2 && text.Contains(JapaneseNormalizer.Fold(s.PolicyTerm), StringComparison.Ordinal)).ToList();
        var unknown = curation.Synonyms.Except(synonyms).ToList();
        var orphans = curation.Pins.Where(p => p.ClauseIds.Count == 0 || p.ClauseIds.Any(id => document.FindClause(id) is null)).ToList();
        var pins = curation.Pins.Except(orphans).ToList();
        var merged = synonyms.Count == 0 ? thesaurus : thesaurus.With(synonyms.Select(s => (s.PolicyTerm, s.Variant)));
        var staff = questions.With(pins.SelectMany(p => p.ClauseIds.Select(id => (document.FindClause(id)!.Id, p.Phrasing))));
        var exact = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var pin in pins)
            exact[PinKey(pin.Phrasing)] = pin.ClauseIds.Select(id => document.FindClause(id)!.Id).ToList();
        return (merged, staff, exact, new CurationResult(synonyms.Count, pins.Count, orphans, unknown));
    }

    /// <summary>How a message is compared with a pinned phrasing: width, kana, spaces and end marks folded.</summary>
    public static string PinKey(string text) => JapaneseNormalizer.Fold(text).TrimEnd('?', '？', '。', '!', '！', '…');
}
