using System.Text.RegularExpressions;

namespace Isms.Knowledge;

/// <summary>Canonical clause IDs (qa/README.md): section[.sub] + (n) + circled + (katakana), no dots before parentheses.</summary>
public static partial class ClauseId
{
    private const string Circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    /// <summary>Returns the canonical form of a loosely typed ID, or null when it cannot be one.</summary>
    public static string? Normalize(string? looseId)
    {
        if (string.IsNullOrWhiteSpace(looseId)) return null;
        var s = Regex.Replace(Retrieval.JapaneseNormalizer.Widths(looseId.Trim()), @"\s+", "");
        s = s.Replace('．', '.').Replace('。', '.').Replace('-', '.');
        s = s.TrimEnd('.');
        s = DotBeforeMarker().Replace(s, "");
        s = BareKatakana().Replace(s, "($1)");
        if (s is "前文" or "注記") return s;
        if (AppendixPattern().IsMatch(s)) return s;
        return IdPattern().IsMatch(s) ? s : null;
    }

    internal static bool IsChildSuffix(string suffix) => suffix.Length > 0 && (suffix[0] == '(' || Circled.Contains(suffix[0]));

    public static string CircledNumber(int n) => n is >= 1 and <= 20 ? Circled[n - 1].ToString() : $"({n})";

    [GeneratedRegex(@"\.(?=[(①-⑳])")]
    private static partial Regex DotBeforeMarker();

    [GeneratedRegex(@"(?<=[①-⑳)])([ア-ン])(?![)])")]
    private static partial Regex BareKatakana();

    [GeneratedRegex(@"^別表\d+$")]
    private static partial Regex AppendixPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?(\(\d+\))?[①-⑳]?(\([ア-ン]\))?$")]
    private static partial Regex IdPattern();
}
