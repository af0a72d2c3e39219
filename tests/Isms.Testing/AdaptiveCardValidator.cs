using System.Text.Json;
using System.Text.Json.Nodes;

namespace Isms.Testing;

/// <summary>One card's verdict from tests/tools/validate-card.mjs.</summary>
public sealed record CardValidationResult(int Index, bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// Checks Adaptive Cards the way Teams needs them, with <c>tests/tools/validate-card.mjs</c>: the official
/// <c>adaptivecards</c> parser at schema 1.5, plus version ≤ 1.5, only 1.5 element/action types, required properties,
/// and a verb on every Action.Execute. Several cards go to one Node process.
/// </summary>
public static class AdaptiveCardValidator
{
    public static string ScriptPath => Path.Combine(RepoPaths.ToolsDirectory, "validate-card.mjs");

    /// <summary>Errors for one card given as JSON text; empty when the card is valid.</summary>
    public static IReadOnlyList<string> Validate(string cardJson)
    {
        JsonNode? card;
        try
        {
            card = JsonNode.Parse(cardJson);
        }
        catch (JsonException e)
        {
            return [$"not readable JSON: {e.Message}"];
        }
        return card is null ? ["the card is JSON null"] : Validate(card);
    }

    /// <summary>Errors for one card; empty when the card is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonNode card) => ValidateMany([card])[0].Errors;

    /// <summary>Validates several cards with one Node process; results are in input order.</summary>
    public static IReadOnlyList<CardValidationResult> ValidateMany(IEnumerable<JsonNode> cards)
    {
        var array = new JsonArray(cards.Select(c => c.DeepClone()).ToArray());
        var run = NodeTools.RunScript("validate-card.mjs", [], stdin: array.ToJsonString());
        if (run.ExitCode is not (0 or 1))
        {
            Assert.Fail($"validate-card.mjs failed to run:\n{run}");
        }
        var results = run.StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<CardValidationResult>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Unexpected validator output: {line}"))
            .ToList();
        if (results.Count != array.Count)
        {
            Assert.Fail($"validate-card.mjs returned {results.Count} results for {array.Count} cards:\n{run}");
        }
        return results;
    }

    /// <summary>Problems of named cards, one line each as "name: error"; empty when every card is valid.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<(string Name, JsonObject Card)> cards) =>
        ValidateMany(cards.Select(c => (JsonNode)c.Card))
            .SelectMany(r => r.Errors.Select(e => $"{cards[r.Index].Name}: {e}"))
            .ToList();

    /// <summary>Fails the test, listing every error, unless the card is valid.</summary>
    public static void AssertValid(string cardJson) => AssertNoErrors(Validate(cardJson), cardJson);

    /// <inheritdoc cref="AssertValid(string)"/>
    public static void AssertValid(JsonNode card) => AssertNoErrors(Validate(card), card.ToJsonString());

    private static void AssertNoErrors(IReadOnlyList<string> errors, string cardJson)
    {
        if (errors.Count > 0)
        {
            var preview = cardJson.Length > 2000 ? cardJson[..2000] + "…" : cardJson;
            Assert.Fail($"Adaptive Card is not valid for Teams (1.5):\n  - {string.Join("\n  - ", errors)}\nCard: {preview}");
        }
    }
}
