using System.Text.Json.Nodes;

namespace Isms.Workflows.Cards;

/// <summary>
/// A small typed builder for Adaptive Cards (schema 1.5, the highest Teams renders). User text only ever goes into
/// JSON string values, never into concatenated JSON.
/// </summary>
public sealed class AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    private readonly List<JsonObject> _body = [];
    private readonly List<JsonObject> _actions = [];

    public AdaptiveCard Add(JsonObject element)
    {
        _body.Add(element);
        return this;
    }

    public AdaptiveCard AddRange(IEnumerable<JsonObject> elements)
    {
        _body.AddRange(elements);
        return this;
    }

    public AdaptiveCard AddAction(JsonObject action)
    {
        _actions.Add(action);
        return this;
    }

    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = new JsonArray([.. _body]),
        };
        if (_actions.Count > 0)
        {
            card["actions"] = new JsonArray([.. _actions]);
        }

        return card;
    }
}

public enum TextTone
{
    Default,
    Heading,
    Subheading,
    Help,
    Error,
    Note,
}

/// <summary>Card elements and actions, as the JSON objects of the schema.</summary>
public static class CardElements
{
    public static JsonObject TextBlock(string text, TextTone tone = TextTone.Default)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        switch (tone)
        {
            case TextTone.Heading:
                block["size"] = "Medium";
                block["weight"] = "Bolder";
                break;
            case TextTone.Subheading:
                block["weight"] = "Bolder";
                block["spacing"] = "Small";
                break;
            case TextTone.Help:
                block["size"] = "Small";
                block["isSubtle"] = true;
                block["spacing"] = "None";
                break;
            case TextTone.Error:
                block["size"] = "Small";
                block["color"] = "Attention";
                block["spacing"] = "None";
                break;
            case TextTone.Note:
                block["color"] = "Accent";
                break;
        }

        return block;
    }

    /// <summary>Facts are data (answers, names, comments): every value is shown as written (<see cref="Markdown.Escape"/>).</summary>
    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = Markdown.Escape(f.Value) })]),
    };

    /// <summary>A TextBlock of text someone typed (a comment, a service name): shown as written, never as Markdown.</summary>
    public static JsonObject UserText(string text, TextTone tone = TextTone.Default) => TextBlock(Markdown.Escape(text), tone);

    public static JsonObject Container(IEnumerable<JsonObject> items, bool separator = false) => new()
    {
        ["type"] = "Container",
        ["separator"] = separator,
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray([.. actions]),
    };

    public static JsonObject TextInput(string id, string label, string? value, int maxLength, bool multiline, bool required, string? placeholder)
    {
        var input = Input("Input.Text", id, label, required, "入力してください。");
        input["maxLength"] = maxLength;
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        SetIfPresent(input, "placeholder", placeholder);
        SetIfPresent(input, "value", value);
        return input;
    }

    /// <param name="compact">A drop-down (for long lists and long titles) instead of radio buttons.</param>
    public static JsonObject ChoiceInput(string id, string label, IEnumerable<(string Value, string Title)> choices, string? value, bool required, bool compact = false)
    {
        var input = Input("Input.ChoiceSet", id, label, required, "選択してください。");
        input["style"] = compact ? "compact" : "expanded";
        if (compact)
        {
            input["placeholder"] = "選んでください";
        }

        input["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]);
        SetIfPresent(input, "value", value);
        return input;
    }

    public static JsonObject DateInput(string id, string label, string? value, bool required, string? min, string? max)
    {
        var input = Input("Input.Date", id, label, required, "日付を選んでください。");
        // Without a placeholder the client shows its own English one ("Select a date...").
        input["placeholder"] = "日付を選んでください";
        SetIfPresent(input, "min", min);
        SetIfPresent(input, "max", max);
        SetIfPresent(input, "value", value);
        return input;
    }

    public static JsonObject TimeInput(string id, string label, string? value, bool required)
    {
        var input = Input("Input.Time", id, label, required, "時刻を選んでください。");
        input["placeholder"] = "時刻を選んでください";
        SetIfPresent(input, "value", value);
        return input;
    }

    /// <param name="label">Null when the title says it all (the title then names the input for screen readers).</param>
    public static JsonObject ToggleInput(string id, string? label, string title, bool isOn, bool required)
    {
        var input = Input("Input.Toggle", id, label, required, "内容を確認して、チェックを入れてください。");
        input["title"] = title;
        input["valueOn"] = "true";
        input["valueOff"] = "false";
        input["value"] = isOn ? "true" : "false";
        input["wrap"] = true;
        return input;
    }

    /// <summary>An Action.Submit. <paramref name="sendInputs"/> false: the card's inputs are neither sent nor validated (戻る, キャンセル).</summary>
    public static JsonObject SubmitAction(string title, JsonObject data, string? style = null, bool sendInputs = true)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        SetIfPresent(action, "style", style);
        if (!sendInputs)
        {
            action["associatedInputs"] = "none";
        }

        return action;
    }

    /// <summary>An Action.ShowCard: the card opens below the button (a small form that belongs to one row).</summary>
    public static JsonObject ShowCardAction(string title, AdaptiveCard card) =>
        new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card.ToJson() };

    private static JsonObject Input(string type, string id, string? label, bool required, string errorMessage)
    {
        var input = new JsonObject { ["type"] = type, ["id"] = id };
        SetIfPresent(input, "label", label);
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = errorMessage;
        }

        return input;
    }

    private static void SetIfPresent(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }
}
