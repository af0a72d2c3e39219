using System.Diagnostics;
using System.Globalization;
using Isms.Knowledge;
using Isms.Knowledge.Evaluation;
using Isms.Knowledge.Language;
using Isms.Knowledge.Ranking;
using Isms.Knowledge.Retrieval;

/// <summary>
/// Diagnostics: trees boosted on the shipped linear ranker, on the same examples <c>train</c> uses, with the ranker's own
/// hit@1 on the training examples, the tuning questions and a validation file set after every 25 rounds.
/// </summary>
internal static class BoostExperiment
{
    public static void Run(IReadOnlyList<EvalQuestion> tuning, IReadOnlyList<EvalQuestion> validation, IEnumerable<BoostingSettings> grid)
    {
        var sw = Stopwatch.StartNew();
        var document = PolicyParser.Parse(EmbeddedPolicy.ReadText());
        var thesaurus = Thesaurus.LoadEmbedded();
        var questions = ClauseQuestions.LoadEmbedded();
        var analyzer = PolicyAnswerer.DefaultAnalyzer.Value ?? throw new InvalidOperationException("boost needs MeCab");
        var topics = ProcedureDetector.LoadEmbedded(analyzer);
        var (ranking, _) = TrainingSet.FromClauseQuestions(document, thesaurus, questions, analyzer, [], topics);
        var full = ClauseRetriever.Build(document, thesaurus, questions, analyzer);
        static IEnumerable<(string, IReadOnlyList<string>, bool)> Answerable(IEnumerable<EvalQuestion> q) =>
            q.Where(x => x.Intent == "answer").Select(x => (x.Question, x.Gold, true));
        var (tuningRanking, _) = TrainingSet.FromTuningQuestions(full.Features, topics, Answerable(tuning), 2.0);
        var (validationRanking, _) = TrainingSet.FromTuningQuestions(full.Features, topics, Answerable(validation), 1.0);
        var linear = full.Ranker;
        Console.WriteLine($"examples: {ranking.Count} clause questions, {tuningRanking.Count} tuning, {validationRanking.Count} validation; {sw.Elapsed.TotalSeconds:0} s");
        string Line(Func<double[], double> score) => string.Create(CultureInfo.InvariantCulture,
            $"clause-q {RankerTraining.HitAtOne(score, ranking):0.0000} tuning {RankerTraining.HitAtOne(score, tuningRanking):0.0000} validation {RankerTraining.HitAtOne(score, validationRanking):0.0000}");
        Console.WriteLine("linear: " + Line(linear.Score));
        foreach (var settings in grid)
        {
            sw.Restart();
            TreeBoosting.Train([.. ranking, .. tuningRanking], linear.Score, settings, (round, trees) =>
            {
                if (round % 25 == 0) Console.WriteLine($"{settings} round {round}: " + Line(x => linear.Score(x) + trees.Score(x)) + $" ({sw.Elapsed.TotalSeconds:0} s)");
            });
        }
    }
}
