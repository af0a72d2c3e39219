using System.Text.Json;
using System.Text.RegularExpressions;

namespace Isms.Knowledge.Tests;

internal static partial class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static PolicyDocument Document { get; } = PolicyParser.Parse(EmbeddedPolicy.ReadText());

    public static IReadOnlyList<Clause> ReferenceClauses() =>
        File.ReadLines(PathOf("clauses.reference.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<ReferenceClause>(l, JsonOptions)!)
            .Select(r => new Clause(r.Id, r.HeadingPath, r.Text))
            .ToList();

    /// <summary>Text as the reference compares it: no whitespace, no table punctuation.</summary>
    public static string Comparable(string text) => Noise().Replace(text, "");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record ReferenceClause(string Id, List<string> HeadingPath, string Text);

    [GeneratedRegex(@"[\s|【】]")]
    private static partial Regex Noise();
}
