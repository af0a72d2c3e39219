using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Language;

/// <summary>
/// The content words of a text as dictionary forms, for the lemma fields of the index: nouns as written (width and
/// long vowels folded), verbs and adjectives by the reading of their dictionary form, so なくした, 無くしました and
/// なくすかも all give ナクス. Function words and the verbs that carry no topic (する, ある, できる) are left out.
/// </summary>
public static class ContentWords
{
    private static readonly HashSet<string> Empty = new(StringComparer.Ordinal)
    {
        "スル", "アル", "イル", "ナル", "デキル", "イウ", "オモウ", "ナイ", "イイ", "ヨイ", "クル", "イク", "ヤル", "モラウ", "クレル",
        "オク", "ミル", "シマウ", "チャウ", "イタダク", "クダサル", "オル", "ワカル", "シレル", "ヨロシイ", "ゴザル", "イタス", "ナサル",
        "こと", "もの", "よう", "ため", "とき", "時", "ところ", "方", "感じ", "場合", "ん", "の", "さ", "これ", "それ", "あれ", "どれ", "何", "なん", "誰",
    };

    /// <summary>True for the verbs and nouns that carry no topic (する, できる, こと).</summary>
    public static bool CarriesNoTopic(string word) => Empty.Contains(word);

    public static List<string> Of(IMorphologicalAnalyzer analyzer, string text) => Of(analyzer.Analyze(JapaneseNormalizer.Widths(text)));

    /// <summary>The content words of a text already analysed (width-folded before analysis).</summary>
    public static List<string> Of(IEnumerable<Morpheme> morphemes)
    {
        var words = new List<string>();
        foreach (var m in morphemes)
        {
            var word = m.PartOfSpeech switch
            {
                "名詞" when m.SubCategory is not ("非自立" or "代名詞" or "数" or "接尾" or "副詞可能") => Noun(m),
                "動詞" or "形容詞" when m.SubCategory == "自立" => m.BaseReading ?? m.BaseForm,
                _ => null,
            };
            if (word is { Length: > 0 } && !Empty.Contains(word)) words.Add(word);
        }

        return words;
    }

    private static string Noun(Morpheme m)
    {
        var s = m.Surface;
        // A katakana or hiragana noun is matched by its katakana spelling without ー (ぱすわーど ≈ パスワード).
        return s.All(c => JapaneseNormalizer.IsHiragana(c) || JapaneseNormalizer.IsKatakana(c))
            ? new string(s.Select(JapaneseNormalizer.ToKatakana).Where(c => c != 'ー').ToArray())
            : s;
    }
}
