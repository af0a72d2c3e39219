using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Isms.Bot.Cards;

/// <summary>
/// Adaptive Card templates kept as embedded JSON resources (Cards/Templates/*.json). Placeholders are whole string
/// values of the form <c>{{name}}</c>; they are replaced as JSON values, never by concatenating text into JSON, so
/// user text cannot change a card's structure.
/// </summary>
public static class CardTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static JsonObject Fill(string templateName, IReadOnlyDictionary<string, string> values)
    {
        var text = Cache.GetOrAdd(templateName, LoadResource);
        var card = JsonNode.Parse(text)!.AsObject();
        Replace(card, values);
        return card;
    }

    private static void Replace(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && TryPlaceholder(value, values, out var replacement))
                    {
                        obj[key] = replacement;
                    }
                    else if (child is not null)
                    {
                        Replace(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && TryPlaceholder(value, values, out var replacement))
                    {
                        array[i] = replacement;
                    }
                    else if (array[i] is { } child)
                    {
                        Replace(child, values);
                    }
                }

                break;
        }
    }

    private static bool TryPlaceholder(JsonValue value, IReadOnlyDictionary<string, string> values, out string replacement)
    {
        replacement = "";
        if (!value.TryGetValue<string>(out var text) || !text.StartsWith("{{", StringComparison.Ordinal) || !text.EndsWith("}}", StringComparison.Ordinal))
        {
            return false;
        }

        var name = text[2..^2];
        if (!values.TryGetValue(name, out var found))
        {
            throw new KeyNotFoundException($"Card template placeholder '{name}' has no value.");
        }

        replacement = found;
        return true;
    }

    private static string LoadResource(string templateName)
    {
        var assembly = typeof(CardTemplates).Assembly;
        var resource = $"Isms.Bot.Cards.Templates.{templateName}.json";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Card template '{templateName}' is not embedded ({resource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
