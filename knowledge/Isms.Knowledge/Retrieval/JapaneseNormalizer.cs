using System.Text;

namespace Isms.Knowledge.Retrieval;

/// <summary>Folds the ways staff type Japanese into one form: width (NFKC), case, hiragana → katakana, long vowels.</summary>
public static class JapaneseNormalizer
{
    private const string Circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    /// <summary>NFKC and lower case, keeping circled numbers (NFKC would make ① a 1).</summary>
    public static string Widths(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (Circled.Contains(ch)) sb.Append(ch);
            else sb.Append(ch.ToString().Normalize(NormalizationForm.FormKC));
        }
        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>The fully folded form used for thesaurus and vocabulary look-ups: no spaces, katakana, no ー.</summary>
    public static string Fold(string text)
    {
        var s = Widths(text);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch is 'ー' or '-' or '・') continue;
            sb.Append(ToKatakana(ch));
        }
        return sb.ToString();
    }

    public static char ToKatakana(char ch) => ch is >= 'ぁ' and <= 'ゖ' ? (char)(ch + 0x60) : ch;

    public static bool IsKanji(char c) => c is >= '\u3400' and <= '\u9FFF' or '々' or '〆' or 'ヶ' or >= '\uF900' and <= '\uFAFF';

    public static bool IsKatakana(char c) => c is >= 'ァ' and <= 'ヺ' or 'ー';

    public static bool IsHiragana(char c) => c is >= 'ぁ' and <= 'ゖ';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';
}
