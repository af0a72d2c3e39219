using System.Text.RegularExpressions;

namespace Isms.Workflows.Cards;

/// <summary>
/// Adaptive Cards read a little Markdown in TextBlocks and facts (bold, italic, links, lists): text that people typed
/// must show as typed, never as formatting or as a link that says one thing and goes elsewhere. This is the one place
/// it is escaped (a backslash before each marker, as CommonMark and the Adaptive Cards renderers read it); the card
/// builders call it (<see cref="CardElements.FactSet"/> for every value, <see cref="CardElements.UserText"/>).
/// </summary>
public static partial class Markdown
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var inline = InlineMarker().Replace(text, @"\$0");
        var lists = LineStartMarker().Replace(inline, @"$1\$2");
        return NumberedItem().Replace(lists, @"$1\$2");
    }

    /// <summary>Emphasis (* _ ~), links ([ ]), code (`) and the escape character itself, anywhere.</summary>
    [GeneratedRegex(@"[\\*_~\[\]`]")]
    private static partial Regex InlineMarker();

    /// <summary>A list item, quote or heading at the start of a line: - + &gt; #.</summary>
    [GeneratedRegex(@"(?m)^([ \t]*)([-+>#])")]
    private static partial Regex LineStartMarker();

    /// <summary>A numbered item at the start of a line: 1. or 1).</summary>
    [GeneratedRegex(@"(?m)^([ \t]*\d{1,9})([.)])(?=[ \t]|$)")]
    private static partial Regex NumberedItem();
}
