using System.Text;
using System.Text.RegularExpressions;

namespace Isms.Knowledge.Parsing;

/// <summary>Repairs of PDF extraction noise: spacing around Japanese, HTML debris, kana duplicated at page breaks.</summary>
internal static partial class TextRepair
{
    public static bool IsJapanese(char c) =>
        c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';

    /// <summary>Drops tags and the spaces the PDF put between Japanese and ASCII (機密性 2 以上 → 機密性2以上).</summary>
    public static string CleanLine(string line)
    {
        var s = HtmlTag().Replace(line, " ");
        s = s.Replace('\u00A0', ' ').Replace('\u3000', ' ');
        s = MultiSpace().Replace(s, " ").Trim();
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ' && i > 0 && i < s.Length - 1 && (IsJapanese(s[i - 1]) || IsJapanese(s[i + 1])))
                continue;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>Joins a line broken at a page break, dropping a kana the PDF repeated (なければ / ばならない).</summary>
    public static string JoinBroken(string head, string tail)
    {
        if (head.Length > 0 && tail.Length > 1 && IsHiragana(head[^1]) && tail[0] == head[^1] && !LegitDoubles.Contains(tail[0]))
            tail = tail[1..];
        return head + tail;
    }

    /// <summary>True for a stray fragment that only repeats the end of the previous line (い。 after ならない。).</summary>
    public static bool IsRepeatedTail(string previous, string line) =>
        line.Length <= 3 && previous.Length > line.Length && previous.EndsWith(line, StringComparison.Ordinal);

    public static bool EndsSentence(string s) => s.EndsWith('。');

    private const string LegitDoubles = "いこしすたつなのへほもゝ";

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex MultiSpace();
}
