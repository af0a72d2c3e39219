using System.Text;

namespace Isms.Knowledge.Retrieval;

/// <summary>
/// Splits Japanese into index terms without a morphological analyser: bigrams of kanji and katakana runs,
/// whole ASCII words, hiragana dropped (particles), and single okurigana between kanji removed (持ち出し ≈ 持出).
/// </summary>
public static class Tokenizer
{
    /// <param name="katakanaVocabulary">Katakana words of the document: hiragana in a question that spells one (ろっく) becomes that word.</param>
    /// <param name="kanjiUnigrams">Also emit each kanji alone (for the index), so a one-kanji word in a question (貸, 外) can match.</param>
    public static List<string> Tokenize(string text, IReadOnlySet<string>? katakanaVocabulary = null, bool kanjiUnigrams = false)
    {
        var s = StripOkurigana(JapaneseNormalizer.Widths(text));
        var tokens = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var kind = Kind(s[i]);
            var j = i;
            while (j < s.Length && Kind(s[j]) == kind) j++;
            var run = s[i..j];
            switch (kind)
            {
                case 'K':
                    Bigrams(run, tokens);
                    if (kanjiUnigrams && run.Length > 1) tokens.AddRange(run.Where(JapaneseNormalizer.IsKanji).Select(c => c.ToString()));
                    break;
                case 'T': Bigrams(run.Replace("ー", ""), tokens); break;
                case 'A': tokens.Add(run); break;
                case 'H' when katakanaVocabulary is not null: KanaWords(run, katakanaVocabulary, tokens); break;
            }
            i = j;
        }
        return tokens;
    }

    // Digits join kanji so 機密性2 stays one run.
    private static char Kind(char c) =>
        JapaneseNormalizer.IsKanji(c) || JapaneseNormalizer.IsDigit(c) ? 'K'
        : JapaneseNormalizer.IsKatakana(c) ? 'T'
        : JapaneseNormalizer.IsAsciiLetter(c) ? 'A'
        : JapaneseNormalizer.IsHiragana(c) ? 'H'
        : 'O';

    private static string StripOkurigana(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (JapaneseNormalizer.IsHiragana(s[i]) && i > 0 && i < s.Length - 1 && JapaneseNormalizer.IsKanji(s[i - 1]) && JapaneseNormalizer.IsKanji(s[i + 1]))
                continue;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static void Bigrams(string run, List<string> tokens)
    {
        if (run.Length == 1) { tokens.Add(run); return; }
        for (var k = 0; k + 1 < run.Length; k++) tokens.Add(run.Substring(k, 2));
    }

    // Greedy longest match of hiragana against the document's katakana words (ぱすわーど → パスワード).
    private static void KanaWords(string run, IReadOnlySet<string> vocabulary, List<string> tokens)
    {
        var folded = new string(run.Select(JapaneseNormalizer.ToKatakana).Where(c => c != 'ー').ToArray());
        var i = 0;
        while (i < folded.Length)
        {
            var matched = 0;
            for (var len = Math.Min(12, folded.Length - i); len >= 3; len--)
                if (vocabulary.Contains(folded.Substring(i, len))) { matched = len; break; }
            if (matched > 0) { Bigrams(folded.Substring(i, matched), tokens); i += matched; }
            else i++;
        }
    }

    /// <summary>Katakana words of a text with ー removed, for <see cref="Tokenize"/>.</summary>
    public static IEnumerable<string> KatakanaWords(string text)
    {
        var s = JapaneseNormalizer.Widths(text);
        var i = 0;
        while (i < s.Length)
        {
            if (!JapaneseNormalizer.IsKatakana(s[i])) { i++; continue; }
            var j = i;
            while (j < s.Length && JapaneseNormalizer.IsKatakana(s[j])) j++;
            var word = s[i..j].Replace("ー", "");
            if (word.Length >= 3) yield return word;
            i = j;
        }
    }
}
