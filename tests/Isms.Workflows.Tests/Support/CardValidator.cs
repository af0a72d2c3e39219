using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Isms.Workflows.Tests.Support;

/// <summary>
/// Checks Adaptive Cards: our own structural checks (version at most 1.5, only 1.5 element and action types), then
/// the shared <c>tests/tools/validate-card.mjs</c> (the official <c>adaptivecards</c> parser, target 1.5) on all
/// cards at once through stdin.
/// </summary>
public static class CardValidator
{
    private static readonly HashSet<string> ElementTypes =
    [
        "TextBlock", "Image", "Media", "RichTextBlock", "Container", "ColumnSet", "Column", "FactSet", "ImageSet",
        "ActionSet", "Table", "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet",
    ];

    private static readonly HashSet<string> ActionTypes = ["Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"];

    public static string ScriptPath => Path.Combine(RepoPaths.RepoRoot, "tests", "tools", "validate-card.mjs");

    /// <summary>Problems found, one line each, prefixed with the card's name. Empty when every card is valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<(string Name, JsonObject Card)> cards)
    {
        var problems = new List<string>();
        foreach (var (name, card) in cards)
        {
            problems.AddRange(StructuralProblems(card).Select(p => $"{name}: {p}"));
        }

        problems.AddRange(ParserProblems(cards));
        return problems;
    }

    public static IEnumerable<string> StructuralProblems(JsonObject card)
    {
        if ((string?)card["type"] != "AdaptiveCard")
        {
            yield return "type is not AdaptiveCard";
        }

        if (!Version.TryParse((string?)card["version"], out var version) || version > new Version(1, 5))
        {
            yield return $"version {(string?)card["version"]} is not 1.5 or lower";
        }

        foreach (var node in Descendants(card))
        {
            if (node["type"] is JsonValue typeValue && typeValue.GetValue<string>() is var type && type != "AdaptiveCard"
                && !ElementTypes.Contains(type) && !ActionTypes.Contains(type))
            {
                yield return $"type {type} is not in Adaptive Cards 1.5";
            }
        }
    }

    private static IEnumerable<string> ParserProblems(IReadOnlyList<(string Name, JsonObject Card)> cards)
    {
        if (!File.Exists(ScriptPath))
        {
            yield break;
        }

        var input = new JsonArray([.. cards.Select(c => (JsonNode)c.Card.DeepClone())]).ToJsonString();
        var utf8 = new UTF8Encoding(false);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ScriptPath);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            yield return "validate-card.mjs timed out";
            yield break;
        }

        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != cards.Count)
        {
            yield return $"validate-card.mjs returned {lines.Length} results for {cards.Count} cards (exit {process.ExitCode}): {stderr.Result}";
            yield break;
        }

        foreach (var line in lines)
        {
            using var result = JsonDocument.Parse(line);
            var index = result.RootElement.GetProperty("index").GetInt32();
            foreach (var error in result.RootElement.GetProperty("errors").EnumerateArray())
            {
                yield return $"{cards[index].Name}: {error.GetString()}";
            }
        }
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (name, child) in obj)
                {
                    // Action.Submit data is free-form: it is not part of the card's element tree.
                    if (child is not null && name != "data")
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }
}
