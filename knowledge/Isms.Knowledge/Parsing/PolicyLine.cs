using System.Text.RegularExpressions;

namespace Isms.Knowledge.Parsing;

internal enum LineKind { Section, Subsection, Number, Circled, Katakana, Appendix, Note, Chapter, TableRow, Text }

/// <summary>One non-empty source line, classified by its leading numbering marker.</summary>
internal sealed partial record PolicyLine(LineKind Kind, string Marker, string Content, string Raw)
{
    /// <summary>Hierarchy depth of numbered lines; 0 for the rest.</summary>
    public int Level => Kind switch
    {
        LineKind.Section or LineKind.Appendix or LineKind.Note => 1,
        LineKind.Subsection => 2,
        LineKind.Number => 3,
        LineKind.Circled => 4,
        LineKind.Katakana => 5,
        _ => 0,
    };

    public bool IsNumbered => Level > 0;

    public static PolicyLine Classify(string rawLine)
    {
        var raw = rawLine.TrimEnd();
        if (raw.Contains('\t')) return new(LineKind.TableRow, "", raw.Trim(), raw);
        var s = BulletPrefix().Replace(raw.Trim(), "");
        Match m;
        if ((m = Chapter().Match(s)).Success) return new(LineKind.Chapter, m.Groups[1].Value, TextRepair.CleanLine(m.Groups[2].Value), raw);
        if ((m = Subsection().Match(s)).Success) return new(LineKind.Subsection, $"{m.Groups[1].Value}.{m.Groups[2].Value}", TextRepair.CleanLine(m.Groups[3].Value), raw);
        if ((m = Section().Match(s)).Success) return new(LineKind.Section, m.Groups[1].Value, TextRepair.CleanLine(m.Groups[2].Value), raw);
        if ((m = Number().Match(s)).Success) return new(LineKind.Number, $"({m.Groups[1].Value})", TextRepair.CleanLine(m.Groups[2].Value), raw);
        if ((m = CircledMarker().Match(s)).Success) return new(LineKind.Circled, m.Groups[1].Value, TextRepair.CleanLine(m.Groups[2].Value), raw);
        if ((m = Katakana().Match(s)).Success) return new(LineKind.Katakana, $"({m.Groups[1].Value})", TextRepair.CleanLine(m.Groups[2].Value), raw);
        if ((m = Appendix().Match(s)).Success) return new(LineKind.Appendix, $"別表{m.Groups[1].Value}", TextRepair.CleanLine(m.Groups[2].Value), raw);
        if (s.StartsWith('※')) return new(LineKind.Note, "注記", TextRepair.CleanLine(s), raw);
        return new(LineKind.Text, "", TextRepair.CleanLine(s), raw);
    }

    [GeneratedRegex(@"^-\s+")]
    private static partial Regex BulletPrefix();

    [GeneratedRegex(@"^第\s*([0-9０-９]+)\s*章\s*(.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^([0-9]{1,2})\.([0-9]{1,2})\.?\s+(\S.*)$")]
    private static partial Regex Subsection();

    [GeneratedRegex(@"^([0-9]{1,2})\.\s*([^\d\s(（].*)$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^[(（]\s*([0-9]{1,2})\s*[)）]\s*(.*)$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^([①-⑳])\s*(.*)$")]
    private static partial Regex CircledMarker();

    [GeneratedRegex(@"^[(（]\s*([ア-ン])\s*[)）]\s*(.*)$")]
    private static partial Regex Katakana();

    [GeneratedRegex(@"^別表\s*([0-9０-９]+)\s*(.*)$")]
    private static partial Regex Appendix();
}
