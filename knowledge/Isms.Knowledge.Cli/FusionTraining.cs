using System.Globalization;
using Isms.Knowledge.Evaluation;
using Isms.Knowledge.Ranking;
using Isms.Knowledge.Retrieval;

/// <summary>
/// train-fusion: learns <see cref="PartFusion"/> from the tuning questions that split into parts, after printing what
/// five-fold cross-validation gives against the plain rank fusion (all gold clauses of a multi-part question in the top 5).
/// </summary>
internal static class FusionTraining
{
    public static PartFusion Run(ClauseRetriever retriever, IReadOnlyList<EvalQuestion> tuning, double l2)
    {
        var rows = tuning.Where(q => q.Intent == "answer" && q.Gold.Count > 0)
            .Select(q => (Question: q, Candidates: retriever.FusionCandidates(q.Question)))
            .Where(r => r.Candidates is { Count: > 0 }).ToList();
        List<(double[], bool)> Examples(IEnumerable<int> indices) => indices.SelectMany(i => rows[i].Candidates!
            .Select(c => (c.Features, rows[i].Question.Gold.Contains(retriever.Index.Clauses[c.Clause].Id)))).ToList();
        const int folds = 5;
        int plainHits = 0, learnedHits = 0, multi = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var model = PartFusion.Train(Examples(Enumerable.Range(0, rows.Count).Where(i => i % folds != fold)), l2);
            foreach (var i in Enumerable.Range(0, rows.Count).Where(i => i % folds == fold && rows[i].Question.Type == "multi_hop"))
            {
                multi++;
                var candidates = rows[i].Candidates!;
                plainHits += AllGoldShown(retriever, rows[i].Question, candidates.OrderByDescending(c => c.Features[FusedNorm]).ToList());
                learnedHits += AllGoldShown(retriever, rows[i].Question, candidates.OrderByDescending(c => model.Score(c.Features)).ToList());
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} questions in parts ({multi} multi-part); all gold in the top 5 over {folds} folds: rank fusion {plainHits / (double)multi:0.000}, learned {learnedHits / (double)multi:0.000}"));
        var final = PartFusion.Train(Examples(Enumerable.Range(0, rows.Count)), l2);
        Console.WriteLine(string.Join(" ", PartFusion.Names.Zip(final.Weights).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First}={p.Second:0.00}"))));
        return final;
    }

    private static readonly int FusedNorm = PartFusion.Names.ToList().IndexOf("fused_norm");

    // The whole question's best leads, as in the retriever; the rest follow the order given.
    private static int AllGoldShown(ClauseRetriever retriever, EvalQuestion question, List<FusionCandidate> order)
    {
        var wholeBest = order.MaxBy(c => c.Features[WholeNorm])!;
        var shown = order.Where(c => c != wholeBest).Prepend(wholeBest).Take(5).Select(c => retriever.Index.Clauses[c.Clause].Id).ToList();
        return question.Gold.All(shown.Contains) ? 1 : 0;
    }

    private static readonly int WholeNorm = PartFusion.Names.ToList().IndexOf("whole_norm");
}
