using System.Text.RegularExpressions;

namespace Isms.Bot.AnswerCuration;

/// <summary>Reads what curators type after 同義語 and 固定 (untrusted text: lengths are capped, nothing is evaluated).</summary>
public static partial class CurationText
{
    public const int MaxWordLength = 40;
    public const int MaxPhrasingLength = 200;

    /// <summary>What follows the command word and the first space (half- or full-width), trimmed; empty when nothing does.</summary>
    public static string Argument(string text)
    {
        var space = text.IndexOfAny([' ', '\u3000', '\t', '\n']);
        return space < 0 ? "" : text[(space + 1)..].Trim();
    }

    /// <summary>「タブレ=モバイル端末」: the everyday word, then the policy's term. Null when it is not that shape.</summary>
    public static (string Variant, string PolicyTerm)? Synonym(string argument)
    {
        var parts = argument.Split(['=', '＝'], 2);
        if (parts.Length != 2)
        {
            return null;
        }

        var variant = Unquote(parts[0]);
        var term = Unquote(parts[1]);
        return IsWord(variant, 2) && IsWord(term, 1) ? (variant, term) : null;
    }

    /// <summary>「つけっぱなしで離席 → 5.1(1)⑦、5.1(1)⑥」: the phrasing, then the clause IDs as typed. Null when it is not that shape.</summary>
    public static (string Phrasing, IReadOnlyList<string> ClauseIds)? Pin(string argument)
    {
        var match = Arrow().Matches(argument).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        var phrasing = Unquote(argument[..match.Index]);
        var ids = ClauseIds(argument[(match.Index + match.Length)..]);
        return phrasing.Length is >= 2 and <= MaxPhrasingLength && !phrasing.Contains('\n') && ids.Count > 0 ? (phrasing, ids) : null;
    }

    /// <summary>Clause IDs separated by 、 , or spaces (at most ten).</summary>
    public static IReadOnlyList<string> ClauseIds(string text)
    {
        var ids = Separators().Split(text.Trim()).Where(id => id.Length > 0).ToList();
        return ids.Count is > 0 and <= 10 && ids.All(id => id.Length <= 30) ? ids : [];
    }

    public static string Unquote(string text) => text.Trim().Trim('「', '」', '"', '“', '”').Trim();

    private static bool IsWord(string text, int minLength) =>
        text.Length >= minLength && text.Length <= MaxWordLength && !text.Any(char.IsControl) && !text.Contains('=') && !text.Contains('＝');

    [GeneratedRegex("→|->|⇒|=>|＝＞|－＞")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"[、,，\s]+")]
    private static partial Regex Separators();
}
