namespace Isms.Knowledge.Retrieval;

/// <summary>
/// Everyday words and typos mapped to the policy's own terms, kept as data (knowledge/data/thesaurus.tsv):
/// <c>policy term[,term…] TAB variant,variant,…</c>; lines starting with # are comments.
/// </summary>
public sealed class Thesaurus
{
    private readonly List<(string[] Variants, string[] Terms)> _entries;

    private Thesaurus(List<(string[] Variants, string[] Terms)> entries) => _entries = entries;

    public int Count => _entries.Count;

    /// <summary>This thesaurus and more entries (curated synonyms): each variant stands for its policy term.</summary>
    public Thesaurus With(IEnumerable<(string PolicyTerm, string Variant)> more) =>
        new([.. _entries, .. more.Select(m => (new[] { JapaneseNormalizer.Fold(m.Variant, hiraganaToKatakana: JapaneseNormalizer.Fold(m.Variant).Length > 3) }, new[] { m.PolicyTerm }))]);

    public static Thesaurus Parse(string tsv)
    {
        var entries = new List<(string[], string[])>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) throw new FormatException($"Thesaurus line needs a term and variants: {line}");
            var terms = parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var variants = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => JapaneseNormalizer.Fold(v, hiraganaToKatakana: JapaneseNormalizer.Fold(v).Length > 3)).Where(v => v.Length > 0).Distinct().ToArray();
            entries.Add((variants, terms));
        }
        return new Thesaurus(entries);
    }

    /// <summary>The shipped thesaurus and glossary (knowledge/data/thesaurus.tsv and glossary/*.tsv).</summary>
    public static Thesaurus LoadEmbedded() => Parse(string.Join("\n",
        new[] { EmbeddedPolicy.ReadResource(EmbeddedPolicy.ThesaurusResource) }
            .Concat(EmbeddedPolicy.ResourcesUnder(EmbeddedPolicy.GlossaryPrefix).Select(EmbeddedPolicy.ReadResource))));

    /// <summary>The policy terms whose everyday variants occur in the question.</summary>
    public IReadOnlyList<string> Expand(string question)
    {
        var views = Views.Of(question);
        var result = new List<string>();
        foreach (var (variants, terms) in _entries)
            if (variants.Any(views.Contains))
                result.AddRange(terms);
        return result.Distinct().ToList();
    }

    /// <summary>The everyday variants found in the question (folded), for the terms <see cref="Expand"/> returns.</summary>
    public IReadOnlyList<string> MatchedVariants(string question)
    {
        var views = Views.Of(question);
        return _entries.SelectMany(e => e.Variants).Where(views.Contains).Distinct().ToList();
    }

    private sealed record Views(string Folded, string KanaKept)
    {
        public static Views Of(string question) =>
            new(JapaneseNormalizer.Fold(question), JapaneseNormalizer.Fold(question, hiraganaToKatakana: false));

        // Short variants must match in their own script: メール (メル) is not the める of 決めるの. A katakana variant is a
        // whole word, not the tail of a longer one (ネット in キャビネット, ログ in ブログ, トップ in デスクトップ), and a short
        // one not the head of one either (ネット in ネットワーク, ログ in ログイン).
        public bool Contains(string variant)
        {
            var text = variant.Length <= 3 ? KanaKept : Folded;
            if (!IsKatakana(variant)) return Occurs(text, variant);
            var at = 0;
            var seen = false;
            while ((at = KanaKept.IndexOf(variant, at, StringComparison.Ordinal)) >= 0)
            {
                seen = true;
                var before = at == 0 || !JapaneseNormalizer.IsKatakana(KanaKept[at - 1]);
                var end = at + variant.Length;
                var after = variant.Length > 3 || end >= KanaKept.Length || !JapaneseNormalizer.IsKatakana(KanaKept[end]);
                if (before && after) return true;
                at++;
            }
            // Typed in hiragana (ぱすわーど): no word edges to check in the folded view.
            return !seen && variant.Length > 3 && Occurs(Folded, variant);
        }

        private static bool IsKatakana(string s) => s.Length > 0 && s.All(JapaneseNormalizer.IsKatakana);
    }

    // ASCII variants must be whole words (x should not match "xxx" or "box").
    private static bool Occurs(string folded, string variant)
    {
        if (!variant.All(c => c < 128)) return folded.Contains(variant, StringComparison.Ordinal);
        var at = 0;
        while ((at = folded.IndexOf(variant, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !char.IsAsciiLetterOrDigit(folded[at - 1]);
            var after = at + variant.Length >= folded.Length || !char.IsAsciiLetterOrDigit(folded[at + variant.Length]);
            if (before && after) return true;
            at++;
        }
        return false;
    }
}
