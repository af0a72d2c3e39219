using System.Text.RegularExpressions;

namespace Isms.Knowledge.Retrieval;

/// <summary>Ranks clauses for a staff question: thesaurus expansion, BM25 (Lucene), cue-based re-ranking, multi-part fusion.</summary>
public sealed partial class ClauseRetriever(ClauseIndex index, Thesaurus thesaurus)
{
    private const int Pool = 60;

    // Roles the document itself defines ("署長補佐又は課長補佐を、情報セキュリティ管理者とする。"), longest first.
    private readonly string[] _definedRoles = index.Clauses
        .SelectMany(c => Definition().Matches(c.Text).Select(m => m.Groups[1].Value))
        .Select(r => r.Split('の', '、')[^1])
        .Where(r => r.Length >= 3)
        .Distinct().OrderByDescending(r => r.Length).ToArray();

    public ClauseIndex Index => index;

    public IReadOnlyList<Citation> Retrieve(string question, AnswerContext? context = null, int top = 5)
    {
        var cues = QuestionCues.Of(question);
        var whole = Score(question, cues, context);
        var parts = SplitParts(question);
        var partScores = parts.Count < 2 ? [] : parts.Select(p => Score(p, QuestionCues.Of(p), null)).ToList();
        var ranking = partScores.Count == 0 ? whole : Fuse(whole, partScores);
        return ranking.OrderByDescending(kv => kv.Value).Take(top)
            .Select(kv => new Citation(index.Clauses[kv.Key], Math.Round(kv.Value, 4))).ToList();
    }

    /// <summary>Weighted terms of a question: its own bigrams and the policy terms its everyday words stand for.</summary>
    public Dictionary<string, double> QueryTerms(string question, double weight = 1.0)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(IEnumerable<string> tokens, double w)
        {
            foreach (var t in tokens)
                terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
        }
        Add(Tokenizer.Tokenize(question, index.KatakanaVocabulary), weight);
        // A long policy term yields many bigrams; scale them so one everyday word counts about as much as one phrase.
        foreach (var term in thesaurus.Expand(question))
        {
            var tokens = Tokenizer.Tokenize(term);
            Add(tokens, weight * 1.15 * Math.Min(1.0, 1.5 / Math.Sqrt(Math.Max(1, tokens.Count))));
        }
        foreach (var stop in StopTerms) terms.Remove(stop);
        return terms;
    }

    private Dictionary<int, double> Score(string question, QuestionCues cues, AnswerContext? context)
    {
        var terms = QueryTerms(question);
        var followUp = context is { PreviousQuestion: { Length: > 0 } } && cues.LooksLikeFollowUp;
        if (followUp)
            foreach (var (t, w) in QueryTerms(context!.PreviousQuestion!, 0.6))
                terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
        var scores = index.Search(terms, Pool);
        var previous = followUp ? context!.PreviousClauseIds.ToHashSet() : [];
        var expanded = question + " " + string.Join(" ", thesaurus.Expand(question));
        var askedRole = _definedRoles.FirstOrDefault(r => expanded.Contains(r, StringComparison.OrdinalIgnoreCase));
        var asksNegative = NegativeCondition().IsMatch(question);
        foreach (var doc in scores.Keys.ToList())
        {
            var clause = index.Clauses[doc];
            var factor = 1.0;
            var definition = Definition().Match(clause.Text);
            if (cues.AsksWho && definition.Success)
                factor *= askedRole is not null && definition.Groups[1].Value.EndsWith(askedRole, StringComparison.Ordinal) ? 1.8 : 1.15;
            if (cues.AsksWho && Approval().IsMatch(clause.Text)) factor *= 1.15;
            if (cues.AsksWhat && WhatClause().IsMatch(clause.Text)) factor *= 1.8;
            // "…を取り扱わない場合" sections answer only questions that say so.
            if (NegativeCondition().IsMatch(string.Join("", clause.HeadingPath)) != asksNegative) factor *= 0.85;
            if (clause.Text.StartsWith("職員等", StringComparison.Ordinal)) factor *= 1.1;
            if (cues.AsksHowOften && Frequency().IsMatch(clause.Text)) factor *= 1.5;
            if (cues.AsksPermission && clause.Text.StartsWith("職員等", StringComparison.Ordinal)) factor *= 1.2;
            if (cues.AsksPermission && Approval().IsMatch(clause.Text)) factor *= 1.1;
            if (clause.Text.Length < 15) factor *= 0.7;
            if (previous.Contains(clause.Id)) factor *= 1.3;
            scores[doc] *= factor;
        }
        return scores;
    }

    // Reciprocal-rank fusion: the whole question leads, each part can lift its own best clauses into the top.
    private static Dictionary<int, double> Fuse(Dictionary<int, double> whole, List<Dictionary<int, double>> parts)
    {
        var fused = new Dictionary<int, double>();
        void AddRanks(Dictionary<int, double> scores, double weight)
        {
            var rank = 0;
            foreach (var doc in scores.OrderByDescending(kv => kv.Value).Select(kv => kv.Key))
                fused[doc] = fused.GetValueOrDefault(doc) + weight / (3 + ++rank);
        }
        AddRanks(whole, 1.0);
        foreach (var part in parts) AddRanks(part, 0.6);
        return fused;
    }

    private static List<string> SplitParts(string question) =>
        PartSeparator().Split(question).Select(p => p.Trim()).Where(p => Tokenizer.Tokenize(p).Count >= 3).ToList();

    /// <summary>Question words that say what kind of answer is wanted, not what it is about.</summary>
    public static readonly IReadOnlySet<string> StopTerms = new HashSet<string>(StringComparer.Ordinal)
        { "場合", "必要", "何", "時", "誰", "平気", "大丈夫", "可能", "方法", "今", "方", "良", "同僚", "前", "後", "本当", "具体", "具体的", "体的", "教", "知", "思", "感", "気", "人", "私", "自分", "分", "来週", "今日", "明日", "使", "出来", "件", "番", "何番" };

    [GeneratedRegex("を、?([^。、を]{1,30})とする。")]
    private static partial Regex Definition();

    [GeneratedRegex("わない場合|ない場合|なし|ない[?？]?$|以外")]
    private static partial Regex NegativeCondition();

    [GeneratedRegex("とは|をいう|分類基準|重要度")]
    private static partial Regex WhatClause();

    [GeneratedRegex("許可|承認|報告")]
    private static partial Regex Approval();

    [GeneratedRegex("毎年|定期|年1回|年度1回|常時|常に")]
    private static partial Regex Frequency();

    [GeneratedRegex("[？?！!。、\n]|、?しかも|、?それと|、?あと、|、?ついでに|。また")]
    private static partial Regex PartSeparator();
}
