using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>A question for the scope classifier: whether the policy answers it.</summary>
public sealed record ScopeExample(ScopeInput Input, bool InScope, double Weight = 1.0);

/// <summary>
/// Builds the training examples. The clause questions teach in folds: each fold's questions are left out of the
/// index and asked as if new, so the ranker learns how staff's words meet a clause it has not seen them with, and
/// the scope classifier how much of a new in-scope question the index knows. Off-topic questions are the
/// classifier's other side. Tuning questions are asked against the full index.
/// </summary>
public static class TrainingSet
{
    public const int Folds = 5;

    public static int FoldOf(string question) =>
        (int)((uint)question.Aggregate(17, (h, c) => unchecked(h * 31 + c)) % Folds);

    public static (List<TrainingExample> Ranking, List<ScopeExample> Scope) FromClauseQuestions(
        PolicyDocument document, Thesaurus thesaurus, ClauseQuestions questions, IMorphologicalAnalyzer? analyzer,
        IReadOnlyList<string> offTopic, ProcedureDetector topics)
    {
        var ranking = new List<TrainingExample>();
        var scope = new List<ScopeExample>();
        var ordinals = document.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        for (var fold = 0; fold < Folds; fold++)
        {
            var f = fold;
            var kept = questions.Without((_, q) => FoldOf(q) == f);
            var index = ClauseIndex.Build(document, kept, analyzer);
            var features = new RankingFeatures(index, new QueryTerms(index, thesaurus), kept);
            foreach (var (id, question) in questions.All.Where(p => FoldOf(p.Question) == f))
            {
                if (!ordinals.TryGetValue(id, out var gold)) continue;
                var extraction = features.Extract(RankingQuery.Of(question));
                ranking.Add(new TrainingExample(extraction.Candidates, new HashSet<int> { gold }));
                scope.Add(new ScopeExample(ScopeClassifier.Describe(question, features, extraction, topics), true));
            }
            foreach (var question in offTopic.Where(q => FoldOf(q) == f))
                scope.Add(new ScopeExample(ScopeClassifier.Describe(question, features, features.Extract(RankingQuery.Of(question)), topics), false));
        }
        return (ranking, scope);
    }

    /// <summary>Tuning questions: answerable ones teach the ranker; all teach the scope classifier.</summary>
    public static (List<TrainingExample> Ranking, List<ScopeExample> Scope) FromTuningQuestions(
        RankingFeatures features, ProcedureDetector topics, IEnumerable<(string Question, IReadOnlyList<string> Gold, bool InScope)> questions, double weight)
    {
        var ordinals = features.Index.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var ranking = new List<TrainingExample>();
        var scope = new List<ScopeExample>();
        foreach (var (question, goldIds, inScope) in questions)
        {
            var extraction = features.Extract(RankingQuery.Of(question));
            scope.Add(new ScopeExample(ScopeClassifier.Describe(question, features, extraction, topics), inScope, weight));
            var gold = goldIds.Where(ordinals.ContainsKey).Select(g => ordinals[g]).ToHashSet();
            if (gold.Count > 0) ranking.Add(new TrainingExample(extraction.Candidates, gold, weight));
        }
        return (ranking, scope);
    }
}
