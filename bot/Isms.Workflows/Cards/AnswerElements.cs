using System.Globalization;
using System.Text.Json.Nodes;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Cards;

/// <summary>
/// A record's answers on a card, every one of them and in the form's order: short ones as facts, long ones (several
/// lines, or longer than <see cref="FoldAbove"/>) as a short preview whose full text one toggle shows. Nothing the
/// person who decides needs is cut off.
/// </summary>
public static class AnswerElements
{
    public const int FoldAbove = 60;
    public const int PreviewLength = 40;
    public const string ToggleTitle = "全文を表示／折りたたむ";

    public static IEnumerable<JsonObject> Create(IReadOnlyList<(string Label, string Value)> answers, string heading)
    {
        if (answers.Count == 0) yield break;
        yield return TextBlock(heading, TextTone.Subheading);
        var shortRun = new List<(string, string)>();
        var folded = new List<string>();
        foreach (var (label, value) in answers)
        {
            if (!IsLong(value))
            {
                shortRun.Add((label, value));
                continue;
            }

            if (shortRun.Count > 0) yield return FactSet(shortRun);
            shortRun = [];
            var id = $"answer{folded.Count / 2 + 1}";
            folded.AddRange([$"{id}-preview", $"{id}-full"]);
            var preview = TextBlock(Preview(value));
            preview["id"] = $"{id}-preview";
            preview["spacing"] = "None";
            var full = TextBlock(value);
            full["id"] = $"{id}-full";
            full["spacing"] = "None";
            full["isVisible"] = false;
            yield return Container([Label(label), preview, full]);
        }

        if (shortRun.Count > 0) yield return FactSet(shortRun);
        if (folded.Count > 0)
        {
            yield return ActionSet([new JsonObject
            {
                ["type"] = "Action.ToggleVisibility",
                ["title"] = ToggleTitle,
                ["targetElements"] = new JsonArray([.. folded.Select(id => (JsonNode)id)]),
            }]);
        }
    }

    public static bool IsLong(string value) => value.Length > FoldAbove || value.Contains('\n', StringComparison.Ordinal);

    /// <summary>The first <paramref name="length"/> characters (whole characters, never half a surrogate pair) and …, on one line.</summary>
    public static string Preview(string value, int length = PreviewLength)
    {
        var line = value.ReplaceLineEndings(" ");
        var info = new StringInfo(line);
        return info.LengthInTextElements <= length ? line : info.SubstringByTextElements(0, length) + "…";
    }

    private static JsonObject Label(string label)
    {
        var block = TextBlock(label);
        block["weight"] = "Bolder";
        return block;
    }
}
