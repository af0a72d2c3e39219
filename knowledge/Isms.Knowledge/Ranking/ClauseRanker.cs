using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace Isms.Knowledge.Ranking;

/// <summary>
/// Scores a candidate clause from its <see cref="RankingFeatures"/>: a weighted sum plus boosted trees that correct it
/// (<see cref="TreeEnsemble"/>). Both are learned from data (<see cref="RankerTraining"/>, <see cref="TreeBoosting"/>:
/// the clause questions in held-back folds and the tuning questions), shipped in knowledge/data/ranker.json, one model
/// for an index with content words and one for bigrams alone (with the <see cref="ScopeClassifier"/> for each).
/// </summary>
public sealed partial class ClauseRanker
{
    public ClauseRanker(IReadOnlyList<double> weights, TreeEnsemble? trees = null)
    {
        if (weights.Count != RankingFeatures.Names.Count)
            throw new ArgumentException($"The ranker has {weights.Count} weights for {RankingFeatures.Names.Count} features.", nameof(weights));
        Weights = weights;
        Trees = trees ?? TreeEnsemble.Empty;
    }

    public IReadOnlyList<double> Weights { get; }

    public TreeEnsemble Trees { get; }

    /// <summary>The weighted sum alone, without the trees (what the trees are trained to correct).</summary>
    public double LinearScore(double[] features)
    {
        var s = 0.0;
        for (var i = 0; i < features.Length; i++) s += Weights[i] * features[i];
        return s;
    }

    public double Score(double[] features) => LinearScore(features) + Trees.Score(features);

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
    public static ClauseRanker LoadEmbedded(bool withWords) =>
        Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.RankerResource), withWords);

    public static ClauseRanker Parse(string json, bool withWords)
    {
        var file = JsonSerializer.Deserialize<RankerFile>(json) ?? throw new FormatException("Empty ranker file.");
        var set = (withWords ? file.WithWords : file.BigramsOnly) ?? throw new FormatException($"The ranker file has no {(withWords ? "withWords" : "bigramsOnly")} weights.");
        var trees = withWords ? file.Trees : file.TreesBigramsOnly;
        return new ClauseRanker(RankingFeatures.Names.Select(n => set.TryGetValue(n, out var w) ? w : throw new FormatException($"The ranker file lacks the feature {n}.")).ToList(),
            trees is null ? null : new TreeEnsemble(trees.Select(t => (IReadOnlyList<TreeNode>)t.Select(n => n.ToNode()).ToList()).ToList()));
    }

    public static string Serialize(ClauseRanker withWords, ClauseRanker bigramsOnly, ScopeClassifier scopeWithWords, ScopeClassifier scopeBigramsOnly, string trainedOn)
    {
        var json = JsonSerializer.Serialize(new RankerFile(trainedOn, Named(withWords), Named(bigramsOnly), scopeWithWords.ToJson(), scopeBigramsOnly.ToJson(),
                Stored(withWords.Trees), Stored(bigramsOnly.Trees)),
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        // One line per tree keeps the file readable and its diffs small.
        return StoredTreeLines().Replace(json, m => WhiteSpace().Replace(m.Value, ""));
    }

    // Thresholds are kept exact: they are feature values seen in training (1/3, 1/7 …), and a rounded one would send
    // those values down the other side.
    private static List<List<StoredNode>> Stored(TreeEnsemble trees) =>
        trees.Trees.Select(t => t.Select(n => new StoredNode(n.Feature < 0 ? null : RankingFeatures.Names[n.Feature], n.Threshold, n.Left, n.Right, Math.Round(n.Value, 6))).ToList()).ToList();

    private static Dictionary<string, double> Named(ClauseRanker r) =>
        RankingFeatures.Names.Zip(r.Weights).ToDictionary(p => p.First, p => Math.Round(p.Second, 4));

    private sealed record RankerFile(
        [property: JsonPropertyName("trainedOn")] string TrainedOn,
        [property: JsonPropertyName("withWords")] Dictionary<string, double>? WithWords,
        [property: JsonPropertyName("bigramsOnly")] Dictionary<string, double>? BigramsOnly,
        [property: JsonPropertyName("scope")] object? Scope = null,
        [property: JsonPropertyName("scopeBigramsOnly")] object? ScopeBigramsOnly = null,
        [property: JsonPropertyName("trees")] List<List<StoredNode>>? Trees = null,
        [property: JsonPropertyName("treesBigramsOnly")] List<List<StoredNode>>? TreesBigramsOnly = null);

    /// <summary>A tree node as stored: the feature by name, so a file stays readable and a renamed feature is caught.</summary>
    private sealed record StoredNode(
        [property: JsonPropertyName("f")] string? Feature,
        [property: JsonPropertyName("t")] double Threshold,
        [property: JsonPropertyName("l")] int Left,
        [property: JsonPropertyName("r")] int Right,
        [property: JsonPropertyName("v")] double Value)
    {
        public TreeNode ToNode() => Feature is null ? TreeNode.Leaf(Value)
            : new TreeNode(FeatureIndex.Value.TryGetValue(Feature, out var i) ? i : throw new FormatException($"A ranking tree splits on the unknown feature {Feature}."), Threshold, Left, Right, 0);
    }

    private static readonly Lazy<Dictionary<string, int>> FeatureIndex = new(() => RankingFeatures.Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal));

    // An indented tree: the inner array of a "trees" entry, from its opening bracket to the closing one.
    [GeneratedRegex(@"\[\s*\{[^\[\]]*\}\s*\]")]
    private static partial Regex StoredTreeLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
