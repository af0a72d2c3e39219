using System.Text.RegularExpressions;

namespace Isms.Bot.Cards;

/// <summary>Policy text shown as written: TextBlocks read a little Markdown, and a line such as "1. 組織体制" or
/// "- 職員は…" would turn into a list.</summary>
public static partial class CardText
{
    public static string Plain(string text) =>
        MarkdownLineStart().Replace(text, m => "\u200B" + m.Value);

    [GeneratedRegex(@"(?m)^(?=\d+\.\s|[-*+]\s|#)")]
    private static partial Regex MarkdownLineStart();
}
