using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>
/// Builds the ranker's training examples. The clause questions teach it in folds: each fold's questions are left
/// out of the index and asked as if new, so the ranker learns how staff's words meet a clause it has not seen them
/// with. Tuning questions (answerable ones with gold clauses) are asked against the full index.
/// </summary>
public static class TrainingSet
{
    public const int Folds = 5;

    public static int FoldOf(string question) =>
        (int)((uint)question.Aggregate(17, (h, c) => unchecked(h * 31 + c)) % Folds);

    public static List<TrainingExample> FromClauseQuestions(PolicyDocument document, Thesaurus thesaurus, ClauseQuestions questions, IMorphologicalAnalyzer? analyzer)
    {
        var examples = new List<TrainingExample>();
        var ordinals = document.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        for (var fold = 0; fold < Folds; fold++)
        {
            var f = fold;
            var index = ClauseIndex.Build(document, questions.Without((_, q) => FoldOf(q) == f), analyzer);
            var features = new RankingFeatures(index, new QueryTerms(index, thesaurus), questions.Without((_, q) => FoldOf(q) == f));
            foreach (var (id, question) in questions.All.Where(p => FoldOf(p.Question) == f))
                if (ordinals.TryGetValue(id, out var gold))
                    examples.Add(new TrainingExample(features.Extract(RankingQuery.Of(question)), new HashSet<int> { gold }));
        }
        return examples;
    }

    public static List<TrainingExample> FromTuningQuestions(RankingFeatures features, IEnumerable<(string Question, IReadOnlyList<string> Gold)> questions, double weight)
    {
        var ordinals = features.Index.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return questions
            .Select(q => new TrainingExample(features.Extract(RankingQuery.Of(q.Question)), q.Gold.Where(ordinals.ContainsKey).Select(g => ordinals[g]).ToHashSet(), weight))
            .Where(e => e.Gold.Count > 0)
            .ToList();
    }
}
