using Isms.Knowledge.Language;

namespace Isms.Knowledge.Retrieval;

/// <summary>
/// Everyday words and typos mapped to the policy's own terms, kept as data (knowledge/data/thesaurus.tsv):
/// <c>policy term[,term…] TAB variant,variant,…</c>; lines starting with # are comments.
/// With a morphological analyser, a variant also matches in its words' dictionary forms, so 持っていく meets 持っていきたい
/// and 持ってったんです.
/// </summary>
public sealed class Thesaurus
{
    private readonly List<Entry> _entries;
    private readonly IMorphologicalAnalyzer? _analyzer;

    // Variants: folded as typed. Forms: the dictionary forms of the variants whose words conjugate (持ツテイク of 持っていく).
    private sealed record Entry(string[] Raw, string[] Variants, string[] Terms, string[] Forms);

    private Thesaurus(List<Entry> entries, IMorphologicalAnalyzer? analyzer)
    {
        _analyzer = analyzer;
        _entries = analyzer is null ? entries : entries.Select(e => e with { Forms = FormsOf(e, analyzer) }).ToList();
    }

    public int Count => _entries.Count;

    /// <summary>This thesaurus and more entries (curated synonyms): each variant stands for its policy term.</summary>
    public Thesaurus With(IEnumerable<(string PolicyTerm, string Variant)> more) =>
        new([.. _entries, .. more.Select(m => NewEntry([m.Variant], [m.PolicyTerm]))], _analyzer);

    /// <summary>This thesaurus matching its variants in dictionary forms too, as <paramref name="analyzer"/> reads them.</summary>
    public Thesaurus WithDictionaryForms(IMorphologicalAnalyzer? analyzer) => analyzer is null || analyzer == _analyzer ? this : new(_entries, analyzer);

    private static Entry NewEntry(IEnumerable<string> raw, string[] terms)
    {
        var kept = raw.Where(v => JapaneseNormalizer.Fold(v).Length > 0).ToArray();
        var variants = kept.Select(v => JapaneseNormalizer.Fold(v, hiraganaToKatakana: JapaneseNormalizer.Fold(v).Length > 3)).Distinct().ToArray();
        return new Entry(kept, variants, terms, []);
    }

    // Only variants whose dictionary form differs from their spelling (a conjugated verb) and is long enough to say
    // something on its own: 持っていく → 持ツテイク; 運ぶ and パスワード stay as typed.
    private static string[] FormsOf(Entry entry, IMorphologicalAnalyzer analyzer) =>
        entry.Raw.Select(v => (Typed: JapaneseNormalizer.Fold(v), Form: DictionaryForm(analyzer, v)))
            .Where(x => x.Form.Length >= MinFormLength && x.Form != x.Typed).Select(x => x.Form).Distinct().ToArray();

    private const int MinFormLength = 4;

    private static string DictionaryForm(IMorphologicalAnalyzer analyzer, string text) =>
        JapaneseNormalizer.Fold(string.Concat(analyzer.Analyze(JapaneseNormalizer.Widths(text)).Select(m => m.BaseForm)));

    public static Thesaurus Parse(string tsv)
    {
        var entries = new List<Entry>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) throw new FormatException($"Thesaurus line needs a term and variants: {line}");
            var terms = parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries.Add(NewEntry(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), terms));
        }
        return new Thesaurus(entries, null);
    }

    /// <summary>The shipped thesaurus and glossary (knowledge/data/thesaurus.tsv and glossary/*.tsv).</summary>
    public static Thesaurus LoadEmbedded() => Parse(string.Join("\n",
        new[] { EmbeddedPolicy.ReadResource(EmbeddedPolicy.ThesaurusResource) }
            .Concat(EmbeddedPolicy.ResourcesUnder(EmbeddedPolicy.GlossaryPrefix).Select(EmbeddedPolicy.ReadResource))));

    /// <summary>The policy terms whose everyday variants occur in the question.</summary>
    public IReadOnlyList<string> Expand(string question)
    {
        var views = Views.Of(question, _analyzer);
        var result = new List<string>();
        foreach (var entry in _entries)
            if (entry.Variants.Any(views.Contains) || entry.Forms.Any(views.ContainsForm))
                result.AddRange(entry.Terms);
        return result.Distinct().ToList();
    }

    /// <summary>The everyday variants found in the question (folded), for the terms <see cref="Expand"/> returns.</summary>
    public IReadOnlyList<string> MatchedVariants(string question)
    {
        var views = Views.Of(question, null);
        return _entries.SelectMany(e => e.Variants).Where(views.Contains).Distinct().ToList();
    }

    private sealed record Views(string Folded, string KanaKept, string Forms)
    {
        public static Views Of(string question, IMorphologicalAnalyzer? analyzer) =>
            new(JapaneseNormalizer.Fold(question), JapaneseNormalizer.Fold(question, hiraganaToKatakana: false),
                analyzer is null ? "" : DictionaryForm(analyzer, question));

        public bool ContainsForm(string form) => Forms.Contains(form, StringComparison.Ordinal);

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
