using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>How one clause matches one question, as numbers the <see cref="ClauseRanker"/> weighs.</summary>
public sealed record Candidate(int ClauseOrdinal, double[] Features);

/// <summary>The candidates of one question, and the best raw BM25 score on body and questions (for the scope classifier).</summary>
public sealed record Extraction(IReadOnlyList<Candidate> Candidates, double BestAllScore, double BestSingleScore = 0, double BestSingleWordsScore = 0)
{
    public static Extraction None { get; } = new([], 0);
}

/// <summary>The question as the ranker sees it: its words, cues and, for a part of a multi-part question, the part's
/// own words (<paramref name="Focus"/>) against the rest (<paramref name="Topic"/>).</summary>
public sealed record RankingQuery(string Question, QuestionCues Cues, AnswerContext? Context = null, string? Focus = null, string? Topic = null)
{
    public static RankingQuery Of(string question, AnswerContext? context = null) => new(question, QuestionCues.Of(question), context);
}

/// <summary>
/// Finds candidate clauses on every index field and describes each by features: BM25 per field (relative to the
/// question's best and by rank), how much of the question the clause and its staff questions cover, and the
/// question's cues against the clause's traits (a who-question and a clause that defines a role).
/// </summary>
public sealed class RankingFeatures
{
    public const int CandidatesPerField = 40;
    private const int PartCandidates = 100;

    public static readonly IReadOnlyList<string> Names =
    [
        "body", "body_rank", "heading", "questions", "questions_rank", "all", "all_rank", "words_body", "words_questions",
        "coverage", "who_role", "who_role_match", "who_approval", "who_subject", "what_clause", "negative_mismatch",
        "staff_subject", "often_frequency", "permission_staff", "permission_approval", "after_event_reports", "short",
        "previous", "focus_heading", "focus_text", "item", "lead_in", "permission_prohibits", "length",
        "single", "single_rank", "single_words", "who_is_defined",
        .. Crosses.Names,
    ];

    private readonly ClauseIndex _index;
    private readonly QueryTerms _terms;
    private readonly ClauseTraits _traits;
    private readonly HashSet<string>[] _tokens;
    private readonly bool[] _isItem;
    private readonly bool[] _isLeadIn;
    private readonly int[] _staffResponses;

    public RankingFeatures(ClauseIndex index, QueryTerms terms, ClauseQuestions questions)
    {
        _index = index;
        _terms = terms;
        _traits = new ClauseTraits(index.Clauses);
        LeadInOf = LeadIns(index.Clauses);
        _isItem = new bool[index.Clauses.Count];
        _isLeadIn = new bool[index.Clauses.Count];
        foreach (var (item, leadIn) in LeadInOf) { _isItem[item] = true; _isLeadIn[leadIn] = true; }
        _staffResponses = Enumerable.Range(0, index.Clauses.Count).Where(d => _traits[d].StaffReports).ToArray();
        _tokens = index.Clauses.Select(c => Tokenizer.Tokenize(
            c.Text + " " + string.Join(" ", c.HeadingPath.Skip(1)) + " " + string.Join(" ", questions.For(c.Id)), kanjiUnigrams: true)
            .ToHashSet(StringComparer.Ordinal)).ToArray();
    }

    public ClauseIndex Index => _index;

    public ClauseTraits Traits => _traits;

    public QueryTerms Terms => _terms;

    /// <summary>Enumerated items and the lead-in clause that carries their text (7.3(2) ⊃ its ①…④): item → lead-in.</summary>
    public IReadOnlyDictionary<int, int> LeadInOf { get; }

    public Extraction Extract(RankingQuery query)
    {
        var (question, cues, context, focus, topic) = query;
        var terms = _terms.Bigrams(question);
        var words = _terms.Words(question);
        if (focus is not null)
        {
            foreach (var (t, w) in _terms.Bigrams(focus, 2.0)) terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
            foreach (var (t, w) in _terms.Words(focus, 2.0)) words[t] = Math.Max(words.GetValueOrDefault(t), w);
        }
        var followUp = context is { PreviousQuestion.Length: > 0 } && cues.LooksLikeFollowUp;
        if (followUp)
        {
            foreach (var (t, w) in _terms.Bigrams(context!.PreviousQuestion!, 0.6)) terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
            foreach (var (t, w) in _terms.Words(context.PreviousQuestion!, 0.6)) words[t] = Math.Max(words.GetValueOrDefault(t), w);
        }

        // Against staff questions, the asking words (誰, 何, 時 …) say what kind of question it is.
        var asking = new Dictionary<string, double>(terms, StringComparer.Ordinal);
        foreach (var (t, w) in _terms.Bigrams(question, keepAskingWords: true)) asking.TryAdd(t, w);
        var depth = focus is null ? CandidatesPerField : PartCandidates;
        var body = _index.Search(terms, depth);
        var heading = _index.Search(IndexField.Heading, terms, depth);
        var asked = _index.Search(IndexField.Questions, asking, depth);
        var all = _index.Search(IndexField.BodyAndQuestions, terms, depth);
        var bodyWords = _index.Search(IndexField.BodyWords, words, depth);
        var askedWords = _index.Search(IndexField.QuestionWords, words, depth);
        var single = _index.Search(IndexField.SingleQuestion, asking, depth);
        var singleWords = _index.Search(IndexField.SingleQuestionWords, words, depth);
        var candidates = body.Keys.Union(asked.Keys).Union(all.Keys).Union(askedWords.Keys).Union(single.Keys.Take(CandidatesPerField / 2)).ToList();
        // 「盗まれた場合の対応は？」 shares no word with 「インシデントを認知した場合…報告しなければならない」: the few rules for
        // what staff do once something went wrong are always candidates for such a question.
        if (cues.AsksWhatToDoAfterEvent) candidates = candidates.Union(_staffResponses).ToList();
        if (candidates.Count == 0) return Extraction.None;

        var previous = followUp ? context!.PreviousClauseIds.ToHashSet(StringComparer.Ordinal) : [];
        var expanded = question + " " + string.Join(" ", _terms.Thesaurus.Expand(question));
        var askedRole = _traits.AskedRole(question, expanded);
        var asksNegative = ClauseTraits.AsksNegative(question);
        var focusWords = focus is null ? [] : new[] { JapaneseNormalizer.Widths(focus) }.Concat(_terms.Thesaurus.Expand(focus)).Where(w => w.Length >= 2).ToArray();
        // …but not inside a longer policy term the rest of the question names (記録 in 電磁的記録媒体 for "USB").
        var hiding = focusWords.Length == 0 ? [] : _terms.Thesaurus.Expand(topic ?? question).Where(t => focusWords.Any(w => t.Length > w.Length && t.Contains(w, StringComparison.Ordinal))).ToArray();
        bool Says(string text)
        {
            foreach (var h in hiding) text = text.Replace(h, "", StringComparison.Ordinal);
            return focusWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        }
        var totalWeight = terms.Values.Sum();
        var bodyRank = Ranks(body);
        var askedRank = Ranks(asked);
        var allRank = Ranks(all);
        var singleRank = Ranks(single);

        var maxima = new[] { body, heading, asked, all, bodyWords, askedWords, single, singleWords }.Where(x => x.Count > 0).ToDictionary(x => x, x => x.Values.Max());
        double Relative(Dictionary<int, double> scores, int d) =>
            scores.TryGetValue(d, out var s) && s > 0 ? s / maxima[scores] : 0;
        return new Extraction(candidates.Select(d =>
        {
            var clause = _index.Clauses[d];
            var t = _traits[d];
            var covered = totalWeight == 0 ? 0 : terms.Where(kv => _tokens[d].Contains(kv.Key)).Sum(kv => kv.Value) / totalWeight;
            var saysInHeading = focusWords.Length > 0 && clause.HeadingPath.Count > 0 && Says(clause.HeadingPath[^1]);
            double[] x =
            [
                Relative(body, d), Rank(bodyRank, d), Relative(heading, d), Relative(asked, d), Rank(askedRank, d),
                Relative(all, d), Rank(allRank, d), Relative(bodyWords, d), Relative(askedWords, d), covered,
                Flag(cues.AsksWho && t.DefinedRole is not null), Flag(cues.AsksWho && askedRole is not null && t.DefinedRole == askedRole),
                Flag(cues.AsksWho && t.Approval), Flag(cues.AsksWho && t.RoleSubject), Flag(cues.AsksWhat && t.What),
                Flag(t.NegativeHeading != asksNegative), Flag(t.StaffSubject), Flag(cues.AsksHowOften && t.Frequency),
                Flag(cues.AsksPermission && t.StaffSubject), Flag(cues.AsksPermission && t.Approval),
                Flag(cues.AsksWhatToDoAfterEvent && t.StaffReports), Flag(clause.Text.Length < 15), Flag(previous.Contains(clause.Id)),
                Flag(saysInHeading), Flag(!saysInHeading && focusWords.Length > 0 && Says(clause.Text)),
                Flag(_isItem[d]), Flag(_isLeadIn[d]), Flag(cues.AsksPermission && t.Prohibits),
                Math.Log(1 + clause.Text.Length) / 6,
                Relative(single, d), Rank(singleRank, d), Relative(singleWords, d),
                Flag(cues.AsksWhoIs && askedRole is not null && t.DefinedRole == askedRole),
            ];
            return new Candidate(d, Crosses.Append(x));
        }).ToList(), Best(all), Best(single), Best(singleWords));
    }

    private static double Flag(bool b) => b ? 1 : 0;

    private static double Best(Dictionary<int, double> scores) => scores.Count == 0 ? 0 : scores.Values.Max();

    private static Dictionary<int, int> Ranks(Dictionary<int, double> scores) =>
        scores.OrderByDescending(kv => kv.Value).Select((kv, i) => (kv.Key, i)).ToDictionary(p => p.Key, p => p.i);

    private static double Rank(Dictionary<int, int> ranks, int d) => ranks.TryGetValue(d, out var r) ? 1.0 / (1 + r) : 0;

    private static Dictionary<int, int> LeadIns(IReadOnlyList<Clause> clauses)
    {
        static string Squash(string t) => new(t.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = new Dictionary<int, int>();
        for (var i = 0; i < clauses.Count; i++)
            for (var j = i - 1; j >= 0 && j >= i - 40; j--)
                if (clauses[i].Id.StartsWith(clauses[j].Id, StringComparison.Ordinal) && clauses[i].Text.Length >= 8
                    && Squash(clauses[j].Text).Contains(Squash(clauses[i].Text), StringComparison.Ordinal))
                {
                    result[i] = j;
                    break;
                }
        return result;
    }
}
