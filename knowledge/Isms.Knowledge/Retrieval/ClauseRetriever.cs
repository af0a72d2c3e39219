using System.Text.RegularExpressions;

namespace Isms.Knowledge.Retrieval;

/// <summary>Ranks clauses for a staff question: thesaurus expansion, BM25 (Lucene), cue-based re-ranking, multi-part fusion.</summary>
public sealed partial class ClauseRetriever(ClauseIndex index, Thesaurus thesaurus)
{
    private const int Pool = 60;
    private const int PartPool = 150;

    // Roles the document itself defines ("署長補佐又は課長補佐を、情報セキュリティ管理者とする。"), longest first.
    private readonly string[] _definedRoles = index.Clauses
        .SelectMany(c => Definition().Matches(c.Text).Select(m => m.Groups[1].Value))
        .Select(r => r.Split('の', '、')[^1])
        .Where(r => r.Length >= 3)
        .Distinct().OrderByDescending(r => r.Length).ToArray();

    // Enumerated items and the lead-in clause that carries their text (7.3(2) ⊃ its ①…④): item index → lead-in index.
    private readonly Dictionary<int, int> _leadInOf = LeadIns(index.Clauses);

    public ClauseIndex Index => index;

    // What each clause is, computed once: the re-ranking reads these for every clause of every (part of a) question.
    private readonly record struct Traits(string? DefinedRole, bool Approval, bool RoleSubject, bool What, bool NegativeHeading, bool StaffSubject, bool Frequency, bool Permits, bool StaffReports);

    private Traits[]? _traitsCache;

    private Traits[] _traits => _traitsCache ??= index.Clauses.Select(c =>
    {
        var definition = Definition().Match(c.Text);
        return new Traits(
            definition.Success ? definition.Groups[1].Value.Split('の', '、')[^1] : null,
            Approval().IsMatch(c.Text),
            StartsWithRole(c.Text),
            WhatClause().IsMatch(c.Text),
            NegativeCondition().IsMatch(string.Join("", c.HeadingPath)),
            c.Text.StartsWith("職員等", StringComparison.Ordinal),
            Frequency().IsMatch(c.Text),
            Permits().IsMatch(c.Text),
            (c.Text.StartsWith("職員等", StringComparison.Ordinal) || (c.HeadingPath.Count > 0 && c.HeadingPath[^1].Contains("職員等", StringComparison.Ordinal)))
                && StaffResponse().IsMatch(c.Text));
    }).ToArray();

    private const double VariantPieceWeight = 0.7;

    private const double WhoActorLift = 1.2;

    private const double AfterEventReportLift = 1.4;

    // The who-permits slot: staff's own rules (職員等は、…許可を得なければならない) are the general ones; the clause must
    // score at least this share of the best for the whole question and for the part.
    private const double PermitStaffLift = 1.3, PermitTopicFloor = 0.45, PermitPartFloor = 0.5;

    private bool StartsWithRole(string text)
    {
        var comma = text.IndexOf('は');
        if (comma < 3 || comma > 40) return false;
        var subject = text[..comma];
        return _definedRoles.Any(r => subject.EndsWith(r, StringComparison.Ordinal)) || subject.EndsWith("CISO", StringComparison.Ordinal) || subject.EndsWith("委員会", StringComparison.Ordinal);
    }

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

    private const double ItemRatio = 0.7;

    // The most specific clause that holds the question's words: an item that scores nearly as well as its lead-in
    // (which contains the item's text) is the answer, unless the question asks for the whole list (何を書く, どんな).
    private void PreferItems(Dictionary<int, double> scores, string question)
    {
        if (AsksForList().IsMatch(question)) return;
        foreach (var (item, leadIn) in _leadInOf)
            if (scores.TryGetValue(item, out var s) && scores.TryGetValue(leadIn, out var l) && s >= ItemRatio * l && s < l)
                scores[item] = l * 1.02;
    }

    public IReadOnlyList<Citation> Retrieve(string question, AnswerContext? context = null, int top = 5)
    {
        var cues = QuestionCues.Of(question);
        var whole = Score(question, cues, context);
        PreferItems(whole, question);
        var subQueries = SubQueries(question);
        if (subQueries.Count < 2)
            return whole.OrderByDescending(kv => kv.Value).Take(top)
                .Select(kv => new Citation(index.Clauses[kv.Key], Math.Round(kv.Value, 4))).ToList();
        // Enumerated parts share one topic: score it once.
        var topics = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        var partScores = subQueries.Select(q => PartScore(
            q.Text == q.Focus ? whole : topics.TryGetValue(q.Text, out var t) ? t : topics[q.Text] = Score(q.Text, cues, context),
            question, q.Focus)).ToList();
        var fused = Fuse(whole, partScores);
        var ranked = fused.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();
        // Every part of a multi-part question gets its best clause into the answer: the whole question's best
        // leads, then each part's best not yet chosen, then the fused order.
        var chosen = new List<int>();
        if (ranked.Count > 0) chosen.Add(ranked[0]);
        foreach (var (part, q) in partScores.Zip(subQueries))
        {
            if (!q.OwnAnswer) continue;
            if (chosen.Count >= top) break;
            var best = part.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault(d => !chosen.Contains(d), -1);
            if (best >= 0) chosen.Add(best);
        }
        // A part that asks who permits (誰の許可がいる, 誰が承認する) is answered by the rule that says whose permission
        // the act needs (…は、情報セキュリティ管理者の許可を得なければならない), which may sit elsewhere in the policy than
        // the measures: one slot goes to the best such clause for the part not yet chosen (v21: 2(2)⑧(イ) and 5.1(1)③(イ)).
        foreach (var (part, q) in partScores.Zip(subQueries))
        {
            if (chosen.Count >= top || !WhoPermits().IsMatch(JapaneseNormalizer.Widths(q.Focus))) continue;
            // …about the question's topic (the whole question's score), not any rule that says 許可 (6.1(17)② for 外部アクセス).
            double partMax = part.Values.DefaultIfEmpty(0).Max(), wholeMax = whole.Values.DefaultIfEmpty(0).Max();
            var best = part.Where(kv => _traits[kv.Key].Permits && !chosen.Contains(kv.Key) && whole.GetValueOrDefault(kv.Key) >= PermitTopicFloor * wholeMax)
                .Select(kv => (kv.Key, V: kv.Value * (_traits[kv.Key].StaffSubject ? PermitStaffLift : 1.0)))
                .Where(x => x.V >= PermitPartFloor * partMax).OrderByDescending(x => x.V).Select(x => x.Key).FirstOrDefault(-1);
            if (best >= 0) { chosen.Add(best); fused.TryAdd(best, 0); }
        }
        var head = chosen.Skip(1).OrderByDescending(d => fused[d]).ToList();
        var final = chosen.Take(1).Concat(head).Concat(ranked.Where(d => !chosen.Contains(d))).Take(top);
        return final.Select(d => new Citation(index.Clauses[d], Math.Round(fused[d], 4))).ToList();
    }

    /// <summary>Diagnostics: the top clauses of one part of a question.</summary>
    public IReadOnlyList<string> RankPart(string question, string focus, int top) =>
        PartScore(Score(question, QuestionCues.Of(question), null), question, focus).OrderByDescending(kv => kv.Value).Take(top).Select(kv => index.Clauses[kv.Key].Id).ToList();

    // A part is answered by a clause about both the question's topic and the part's own words: the geometric mean
    // of the whole question's score and the part's score, so neither alone (暗号化 anywhere, USB without 記録) wins.
    private Dictionary<int, double> PartScore(Dictionary<int, double> whole, string question, string focus)
    {
        var part = Score(focus, QuestionCues.Of(focus), null, focus, question);
        if (whole.Count == 0 || part.Count == 0) return part;
        double wFloor = whole.Values.Max() * 0.05, pFloor = part.Values.Max() * 0.05;
        return whole.Keys.Union(part.Keys).ToDictionary(d => d, d => Math.Pow(whole.GetValueOrDefault(d) + wFloor, 1 - PartExponent) * Math.Pow(part.GetValueOrDefault(d) + pFloor, PartExponent));
    }

    /// <summary>
    /// The parts of a multi-part question: enumerations (許可と暗号化と記録, 記録とか許可も, 消去のほかに), each scored with
    /// the rest of the question as its topic, or else sentences and clauses split at punctuation or あと/それと.
    /// </summary>
    public static List<(string Text, string Focus, bool OwnAnswer)> SubQueries(string question)
    {
        var parts = PartSeparator().Split(JapaneseNormalizer.Widths(question)).Select(p => p.Trim()).Where(p => Tokenizer.Tokenize(p).Count >= 2).ToList();
        var facets = new List<string>();
        foreach (var part in parts)
        {
            var items = Enumeration().Matches(part).Select(m => m.Groups[1].Value).ToList();
            if (items.Count == 0) continue;
            var last = EnumerationTail().Match(part, part.LastIndexOf(items[^1], StringComparison.Ordinal) + items[^1].Length);
            if (last.Success) items.Add(last.Groups[1].Value);
            if (items.Distinct().Count() >= 2) facets.AddRange(items.Distinct());
        }
        var result = new List<(string, string, bool)>();
        if (facets.Count >= 2)
        {
            var topic = JapaneseNormalizer.Widths(question);
            foreach (var f in facets) topic = topic.Replace(f, " ", StringComparison.Ordinal);
            result.AddRange(facets.Select(f => (topic, f, true)));
        }
        else if (parts.Count >= 2)
        {
            // Separate sentences (two question marks, あと/それと) each need their own answer; a clause set off by
            // a comma is part of one question and only helps the fusion.
            var sentences = SentenceSeparator().Split(JapaneseNormalizer.Widths(question)).Count(p => Tokenizer.Tokenize(p).Count >= 2);
            result.AddRange(parts.Select(p => (p, p, sentences >= 2)));
        }
        return result;
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
        // The pieces of an everyday word the thesaurus translated (ファイル of ファイルサーバ → 文書サーバ) are not what
        // the question is about on their own: they count less, unless the policy term says them too.
        var expansions = thesaurus.Expand(question);
        var policyTokens = expansions.SelectMany(t => Tokenizer.Tokenize(t)).ToHashSet(StringComparer.Ordinal);
        foreach (var variant in thesaurus.MatchedVariants(question))
            foreach (var t in Tokenizer.Tokenize(variant, index.KatakanaVocabulary))
                if (!policyTokens.Contains(t) && terms.TryGetValue(t, out var w) && w > weight * VariantPieceWeight)
                    terms[t] = weight * VariantPieceWeight;
        // A long policy term yields many bigrams; scale them so one everyday word counts about as much as one phrase.
        foreach (var term in expansions)
        {
            var tokens = Tokenizer.Tokenize(term);
            Add(tokens, weight * 1.15 * Math.Min(1.0, 1.5 / Math.Sqrt(Math.Max(1, tokens.Count))));
        }
        foreach (var stop in StopTerms) terms.Remove(stop);
        return terms;
    }

    private Dictionary<int, double> Score(string question, QuestionCues cues, AnswerContext? context, string? focus = null, string? topic = null)
    {
        var terms = QueryTerms(question);
        if (focus is not null)
            foreach (var (t, w) in QueryTerms(focus, FocusWeight))
                terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
        var followUp = context is { PreviousQuestion: { Length: > 0 } } && cues.LooksLikeFollowUp;
        if (followUp)
            foreach (var (t, w) in QueryTerms(context!.PreviousQuestion!, 0.6))
                terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
        // A part's words can be common (記録 is in every 電磁的記録媒体): look deeper than the head of the list.
        var scores = index.Search(terms, focus is null ? Pool : PartPool);
        var previous = followUp ? context!.PreviousClauseIds.ToHashSet() : [];
        var expanded = question + " " + string.Join(" ", thesaurus.Expand(question));
        // A role the question names itself wins over one its everyday words (管理者, 課長) stand for.
        var askedRole = _definedRoles.FirstOrDefault(r => question.Contains(r, StringComparison.OrdinalIgnoreCase))
            ?? _definedRoles.FirstOrDefault(r => expanded.Contains(r, StringComparison.OrdinalIgnoreCase));
        // …and "機密性2の情報を扱わないクラウド" asks for the 取り扱わない場合 sections too.
        var asksNegative = NegativeCondition().IsMatch(question) || question.Contains("扱わない", StringComparison.Ordinal);
        // A part of a multi-part question is about its focus words: clauses that say them (or the policy terms
        // they stand for) literally, above all in their own heading, answer that part.
        var focusWords = focus is null ? [] : new[] { JapaneseNormalizer.Widths(focus) }.Concat(thesaurus.Expand(focus)).Where(w => w.Length >= 2).ToArray();
        // …but not inside a longer policy term the rest of the question names (記録 in 電磁的記録媒体 for "USB").
        var hiding = focusWords.Length == 0 ? [] : thesaurus.Expand(topic ?? question).Where(t => focusWords.Any(w => t.Length > w.Length && t.Contains(w, StringComparison.Ordinal))).ToArray();
        foreach (var doc in scores.Keys.ToList())
        {
            var clause = index.Clauses[doc];
            var t = _traits[doc];
            var factor = 1.0;
            if (cues.AsksWho && t.DefinedRole is not null)
                factor *= askedRole is not null && t.DefinedRole == askedRole ? 1.8 : 1.15;
            if (cues.AsksWho && t.Approval) factor *= 1.15;
            // A who-question is answered by a clause whose subject is a role (統括情報セキュリティ責任者は、…), not by one without an actor.
            if (cues.AsksWho && t.RoleSubject) factor *= WhoActorLift;
            if (cues.AsksWhat && t.What) factor *= 1.8;
            // "…を取り扱わない場合" sections answer only questions that say so.
            if (t.NegativeHeading != asksNegative) factor *= 0.85;
            if (t.StaffSubject) factor *= 1.1;
            if (cues.AsksHowOften && t.Frequency) factor *= 1.5;
            if (cues.AsksPermission && t.StaffSubject) factor *= 1.2;
            if (cues.AsksPermission && t.Approval) factor *= 1.1;
            // "スマホをなくしたらどうすれば": after something went wrong, staff's first duty is to report it.
            if (cues.AsksWhatToDoAfterEvent && t.StaffReports) factor *= AfterEventReportLift;
            if (clause.Text.Length < 15) factor *= 0.7;
            if (previous.Contains(clause.Id)) factor *= 1.3;
            if (focusWords.Length > 0)
            {
                bool Says(string text)
                {
                    foreach (var h in hiding) text = text.Replace(h, "", StringComparison.Ordinal);
                    return focusWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
                }
                if (clause.HeadingPath.Count > 0 && Says(clause.HeadingPath[^1])) factor *= FocusHeadingLift;
                else if (Says(clause.Text)) factor *= FocusTextLift;
            }
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

    // How much a part's own words count against the whole question's, and the lift for clauses that say them.
    private const double PartExponent = 0.5, FocusWeight = 2.0, FocusHeadingLift = 1.5, FocusTextLift = 1.2;

    /// <summary>Question words that say what kind of answer is wanted, not what it is about.</summary>
    public static readonly IReadOnlySet<string> StopTerms = new HashSet<string>(StringComparer.Ordinal)
        { "場合", "必要", "何", "時", "誰", "平気", "大丈夫", "可能", "方法", "今", "方", "良", "同僚", "前", "後", "本当", "具体", "具体的", "体的", "教", "知", "思", "感", "気", "人", "私", "自分", "分", "来週", "今日", "明日", "使", "出来", "件", "番", "何番" };

    [GeneratedRegex("を、?([^。、を]{1,30})とする。")]
    private static partial Regex Definition();

    [GeneratedRegex("わない場合|ない場合|なし|ない[?？]?$|以外")]
    private static partial Regex NegativeCondition();

    [GeneratedRegex("とは|をいう|分類基準|重要度")]
    private static partial Regex WhatClause();

    [GeneratedRegex("何を|何が|何に|どんな|どういう|どのような|何について|内容|項目|一覧|全部|すべて|全て|何があ")]
    private static partial Regex AsksForList();

    // A clause that says whose permission an act needs, or who decides on an application.
    [GeneratedRegex("(許可|承認)(を得|を受|権限者)|可否を決定|許可なく")]
    private static partial Regex Permits();

    // A part asking who permits or approves: 誰の許可がいる, 何の許可, 誰に申請, 誰が承認する.
    [GeneratedRegex("(誰|だれ|どなた|何|どこ|どの役職)(の|に|が|へ|から)?(許可|承認|申請|ok|OK|ＯＫ)|許可(を|は)?(誰|だれ)|(誰|だれ)が(許可|承認|決め)")]
    private static partial Regex WhoPermits();

    // What staff must do once something happened: report it, or follow the first-response steps.
    [GeneratedRegex("報告しなければならない|対応を行わなければならない")]
    private static partial Regex StaffResponse();

    [GeneratedRegex("許可|承認|報告")]
    private static partial Regex Approval();

    // How often something happens; 常に (always, as in 常に閲覧できる) is a state, not a frequency.
    [GeneratedRegex("毎年|毎月|毎週|定期|年1回|年度1回|回以上|ごとに")]
    private static partial Regex Frequency();

    // A noun (kanji, katakana, ASCII) followed by と/とか/や/も/のほかに/以外に, e.g. 許可と, 記録とか, 消去のほかに.
    [GeneratedRegex("([\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z0-9ー]{2,})(?:とか|と|や|も|のほかに|の他に|以外に|及び|および)(?=[\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z])")]
    private static partial Regex Enumeration();

    // The last item of an enumeration, followed by a particle or the end (許可と暗号化と記録は…), not by ない/する (業務と関係ない).
    [GeneratedRegex("\\G(?:とか|と|や|も|のほかに|の他に|以外に|及び|および)?([\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z0-9ー]{2,})(?=は|も|が|を|って|など|とか|、|[？?]|$)")]
    private static partial Regex EnumerationTail();

    [GeneratedRegex("[？?！!。\n]|、?しかも|、?それと|、?あと、|、?ついでに")]
    private static partial Regex SentenceSeparator();

    [GeneratedRegex("[？?！!。、\n]|、?しかも|、?それと|、?あと、|、?ついでに|。また")]
    private static partial Regex PartSeparator();
}
