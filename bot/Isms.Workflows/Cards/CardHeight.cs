using System.Text.Json.Nodes;

namespace Isms.Workflows.Cards;

/// <summary>
/// How tall a card renders, estimated from its JSON with the metrics of the Teams web renderer (as the Agents
/// Playground draws it: 14 px text on 18.6 px lines, 56 px for a labelled input, 12 px between elements). Used to
/// decide which steps of a form fit on one card; the end-to-end tests measure the real height.
/// </summary>
public static class CardHeight
{
    /// <summary>The card width in a laptop's chat pane (1366×625: the pane shows about 490 px of messages).</summary>
    public const int LaptopWidth = 446;

    /// <summary>The tallest card that fits the laptop's chat pane with its message header and bubble.</summary>
    public const int LaptopBudget = 460;

    /// <summary>The card width on a 390 px-wide phone.</summary>
    public const int PhoneWidth = 358;

    /// <summary>The tallest card that fits a phone's chat (844 px high, less the Teams header and the message box).</summary>
    public const int PhoneBudget = 600;

    private const double Padding = 32;
    private const double DefaultSpacing = 12;
    private const double SmallSpacing = 8;
    private const double ActionRow = 32;
    private const double InputBox = 36;
    private const double MultilineBox = 94;
    private const double LabelLine = 20;
    private const double OptionLine = 32;
    private const double OptionWrap = 20;
    private const double OptionIndent = 28;

    /// <summary>Whether <paramref name="card"/> fits one screen on the laptop and on the phone.</summary>
    public static bool FitsOneScreen(JsonObject card) =>
        Estimate(card, LaptopWidth) <= LaptopBudget && Estimate(card, PhoneWidth) <= PhoneBudget;

    /// <summary>The estimated height in pixels of <paramref name="card"/> rendered <paramref name="width"/> pixels wide.</summary>
    public static double Estimate(JsonObject card, int width)
    {
        var content = width - Padding;
        var height = Padding + Stack(card["body"] as JsonArray, content);
        if (card["actions"] is JsonArray { Count: > 0 } actions)
        {
            // Buttons wrap to a second row when their titles do not fit side by side.
            var buttons = actions.Sum(a => 32 + (Ems((string?)a?["title"]) * 14.2)) + (actions.Count - 1) * 8;
            height += DefaultSpacing + ActionRow * Math.Ceiling(buttons / content);
        }

        return height;
    }

    private static double Stack(JsonArray? elements, double width)
    {
        if (elements is null)
        {
            return 0;
        }

        double height = 0;
        var first = true;
        // A hidden element (behind a toggle) takes no room until it is shown.
        foreach (var element in elements.OfType<JsonObject>().Where(e => (bool?)e["isVisible"] != false))
        {
            if (!first)
            {
                height += (string?)element["spacing"] switch
                {
                    "None" => 0,
                    "Small" => SmallSpacing,
                    _ => DefaultSpacing,
                };
            }

            height += Element(element, width);
            first = false;
        }

        return height;
    }

    private static double Element(JsonObject element, double width) => (string?)element["type"] switch
    {
        "TextBlock" => Text((string?)element["text"], (string?)element["size"], width),
        "Input.Text" => Label(element, width) + ((bool?)element["isMultiline"] == true ? MultilineBox : InputBox),
        "Input.Date" or "Input.Time" or "Input.Number" => Label(element, width) + InputBox,
        "Input.ChoiceSet" when (string?)element["style"] == "expanded" =>
            Label(element, width) + (element["choices"] as JsonArray ?? []).Sum(c => Option((string?)c?["title"], width)),
        "Input.ChoiceSet" => Label(element, width) + InputBox,
        "Input.Toggle" => Label(element, width) + Option((string?)element["title"], width),
        "Container" => Stack(element["items"] as JsonArray, width),
        "ColumnSet" => Columns(element["columns"] as JsonArray ?? [], width),
        "ActionSet" => ActionRow,
        "FactSet" => (element["facts"] as JsonArray ?? []).Sum(f => Fact(f as JsonObject, width)),
        _ => 0,
    };

    private static double Columns(JsonArray columns, double width)
    {
        var count = Math.Max(1, columns.Count);
        var columnWidth = (width - (count - 1) * 8) / count;
        return columns.OfType<JsonObject>().Select(c => Stack(c["items"] as JsonArray, columnWidth)).DefaultIfEmpty(0).Max();
    }

    private static double Label(JsonObject input, double width) =>
        input["label"] is null ? 0 : LabelLine * Lines(Ems((string?)input["label"] + (input["isRequired"] is null ? "" : " *")), 14.2, width);

    private static double Option(string? title, double width) =>
        OptionLine + OptionWrap * (Lines(Ems(title), 14.2, width - OptionIndent) - 1);

    private static double Fact(JsonObject? fact, double width)
    {
        // Titles take about two fifths of the width.
        var title = Lines(Ems((string?)fact?["title"]), 14.2, width * 0.4);
        var value = Lines(Ems((string?)fact?["value"]), 14.2, width * 0.6 - 10);
        return 18.6 * Math.Max(title, value) + 8;
    }

    private static double Text(string? text, string? size, double width)
    {
        var (fontSize, lineHeight) = size switch
        {
            "Small" => (12.2, 16.0),
            "Medium" => (15.5, 19.0),
            "Large" => (18.0, 23.0),
            _ => (14.2, 18.6),
        };
        return (text ?? "").Split('\n').Sum(line => lineHeight * Lines(Ems(line), fontSize, width));
    }

    private static int Lines(double ems, double fontSize, double width) =>
        Math.Max(1, (int)Math.Ceiling(ems * fontSize / Math.Max(1, width)));

    /// <summary>Width in ems: full-width (Japanese) characters are one em, ASCII about 0.6.</summary>
    private static double Ems(string? text) => (text ?? "").Sum(c => c < 0x2E80 ? 0.6 : 1.0);
}
