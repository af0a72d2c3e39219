using System.Text.Json;
using System.Text.Json.Serialization;

namespace Isms.Knowledge.Ranking;

/// <summary>
/// Scores a candidate clause as a weighted sum of its <see cref="RankingFeatures"/>. The weights are learned from
/// data (<see cref="RankerTraining"/>: the clause questions in held-back folds and the tuning questions), shipped in
/// knowledge/data/ranker.json, one set for an index with content words and one for bigrams alone (with the
/// <see cref="ScopeClassifier"/> for each).
/// </summary>
public sealed class LinearRanker
{
    public LinearRanker(IReadOnlyList<double> weights)
    {
        if (weights.Count != RankingFeatures.Names.Count)
            throw new ArgumentException($"The ranker has {weights.Count} weights for {RankingFeatures.Names.Count} features.", nameof(weights));
        Weights = weights;
    }

    public IReadOnlyList<double> Weights { get; }

    public double Score(double[] features)
    {
        var s = 0.0;
        for (var i = 0; i < features.Length; i++) s += Weights[i] * features[i];
        return s;
    }

    /// <summary>Softmax over the candidates: positive, comparable scores that sum to one for the question.</summary>
    public Dictionary<int, double> Probabilities(IReadOnlyList<Candidate> candidates)
    {
        var result = new Dictionary<int, double>(candidates.Count);
        if (candidates.Count == 0) return result;
        var scores = candidates.Select(c => Score(c.Features)).ToArray();
        var max = scores.Max();
        var sum = scores.Sum(s => Math.Exp(s - max));
        for (var i = 0; i < candidates.Count; i++) result[candidates[i].ClauseOrdinal] = Math.Exp(scores[i] - max) / sum;
        return result;
    }

    /// <summary>The shipped weights for an index with (<paramref name="withWords"/>) or without content words.</summary>
    public static LinearRanker LoadEmbedded(bool withWords) =>
        Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.RankerResource), withWords);

    public static LinearRanker Parse(string json, bool withWords)
    {
        var file = JsonSerializer.Deserialize<RankerFile>(json) ?? throw new FormatException("Empty ranker file.");
        var set = (withWords ? file.WithWords : file.BigramsOnly) ?? throw new FormatException($"The ranker file has no {(withWords ? "withWords" : "bigramsOnly")} weights.");
        return new LinearRanker(RankingFeatures.Names.Select(n => set.TryGetValue(n, out var w) ? w : throw new FormatException($"The ranker file lacks the feature {n}.")).ToList());
    }

    public static string Serialize(LinearRanker withWords, LinearRanker bigramsOnly, ScopeClassifier scopeWithWords, ScopeClassifier scopeBigramsOnly, string trainedOn) =>
        JsonSerializer.Serialize(new RankerFile(trainedOn, Named(withWords), Named(bigramsOnly), scopeWithWords.ToJson(), scopeBigramsOnly.ToJson()),
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static Dictionary<string, double> Named(LinearRanker r) =>
        RankingFeatures.Names.Zip(r.Weights).ToDictionary(p => p.First, p => Math.Round(p.Second, 4));

    private sealed record RankerFile(
        [property: JsonPropertyName("trainedOn")] string TrainedOn,
        [property: JsonPropertyName("withWords")] Dictionary<string, double>? WithWords,
        [property: JsonPropertyName("bigramsOnly")] Dictionary<string, double>? BigramsOnly,
        [property: JsonPropertyName("scope")] object? Scope = null,
        [property: JsonPropertyName("scopeBigramsOnly")] object? ScopeBigramsOnly = null);
}
