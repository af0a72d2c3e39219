using System.Text;

namespace Isms.Knowledge.Retrieval;

/// <summary>Folds the ways staff type Japanese into one form: width (NFKC), case, hiragana → katakana, long vowels.</summary>
public static class JapaneseNormalizer
{
    private const string Circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    /// <summary>NFKC and lower case, keeping circled numbers (NFKC would make ① a 1).</summary>
    public static string Widths(string text)
    {
        // NFKC the whole string (so ﾊﾟ composes to パ) with circled numbers parked in the private-use area.
        var parked = new string(text.Select(ch => Circled.IndexOf(ch) is var i and >= 0 ? (char)(0xE000 + i) : ch).ToArray());
        var normalized = parked.Normalize(NormalizationForm.FormKC);
        return new string(normalized.Select(ch => ch is >= '\uE000' and < '\uE014' ? Circled[ch - 0xE000] : ch).ToArray()).ToLowerInvariant();
    }

    /// <summary>The fully folded form used for thesaurus and vocabulary look-ups: no spaces, katakana, no ー.</summary>
    public static string Fold(string text, bool hiraganaToKatakana = true)
    {
        var s = Widths(text);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch is 'ー' or '-' or '・') continue;
            sb.Append(hiraganaToKatakana ? ToKatakana(ch) : ch);
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
