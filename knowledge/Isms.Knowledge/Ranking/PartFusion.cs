using System.Globalization;
using System.Text.Json;

namespace Isms.Knowledge.Ranking;

/// <summary>What one candidate clause of a multi-part question looks like from the whole question and from each part.</summary>
public sealed record FusionCandidate(int Clause, double[] Features);

/// <summary>
/// Orders the candidates of a multi-part question (「…持ち出していい？あと暗号化は？」) by a logistic model learned from
/// the tuning multi-part questions, in place of a hand-weighted rank fusion: whether a clause answers some part depends on
/// how far it stands above the rest for that part and for the whole, which ranks alone do not tell.
/// </summary>
public sealed class PartFusion(IReadOnlyList<double> weights)
{
    public static readonly IReadOnlyList<string> Names =
    [
        "bias", "whole_norm", "whole_rr", "fused_norm", "fused_rr", "part_max_norm", "part_second_norm", "part_best_rr",
        "part_top1_share", "part_mean_norm", "lead_in_of_shown", "item_of_shown", "sibling_of_best", "parts_inverse",
    ];

    public IReadOnlyList<double> Weights => weights;

    public double Score(double[] features)
    {
        var z = 0.0;
        for (var k = 0; k < features.Length; k++) z += weights[k] * features[k];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// The features of every candidate: the clauses high in the fused ranking or near the top of any part.
    /// <paramref name="leadInOf"/> maps an item to the lead-in it belongs to.
    /// </summary>
    public static List<FusionCandidate> Candidates(Dictionary<int, double> whole, IReadOnlyList<Dictionary<int, double>> parts,
        IReadOnlyList<bool> owned, Dictionary<int, double> fused, IReadOnlyDictionary<int, int> leadInOf)
    {
        var fusedOrder = Order(fused);
        var wholeRank = RankOf(whole);
        var fusedRank = fusedOrder.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var partRanks = parts.Select(RankOf).ToList();
        var partNorms = parts.Select(Normalized).ToList();
        var wholeNorm = Normalized(whole);
        double fusedMax = fused.Values.DefaultIfEmpty(1).Max();
        var best = whole.Count > 0 ? whole.MaxBy(kv => kv.Value).Key : fusedOrder.FirstOrDefault(-1);
        var shown = fusedOrder.Take(Shown).ToHashSet();
        var leadInsOfShown = shown.Where(leadInOf.ContainsKey).Select(item => leadInOf[item]).ToHashSet();
        var pool = fusedOrder.Take(Pool).ToHashSet();
        var ownedParts = Enumerable.Range(0, parts.Count).Where(p => owned[p]).ToList();
        foreach (var p in ownedParts) pool.UnionWith(Order(parts[p]).Take(PartPool));
        double ownedCount = Math.Max(1, ownedParts.Count);
        var result = new List<FusionCandidate>();
        foreach (var d in pool.OrderBy(d => fusedRank.GetValueOrDefault(d, int.MaxValue)))
        {
            var norms = ownedParts.Select(p => partNorms[p].GetValueOrDefault(d)).OrderDescending().ToList();
            var bestPartRank = ownedParts.Select(p => partRanks[p].GetValueOrDefault(d, int.MaxValue)).DefaultIfEmpty(int.MaxValue).Min();
            result.Add(new FusionCandidate(d,
            [
                1,
                wholeNorm.GetValueOrDefault(d),
                Reciprocal(wholeRank.GetValueOrDefault(d, int.MaxValue)),
                fused.GetValueOrDefault(d) / fusedMax,
                Reciprocal(fusedRank.GetValueOrDefault(d, int.MaxValue)),
                norms.DefaultIfEmpty(0).First(),
                norms.Skip(1).DefaultIfEmpty(0).First(),
                Reciprocal(bestPartRank),
                ownedParts.Count(p => partRanks[p].GetValueOrDefault(d, -1) == 0) / ownedCount,
                partNorms.Count == 0 ? 0 : partNorms.Average(n => n.GetValueOrDefault(d)),
                leadInsOfShown.Contains(d) ? 1 : 0,
                leadInOf.TryGetValue(d, out var lead) && shown.Contains(lead) ? 1 : 0,
                best >= 0 && d != best && leadInOf.TryGetValue(d, out var l1) && leadInOf.TryGetValue(best, out var l2) && l1 == l2 ? 1 : 0,
                1 / ownedCount,
            ]));
        }
        return result;
    }

    // How many of the fused ranking's first clauses are candidates, and how many of each part's.
    private const int Pool = 15, PartPool = 5, Shown = 5;

    private static double Reciprocal(int rank) => rank == int.MaxValue ? 0 : 1.0 / (1 + rank);

    private static List<int> Order(Dictionary<int, double> scores) => scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToList();

    private static Dictionary<int, int> RankOf(Dictionary<int, double> scores) => Order(scores).Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);

    private static Dictionary<int, double> Normalized(Dictionary<int, double> scores)
    {
        var max = scores.Values.DefaultIfEmpty(0).Max();
        return max <= 0 ? scores : scores.ToDictionary(kv => kv.Key, kv => kv.Value / max);
    }

    /// <summary>Fits the weights by L2-regularised logistic regression (full-batch Adam) on labelled candidates.</summary>
    public static PartFusion Train(IReadOnlyList<(double[] Features, bool IsGold)> examples, double l2 = 0.001, int epochs = 800)
    {
        var w = new double[Names.Count];
        var adam = new AdamOptimizer(w.Length, 0.05);
        var model = new PartFusion(w);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = new double[w.Length];
            foreach (var (x, y) in examples)
            {
                var error = model.Score(x) - (y ? 1 : 0);
                for (var k = 0; k < w.Length; k++) gradient[k] += error * x[k] / examples.Count;
            }
            for (var k = 1; k < w.Length; k++) gradient[k] += l2 * w[k];
            adam.Step(w, gradient);
        }
        return model;
    }

    public string Serialize(string trainedOn) => JsonSerializer.Serialize(new FusionFile(trainedOn,
        Names.Zip(weights).ToDictionary(p => p.First, p => Math.Round(p.Second, 5))), new JsonSerializerOptions { WriteIndented = true });

    public static PartFusion Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FusionFile>(json) ?? throw new FormatException("Empty part-fusion file.");
        return new PartFusion(Names.Select(n => file.Weights.TryGetValue(n, out var w) ? w
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The part-fusion file lacks the feature {n}."))).ToList());
    }

    public static PartFusion LoadEmbedded() => Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.PartFusionResource));

    private sealed record FusionFile(string TrainedOn, Dictionary<string, double> Weights);
}
