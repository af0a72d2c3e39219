using Isms.Knowledge.Ranking;

namespace Isms.Knowledge.Tests;

/// <summary>The learned ordering of a multi-part question's candidates: its features, its training and the shipped model.</summary>
public class PartFusionFacts
{
    private static int Feature(string name) => PartFusion.Names.ToList().IndexOf(name);

    [Fact]
    public void TheShippedModel_HasEveryFeature_AndSurvivesARoundTrip()
    {
        var shipped = PartFusion.LoadEmbedded();
        Assert.Equal(PartFusion.Names.Count, shipped.Weights.Count);
        var again = PartFusion.Parse(shipped.Serialize("round trip"));
        Assert.Equal(shipped.Weights, again.Weights);
        Assert.NotNull(TestAnswerer.Offline.Retriever.Fusion);
    }

    [Fact]
    public void AFileWithoutOneOfTheFeatures_IsRefused()
    {
        var json = new PartFusion(new double[PartFusion.Names.Count]).Serialize("test").Replace("\"part_top1_share\"", "\"renamed\"", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => PartFusion.Parse(json));
    }

    // whole: 1 > 2 > 3; part A asks what only clause 3 answers, part B what 2 answers; clause 3 is an item of lead-in 1.
    private static List<FusionCandidate> ThreeClauses()
    {
        var whole = new Dictionary<int, double> { [1] = 0.9, [2] = 0.5, [3] = 0.1 };
        var parts = new List<Dictionary<int, double>> { new() { [3] = 0.8, [2] = 0.2 }, new() { [2] = 0.6, [1] = 0.3 } };
        var fused = new Dictionary<int, double> { [1] = 0.5, [2] = 0.45, [3] = 0.3 };
        return PartFusion.Candidates(whole, parts, [true, true], fused, new Dictionary<int, int> { [3] = 1 });
    }

    [Fact]
    public void Candidates_DescribeEachClause_FromTheWholeQuestionAndFromEachPart()
    {
        var byClause = ThreeClauses().ToDictionary(c => c.Clause, c => c.Features);
        Assert.Equal([1, 2, 3], ThreeClauses().Select(c => c.Clause));
        Assert.Equal(1.0, byClause[1][Feature("whole_norm")]);
        Assert.Equal(0.5, byClause[3][Feature("part_top1_share")]);
        Assert.Equal(1.0, byClause[3][Feature("part_max_norm")]);
        Assert.Equal(0.0, byClause[1][Feature("part_top1_share")]);
        Assert.Equal(1.0, byClause[1][Feature("lead_in_of_shown")]);
        Assert.Equal(1.0, byClause[3][Feature("item_of_shown")]);
        Assert.Equal(0.0, byClause[2][Feature("item_of_shown")]);
        Assert.Equal(0.5, byClause[2][Feature("parts_inverse")]);
    }

    [Fact]
    public void Training_LearnsWhatMarksTheClausesThatAnswerAPart()
    {
        // The gold clauses are the ones a part ranks first, whatever the whole question says.
        var random = new Random(7);
        var examples = Enumerable.Range(0, 400).Select(_ =>
        {
            var x = new double[PartFusion.Names.Count];
            x[0] = 1;
            x[Feature("whole_norm")] = random.NextDouble();
            var gold = random.NextDouble() < 0.3;
            x[Feature("part_top1_share")] = gold ? 1 : 0;
            return (x, gold);
        }).ToList();
        var model = PartFusion.Train(examples);
        var partBest = new double[PartFusion.Names.Count];
        var wholeBest = new double[PartFusion.Names.Count];
        partBest[0] = wholeBest[0] = 1;
        partBest[Feature("part_top1_share")] = 1;
        wholeBest[Feature("whole_norm")] = 1;
        Assert.True(model.Score(partBest) > 0.8, $"{model.Score(partBest)}");
        Assert.True(model.Score(wholeBest) < 0.2, $"{model.Score(wholeBest)}");
    }

    [Fact]
    public void AQuestionOfOnePart_HasNoFusionCandidates_WhileOneInPartsHas()
    {
        var retriever = TestAnswerer.Offline.Retriever;
        Assert.Null(retriever.FusionCandidates("パスワードは何文字以上？"));
        Assert.NotEmpty(retriever.FusionCandidates("古いサーバをリース返却します。中のデータはどこまで消せばいい？処理の記録は残す？")!);
    }
}
