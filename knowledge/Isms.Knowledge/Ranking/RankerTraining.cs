namespace Isms.Knowledge.Ranking;

/// <summary>One question with the clauses that answer it, described by its candidates' features.</summary>
public sealed record TrainingExample(IReadOnlyList<Candidate> Candidates, IReadOnlySet<int> Gold, double Weight = 1.0);

/// <summary>
/// Learns the ranker's weights: a conditional logit (softmax over each question's candidates) maximising the
/// probability of the answering clauses, with L2 regularisation, by full-batch Adam. Small and deterministic.
/// </summary>
public static class RankerTraining
{
    public static LinearRanker Train(IReadOnlyList<TrainingExample> examples, double l2 = 0.01, int iterations = 400, double learningRate = 0.05)
    {
        var n = RankingFeatures.Names.Count;
        var w = new double[n];
        var m = new double[n];
        var v = new double[n];
        var usable = examples.Where(e => e.Candidates.Any(c => e.Gold.Contains(c.ClauseOrdinal))).ToList();
        var totalWeight = usable.Sum(e => e.Weight);
        for (var step = 1; step <= iterations; step++)
        {
            var grad = new double[n];
            foreach (var e in usable)
            {
                var scores = e.Candidates.Select(c => Dot(w, c.Features)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
                var z = exp.Sum();
                var goldZ = e.Candidates.Select((c, i) => e.Gold.Contains(c.ClauseOrdinal) ? exp[i] : 0).Sum();
                // d(-log(goldZ/z))/dw = E_all[x] - E_gold[x]
                for (var i = 0; i < e.Candidates.Count; i++)
                {
                    var p = exp[i] / z - (e.Gold.Contains(e.Candidates[i].ClauseOrdinal) ? exp[i] / goldZ : 0);
                    if (p == 0) continue;
                    var x = e.Candidates[i].Features;
                    for (var k = 0; k < n; k++) grad[k] += e.Weight * p * x[k];
                }
            }
            for (var k = 0; k < n; k++)
            {
                var g = grad[k] / totalWeight + l2 * w[k];
                m[k] = 0.9 * m[k] + 0.1 * g;
                v[k] = 0.999 * v[k] + 0.001 * g * g;
                var mHat = m[k] / (1 - Math.Pow(0.9, step));
                var vHat = v[k] / (1 - Math.Pow(0.999, step));
                w[k] -= learningRate * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }
        return new LinearRanker(w);
    }

    /// <summary>Share of examples whose best-scored candidate answers them (for the training log).</summary>
    public static double HitAtOne(LinearRanker ranker, IReadOnlyList<TrainingExample> examples) =>
        examples.Count == 0 ? 0 : examples.Count(e => e.Candidates.Count > 0 && e.Gold.Contains(e.Candidates.MaxBy(c => ranker.Score(c.Features))!.ClauseOrdinal)) / (double)examples.Count;

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += w[i] * x[i];
        return s;
    }
}
