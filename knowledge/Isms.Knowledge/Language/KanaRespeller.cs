using System.Text;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Language;

/// <summary>
/// Writes the policy's words back in kanji when staff type them in hiragana (ふんしつ → 紛失, もちだし → 持ち出し,
/// わすれて → 忘れて), so the index and the word table meet them. The words and their readings come from the texts
/// the bot knows (the policy and the staff questions) through the morphological analyser. A hiragana spelling the
/// policy itself uses (しないように, および) is left as typed, and so are the everyday verbs the word table reads in
/// kana (できる, わかる, いる), which keeps grammar out of reach.
/// </summary>
public sealed class KanaRespeller
{
    // Shorter readings (カギ, ヒト, コト) collide with grammar and everyday kana too often to be worth it.
    private const int ShortestReading = 3;

    // Verbs the policy writes in one sense and staff type in kana in another: the policy's 係る (relating to) is not
    // staff's かかる (鍵のかかる, 時間がかかる).
    private static readonly HashSet<string> ManySenses = new(StringComparer.Ordinal) { "カカル" };

    private readonly IMorphologicalAnalyzer _analyzer;
    private readonly Dictionary<string, string> _kanjiByReading;
    private readonly string _knownKana;
    private readonly int _longestReading;

    private KanaRespeller(IMorphologicalAnalyzer analyzer, Dictionary<string, string> kanjiByReading, string knownKana)
    {
        _analyzer = analyzer;
        _kanjiByReading = kanjiByReading;
        _knownKana = knownKana;
        _longestReading = kanjiByReading.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>Learns the kanji words of <paramref name="policyTexts"/> and <paramref name="staffTexts"/> and their
    /// readings; the hiragana the policy writes is kept as it is.</summary>
    public static KanaRespeller Build(IMorphologicalAnalyzer analyzer, IEnumerable<string> policyTexts, IEnumerable<string> staffTexts)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var kana = new StringBuilder();
        foreach (var (text, isPolicy) in policyTexts.Select(t => (t, true)).Concat(staffTexts.Select(t => (t, false))))
        {
            var widths = JapaneseNormalizer.Widths(text);
            if (isPolicy)
                foreach (var run in HiraganaRuns(widths)) kana.Append(run).Append('|');
            foreach (var m in analyzer.Analyze(widths))
            {
                if (m.Reading is not { Length: >= ShortestReading } reading || !m.Surface.Any(JapaneseNormalizer.IsKanji)) continue;
                if (m.PartOfSpeech is not ("名詞" or "動詞" or "形容詞") || m.SubCategory is "数" or "非自立" or "接尾") continue;
                if (m.BaseReading is { } verb && (ContentWords.CarriesNoTopic(verb) || ManySenses.Contains(verb))) continue;
                if (!counts.TryGetValue(reading, out var surfaces)) counts[reading] = surfaces = new Dictionary<string, int>(StringComparer.Ordinal);
                surfaces[m.Surface] = surfaces.GetValueOrDefault(m.Surface) + 1;
            }
        }

        // A reading with several spellings (キカン: 期間, 機関) takes the one the texts use most.
        var kanjiByReading = counts.ToDictionary(kv => kv.Key, kv => kv.Value.MaxBy(s => s.Value).Key, StringComparer.Ordinal);
        return new KanaRespeller(analyzer, kanjiByReading, kana.ToString());
    }

    /// <summary>The text with hiragana spellings of known kanji words replaced (width folded); the very text given when
    /// there are none. <paramref name="analysed"/>: the analyser's words of the width-folded text, when the caller
    /// already has them.</summary>
    public string Respell(string text, IReadOnlyList<Morpheme>? analysed = null)
    {
        if (_kanjiByReading.Count == 0 || !text.Any(JapaneseNormalizer.IsHiragana)) return text;
        var widths = JapaneseNormalizer.Widths(text);
        var words = Words(widths, analysed ?? _analyzer.Analyze(widths));
        var result = new StringBuilder(widths.Length);
        var changed = false;
        var afterRespelling = false;
        var i = 0;
        while (i < widths.Length)
        {
            var kanji = "";
            var startsHere = words.TryGetValue(i, out var word);
            // Where a respelled word ends inside a run of hiragana, the next word starts, whatever the analyser cut
            // (たいさく|きじゅん, which it reads たい|さくき|じゅん).
            var length = startsHere || afterRespelling ? LongestKnownSpelling(widths, i, out kanji) : 0;
            if (length > 0 && (afterRespelling || StartsAWord(word!) || MisreadAsShorter(word!, length)
                || words.Any(w => w.Key >= i && w.Key < i + length && Garbled(w.Value))))
            {
                result.Append(kanji);
                i += length;
                changed = true;
                afterRespelling = true;
            }
            else
            {
                result.Append(widths[i]);
                i++;
                afterRespelling = false;
            }
        }

        return changed ? result.ToString() : text;
    }

    // The analyser read a word here (ふんし…, もち…, わすれ…), not grammar or an everyday word (どう…, いい…, さん…, き…たい).
    private static bool StartsAWord(Morpheme m) => m.PartOfSpeech switch
    {
        "名詞" => m.SubCategory is not ("接尾" or "非自立" or "代名詞" or "数" or "動詞非自立的"),
        "動詞" => m.SubCategory == "自立" && !(m.BaseReading is { } r && ContentWords.CarriesNoTopic(r)),
        _ => false,
    };

    // A pronoun the analyser cut from a longer policy word (きみ|つせい for きみつせい): the known word is longer than it.
    private static bool MisreadAsShorter(Morpheme m, int knownLength) =>
        m is { PartOfSpeech: "名詞", SubCategory: "代名詞" } && knownLength > m.Surface.Length;

    // Hiragana the analyser could not read (じ|ょうほうせきゅりてぃ): nothing it says about these words is worth keeping.
    private static bool Garbled(Morpheme m) => m.Reading is null || "ぁぃぅぇぉゃゅょっゎ".Contains(m.Surface[0]);

    // The longest hiragana stretch from `start` that reads as a known kanji word, unless the policy writes it in kana.
    private int LongestKnownSpelling(string text, int start, out string kanji)
    {
        kanji = "";
        var end = start;
        while (end < text.Length && end - start < _longestReading && JapaneseNormalizer.IsHiragana(text[end])) end++;
        for (var length = end - start; length >= ShortestReading; length--)
        {
            var spelling = text.Substring(start, length);
            var reading = new string(spelling.Select(JapaneseNormalizer.ToKatakana).ToArray());
            if (!_kanjiByReading.TryGetValue(reading, out var found)) continue;
            if (_knownKana.Contains(spelling, StringComparison.Ordinal)) return 0;
            kanji = found;
            return length;
        }

        return 0;
    }

    // The analyser's words by where they start: a respelling never begins inside one (…しないようにする keeps its ないよう).
    private static Dictionary<int, Morpheme> Words(string text, IReadOnlyList<Morpheme> analysed)
    {
        var words = new Dictionary<int, Morpheme>();
        var position = 0;
        foreach (var m in analysed)
        {
            var at = text.IndexOf(m.Surface, position, StringComparison.Ordinal);
            if (at < 0) break;
            words[at] = m;
            position = at + m.Surface.Length;
        }

        return words;
    }

    private static IEnumerable<string> HiraganaRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var kana = i < text.Length && JapaneseNormalizer.IsHiragana(text[i]);
            if (kana && start < 0) start = i;
            else if (!kana && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
