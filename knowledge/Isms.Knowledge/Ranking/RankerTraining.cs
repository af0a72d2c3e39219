namespace Isms.Knowledge.Ranking;

/// <summary>One question with the clauses that answer it, described by its candidates' features.</summary>
public sealed record TrainingExample(IReadOnlyList<Candidate> Candidates, IReadOnlySet<int> Gold, double Weight = 1.0);

/// <summary>
/// Learns the ranker's weights: a conditional logit (softmax over each question's candidates) maximising the
/// probability of the answering clauses, with L2 regularisation, by full-batch Adam. Small and deterministic.
/// </summary>
public static class RankerTraining
{
    public static ClauseRanker Train(IReadOnlyList<TrainingExample> examples, double l2 = 0.01, int iterations = 400, double learningRate = 0.05)
    {
        var n = RankingFeatures.Names.Count;
        var w = new double[n];
        var adam = new AdamOptimizer(n, learningRate);
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
            for (var k = 0; k < n; k++) grad[k] = grad[k] / totalWeight + l2 * w[k];
            adam.Step(w, grad);
        }
        return new ClauseRanker(w);
    }

    /// <summary>Share of examples whose best-scored candidate answers them (for the training log).</summary>
    public static double HitAtOne(ClauseRanker ranker, IReadOnlyList<TrainingExample> examples) => HitAtOne(ranker.Score, examples);

    /// <summary>The same for any scoring of the features (the linear part plus trees under trial).</summary>
    public static double HitAtOne(Func<double[], double> score, IReadOnlyList<TrainingExample> examples) =>
        examples.Count == 0 ? 0 : examples.Count(e => e.Candidates.Count > 0 && e.Gold.Contains(e.Candidates.MaxBy(c => score(c.Features))!.ClauseOrdinal)) / (double)examples.Count;

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += w[i] * x[i];
        return s;
    }
}

/// <summary>Learns the <see cref="ScopeClassifier"/>: L2-regularised logistic regression over its dense features and
/// the question's words, by full-batch Adam; the threshold keeps false declines of in-scope questions rare.</summary>
public static class ScopeTraining
{
    public static ScopeClassifier Train(IReadOnlyList<ScopeExample> examples, double maxFalseDecline = 0.04, double l2 = 0.002, int iterations = 300, double learningRate = 0.05)
    {
        var denseCount = ScopeClassifier.DenseNames.Count;
        var wordIds = examples.SelectMany(e => e.Input.Words).Distinct().Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var n = 1 + denseCount + wordIds.Count;
        var rows = examples.Select(e => (Dense: e.Input.Dense, Words: e.Input.Words.Distinct().Select(w => 1 + denseCount + wordIds[w]).ToArray(), Y: e.InScope ? 1.0 : 0.0, e.Weight)).ToList();
        // Balance the two sides: there are many more in-scope questions than off-topic ones.
        var positive = rows.Where(r => r.Y == 1).Sum(r => r.Weight);
        var negative = rows.Where(r => r.Y == 0).Sum(r => r.Weight);
        var w = new double[n];
        var adam = new AdamOptimizer(n, learningRate);
        for (var step = 1; step <= iterations; step++)
        {
            var grad = new double[n];
            foreach (var r in rows)
            {
                var p = 1 / (1 + Math.Exp(-Score(w, r.Dense, r.Words)));
                var g = (p - r.Y) * r.Weight * (r.Y == 1 ? 0.5 / positive : 0.5 / negative);
                grad[0] += g;
                for (var k = 0; k < denseCount; k++) grad[1 + k] += g * r.Dense[k];
                foreach (var k in r.Words) grad[k] += g;
            }
            for (var k = 1; k < n; k++) grad[k] += l2 * w[k];
            adam.Step(w, grad);
        }
        var dense = ScopeClassifier.DenseNames.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => w[1 + p.k]);
        var words = wordIds.ToDictionary(kv => kv.Key, kv => w[1 + denseCount + kv.Value]);
        var unthresholded = new ScopeClassifier(dense, words, w[0], 0);
        // The highest threshold that declines at most maxFalseDecline of the in-scope questions.
        var inScope = examples.Where(e => e.InScope).Select(e => unthresholded.Probability(e.Input)).Order().ToList();
        var threshold = inScope.Count == 0 ? 0.5 : inScope[(int)Math.Floor(maxFalseDecline * inScope.Count)];
        return new ScopeClassifier(dense, words, w[0], Math.Min(0.5, threshold));
    }

    private static double Score(double[] w, double[] dense, int[] words)
    {
        var z = w[0];
        for (var k = 0; k < dense.Length; k++) z += w[1 + k] * dense[k];
        foreach (var k in words) z += w[k];
        return z;
    }
}
