using Isms.Knowledge.Ranking;

namespace Isms.Knowledge.Tests;

/// <summary>
/// The ranker is a weighted sum plus boosted trees. The trees learn what a sum cannot, are stored by feature name and
/// refuse a file that names a feature or node that does not exist; the shipped file carries them.
/// </summary>
public class ClauseRankerFacts
{
    private static readonly int Features = RankingFeatures.Names.Count;

    private static double[] X(double first, double second)
    {
        var x = new double[Features];
        x[0] = first;
        x[1] = second;
        return x;
    }

    // Two kinds of question over candidates described by two signals: the first is answered by the clause with both
    // signals, the second by the clause with neither. No weighted sum ranks both right; a depth-2 tree can. (Unequal
    // counts: with equal ones no single split gains anything, and a greedy tree never starts.)
    private static List<TrainingExample> AgreementExamples()
    {
        var examples = new List<TrainingExample>();
        for (var i = 0; i < 30; i++)
            examples.Add(new TrainingExample([new(0, X(1, 1)), new(1, X(1, 0)), new(2, X(0, 1))], new HashSet<int> { 0 }));
        for (var i = 0; i < 20; i++)
            examples.Add(new TrainingExample([new(1, X(1, 0)), new(2, X(0, 1)), new(3, X(0, 0))], new HashSet<int> { 3 }));
        return examples;
    }

    [Fact]
    public void Trees_LearnAnAgreementThatNoWeightedSumRanks()
    {
        var examples = AgreementExamples();
        var linear = RankerTraining.Train(examples);
        Assert.True(RankerTraining.HitAtOne(linear, examples) <= 0.6, $"linear hit@1 {RankerTraining.HitAtOne(linear, examples)}");

        var trees = TreeBoosting.Train(examples, linear.LinearScore, new BoostingSettings(Rounds: 30, Depth: 2, Shrinkage: 0.3, MinLeafHessian: 1));
        var boosted = new ClauseRanker(linear.Weights, trees);
        Assert.Equal(1.0, RankerTraining.HitAtOne(boosted, examples));
    }

    [Fact]
    public void Training_IsDeterministic()
    {
        var examples = AgreementExamples();
        var settings = new BoostingSettings(Rounds: 10, Depth: 2, MinLeafHessian: 1);
        var first = TreeBoosting.Train(examples, _ => 0, settings);
        var second = TreeBoosting.Train(examples, _ => 0, settings);
        Assert.Equal(first.Score(X(0, 0)), second.Score(X(0, 0)));
        Assert.Equal(first.Score(X(1, 1)), second.Score(X(1, 1)));
    }

    [Fact]
    public void Tree_GoesLeftAtOrBelowItsThreshold()
    {
        var trees = new TreeEnsemble([[new TreeNode(1, 0.5, 1, 2, 0), TreeNode.Leaf(-1), TreeNode.Leaf(2)]]);
        Assert.Equal(-1, trees.Score(X(0, 0.5)));
        Assert.Equal(2, trees.Score(X(0, 0.51)));
    }

    [Theory]
    [InlineData(1, 0)]   // a child before its parent: the walk could loop
    [InlineData(1, 3)]   // a child that does not exist
    public void Tree_WithABadChild_IsRefused(int left, int right) =>
        Assert.Throws<FormatException>(() => new TreeEnsemble([[new TreeNode(0, 0.5, left, right, 0), TreeNode.Leaf(1), TreeNode.Leaf(2)]]));

    [Fact]
    public void Tree_OnAFeatureThatDoesNotExist_IsRefused() =>
        Assert.Throws<FormatException>(() => new TreeEnsemble([[new TreeNode(Features, 0.5, 1, 2, 0), TreeNode.Leaf(1), TreeNode.Leaf(2)]]));

    [Fact]
    public void RankerFile_KeepsWeightsAndTrees()
    {
        var weights = Enumerable.Range(0, Features).Select(i => i / 100.0).ToArray();
        var trees = new TreeEnsemble([[new TreeNode(1, 0.5, 1, 2, 0), TreeNode.Leaf(-1), TreeNode.Leaf(2)]]);
        var scope = new ScopeClassifier(new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 0.5);
        var json = ClauseRanker.Serialize(new ClauseRanker(weights, trees), new ClauseRanker(weights), scope, scope, "test");

        var withWords = ClauseRanker.Parse(json, withWords: true);
        var bigramsOnly = ClauseRanker.Parse(json, withWords: false);
        var x = X(3, 1);
        Assert.Equal(new ClauseRanker(weights, trees).Score(x), withWords.Score(x), 6);
        Assert.Equal(0.01 * 1 + 2, withWords.Score(x), 6);
        Assert.Empty(bigramsOnly.Trees.Trees);
        Assert.Contains($"\"f\":\"{RankingFeatures.Names[1]}\"", json);
    }

    [Fact]
    public void RankerFile_KeepsThresholdsExact()
    {
        // Thresholds are feature values seen in training: a rounded 1/3 would send 1/3 itself down the other side.
        var weights = new double[Features];
        var scope = new ScopeClassifier(new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 0.5);
        var trees = new TreeEnsemble([[new TreeNode(1, 1.0 / 3, 1, 2, 0), TreeNode.Leaf(-1), TreeNode.Leaf(2)]]);
        var parsed = ClauseRanker.Parse(ClauseRanker.Serialize(new ClauseRanker(weights, trees), new ClauseRanker(weights), scope, scope, "test"), withWords: true);
        Assert.Equal(-1, parsed.Score(X(0, 1.0 / 3)));
        Assert.Equal(2, parsed.Score(X(0, 1.0 / 3 + 1e-9)));
    }

    [Fact]
    public void RankerFile_WithATreeOnAnUnknownFeature_IsRefused()
    {
        var weights = new double[Features];
        var scope = new ScopeClassifier(new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 0.5);
        var json = ClauseRanker.Serialize(new ClauseRanker(weights, new TreeEnsemble([[new TreeNode(1, 0.5, 1, 2, 0), TreeNode.Leaf(-1), TreeNode.Leaf(2)]])),
            new ClauseRanker(weights), scope, scope, "test");
        var renamed = json.Replace($"\"f\":\"{RankingFeatures.Names[1]}\"", "\"f\":\"no_such_feature\"");
        Assert.NotEqual(json, renamed);
        Assert.Throws<FormatException>(() => ClauseRanker.Parse(renamed, withWords: true));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShippedRanker_CarriesTrees(bool withWords) =>
        Assert.NotEmpty(ClauseRanker.LoadEmbedded(withWords).Trees.Trees);
}
