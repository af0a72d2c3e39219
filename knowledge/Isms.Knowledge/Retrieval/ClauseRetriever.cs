using System.Text.RegularExpressions;
using Isms.Knowledge.Language;
using Isms.Knowledge.Ranking;

namespace Isms.Knowledge.Retrieval;

/// <summary>
/// Ranks clauses for a staff question: candidates from every index field, scored by the learned
/// <see cref="ClauseRanker"/> over <see cref="RankingFeatures"/>; a multi-part question's clauses are ordered by the
/// learned <see cref="PartFusion"/> over the whole question's and each part's scores.
/// </summary>
public sealed partial class ClauseRetriever(RankingFeatures features, ClauseRanker ranker, PartFusion? fusion = null)
{
    private const double ItemRatio = 0.7;

    // The who-permits slot: staff's own rules (職員等は、…許可を得なければならない) are the general ones; the clause must
    // score at least this share of the best for the whole question and for the part.
    private const double PermitStaffLift = 1.3, PermitTopicFloor = 0.45, PermitPartFloor = 0.5;

    /// <summary>Indexes <paramref name="document"/> with its staff questions and builds the retriever.</summary>
    public static ClauseRetriever Build(PolicyDocument document, Thesaurus thesaurus, ClauseQuestions questions, IMorphologicalAnalyzer? analyzer, ClauseRanker? ranker = null)
    {
        var index = ClauseIndex.Build(document, questions, analyzer);
        var features = new RankingFeatures(index, new QueryTerms(index, thesaurus), questions);
        return new ClauseRetriever(features, ranker ?? ClauseRanker.LoadEmbedded(withWords: analyzer is not null), PartFusion.LoadEmbedded());
    }

    public ClauseIndex Index => features.Index;

    public RankingFeatures Features => features;

    public ClauseRanker Ranker => ranker;

    /// <summary>The model that orders a multi-part question's candidates, or null for the plain rank fusion.</summary>
    public PartFusion? Fusion => fusion;

    // The most specific clause that holds the question's words: an item that scores nearly as well as its lead-in
    // (which contains the item's text) is the answer, unless the question asks for the whole list (何を書く, どんな).
    private void PreferItems(Dictionary<int, double> scores, string question)
    {
        if (AsksForList().IsMatch(question)) return;
        foreach (var (item, leadIn) in features.LeadInOf)
            if (scores.TryGetValue(item, out var s) && scores.TryGetValue(leadIn, out var l) && s >= ItemRatio * l && s < l)
                scores[item] = l * 1.02;
    }

    // 「CISOって誰？」 asks for the clause that appoints the role (消防長をCISOとする), which a one-word question
    // cannot tell from the many clauses that say what CISO does: it leads when it is among the candidates at all.
    private void PreferAppointment(Dictionary<int, double> scores, string question, QuestionCues cues)
    {
        if (!cues.AsksWhoIs || scores.Count == 0) return;
        var role = features.Traits.AskedRole(question, question + " " + string.Join(" ", features.Terms.Thesaurus.Expand(question)));
        if (role is null) return;
        var best = scores.Values.Max();
        var appointing = scores.Keys.Where(d => features.Traits[d].DefinedRole == role).ToList();
        if (appointing.Count == 1 && scores[appointing[0]] >= AppointmentFloor * best)
            scores[appointing[0]] = best * 1.02;
    }

    private const double AppointmentFloor = 0.1;

    // 「重要度いくつになる？」 asks for the table that assigns the classes (別表1, 2(1)), not the one that says how each
    // class is handled (別表2), which shares its words and is longer: the best such table leads when it is near the top.
    private void PreferClassification(Dictionary<int, double> scores, QuestionCues cues, string question, int reach = ClassificationReach)
    {
        if (!cues.AsksWhichClass || scores.Count == 0) return;
        var order = scores.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).Take(reach).ToList();
        // The table of the scale the question names (重要度 → 別表1, 機密性 → 2(1)), or the best of them when it names none.
        var scale = ClassificationScales.FirstOrDefault(w => question.Contains(w, StringComparison.Ordinal));
        var tables = order.Where(d => features.Traits[d].Classifies).ToList();
        var table = tables.FirstOrDefault(d => scale is null || features.Index.Clauses[d].Text.Contains(scale, StringComparison.Ordinal), -1);
        if (table >= 0 && table != order[0]) scores[table] = scores[order[0]] * 1.02;
    }

    // How far down the table may be: the probabilities of a softmax are too steep for a ratio.
    private const int ClassificationReach = 3;

    // A part's scores mix the whole question's topic in, which pushes the table down: it may come from further down.
    private const int PartClassificationReach = 10;

    private static readonly string[] ClassificationScales = ["重要度", "機密性", "完全性", "可用性"];

    // 「スマホを盗まれたらどうすれば？」: what staff must do once something went wrong (report it: 5.3(1)①; the first
    // response to malware: 6.4(3)⑦) leads, whatever else the words match (4.4① 盗難防止, 6.2(2)⑤ 端末の貸与), unless
    // the best clause is itself the response to the same kind of event (6.1(22)④ アカウント乗っ取りを確認した場合には…
    // for a hijacked account; 6.4(3)⑦ 感染した場合 is no answer to a theft).
    private void PreferStaffResponse(Dictionary<int, double> scores, QuestionCues cues, string question)
    {
        if (!cues.AsksWhatToDoAfterEvent || scores.Count < 2) return;
        var order = scores.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();
        // …the response for this kind of event: 6.4(3)⑦ (infection) is no first response to a theft.
        var kinds = QuestionCues.BadEventKinds(question);
        var response = order.FirstOrDefault(d => features.Traits[d].StaffReports
            && QuestionCues.BadEventKinds(features.Index.Clauses[d].Text) is var own && (own.Count == 0 || own.Overlaps(kinds)), -1);
        if (response < 0 || response == order[0]) return;
        var top = features.Index.Clauses[order[0]].Text;
        if (QuestionCues.BadEventKinds(top).Overlaps(kinds) && top.Contains("場合", StringComparison.Ordinal)) return;
        scores[response] = scores[order[0]] * 1.02;
    }

    // 「HPに載ってる情報なら暗号化いらない？」「ふだんの業務の書類、捨てるとき記録いる？」 ask how a kind of
    // information is handled: the table of rules by kind (別表2) answers, though its rows share few words with the
    // question and clauses on disposal or encryption in general outscore it. It leads when it is among the candidates.
    private void PreferHandlingTable(Dictionary<int, double> scores, QuestionCues cues)
    {
        if (!cues.AsksHandlingOfKind || scores.Count == 0) return;
        var order = scores.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).Take(HandlingReach).ToList();
        var table = order.FirstOrDefault(d => features.Traits[d].HandlesByCategory, -1);
        if (table >= 0 && table != order[0]) scores[table] = scores[order[0]] * 1.02;
    }

    private const int HandlingReach = 10;

    // The whole question's scores, with the rules above applied.
    private Dictionary<int, double> WholeScores(string question, QuestionCues cues, AnswerContext? context)
    {
        var whole = Score(question, cues, context);
        // Scene-setting sentences around one question (「新採研修で聞かれた。…って何のため？」) lend it their words; the
        // part that asks leans the ranking a little towards its own.
        if (TheOneAsking(question) is { } asked) whole = PartScore(whole, question, asked, AskingPartExponent);
        PreferItems(whole, question);
        PreferAppointment(whole, question, cues);
        PreferClassification(whole, cues, question);
        PreferStaffResponse(whole, cues, question);
        PreferHandlingTable(whole, cues);
        return whole;
    }

    // Each part's scores (the whole question's topic mixed in) and the rank fusion of them all.
    private (List<Dictionary<int, double>> Parts, Dictionary<int, double> Fused) PartsOf(Dictionary<int, double> whole, string question,
        QuestionCues cues, AnswerContext? context, List<(string Text, string Focus, bool OwnAnswer)> subQueries)
    {
        // Enumerated parts share one topic: score it once.
        var topics = new Dictionary<string, Dictionary<int, double>>(StringComparer.Ordinal);
        var partScores = subQueries.Select(q => PartScore(
            q.Text == q.Focus ? whole : topics.TryGetValue(q.Text, out var t) ? t : topics[q.Text] = Score(q.Text, cues, context),
            question, q.Focus)).ToList();
        // Each part is read as if asked alone: a part that asks which class (重要度いくつ) or how a kind of information
        // is handled gets the table, as the same words asked on their own would.
        foreach (var (part, q) in partScores.Zip(subQueries).Where(p => p.Second.OwnAnswer))
        {
            var partCues = QuestionCues.Of(q.Focus);
            PreferClassification(part, partCues, q.Focus, PartClassificationReach);
            PreferHandlingTable(part, partCues);
        }
        return (partScores, Fuse(whole, partScores));
    }

    /// <summary>Training data for <see cref="PartFusion"/>: a multi-part question's candidates, or null for a question of one part.</summary>
    public List<FusionCandidate>? FusionCandidates(string question)
    {
        var cues = QuestionCues.Of(question);
        var subQueries = SubQueries(question);
        if (subQueries.Count < 2) return null;
        var whole = WholeScores(question, cues, null);
        var (parts, fused) = PartsOf(whole, question, cues, null, subQueries);
        return CandidatesOf(whole, parts, subQueries, fused);
    }

    private List<FusionCandidate> CandidatesOf(Dictionary<int, double> whole, List<Dictionary<int, double>> parts,
        List<(string Text, string Focus, bool OwnAnswer)> subQueries, Dictionary<int, double> fused) =>
        PartFusion.Candidates(whole, parts, subQueries.Select(q => q.OwnAnswer).ToList(), fused, features.LeadInOf);

    public IReadOnlyList<Citation> Retrieve(string question, AnswerContext? context = null, int top = 5)
    {
        var cues = QuestionCues.Of(question);
        var whole = WholeScores(question, cues, context);
        var subQueries = SubQueries(question);
        if (subQueries.Count < 2)
            return WithSlotsKept(whole.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).Take(top).ToList(), whole, question)
                .Select(d => new Citation(features.Index.Clauses[d], Math.Round(whole.GetValueOrDefault(d), 4))).ToList();
        var (partScores, fused) = PartsOf(whole, question, cues, context, subQueries);
        if (fusion is not null) fused = Refused(fusion, CandidatesOf(whole, partScores, subQueries, fused), fused);
        var ranked = fused.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();
        // The whole question's best leads (taken after the rules above, so a which-class question keeps its table); the
        // learned fusion orders the rest. Giving each part its own best clause first, as before the fusion was learned,
        // no longer changed how many multi-part questions get all their clauses (tuning: 0.801 either way).
        var chosen = new List<int>();
        if (whole.Count > 0) chosen.Add(whole.MaxBy(kv => kv.Value).Key);
        else if (ranked.Count > 0) chosen.Add(ranked[0]);
        // A part that asks who permits (誰の許可がいる, 誰が承認する) is answered by the rule that says whose permission
        // the act needs (…は、情報セキュリティ管理者の許可を得なければならない), which may sit elsewhere in the policy than
        // the measures: one slot goes to the best such clause for the part not yet chosen (v21: 2(2)⑧(イ) and 5.1(1)③(イ)).
        foreach (var (part, q) in partScores.Zip(subQueries))
        {
            if (chosen.Count >= top || !WhoPermits().IsMatch(JapaneseNormalizer.Widths(q.Focus))) continue;
            // …about the question's topic (the whole question's score), not any rule that says 許可 (6.1(17)② for 外部アクセス).
            double partMax = part.Values.DefaultIfEmpty(0).Max(), wholeMax = whole.Values.DefaultIfEmpty(0).Max();
            var best = part.Where(kv => features.Traits[kv.Key].Permits && !chosen.Contains(kv.Key) && whole.GetValueOrDefault(kv.Key) >= PermitTopicFloor * wholeMax)
                .Select(kv => (kv.Key, V: kv.Value * (features.Traits[kv.Key].StaffSubject ? PermitStaffLift : 1.0)))
                .Where(x => x.V >= PermitPartFloor * partMax).OrderByDescending(x => x.V).Select(x => x.Key).FirstOrDefault(-1);
            if (best >= 0) { chosen.Add(best); fused.TryAdd(best, 0); }
        }
        var head = chosen.Skip(1).OrderByDescending(d => fused[d]).ToList();
        var final = chosen.Take(1).Concat(head).Concat(ranked.Where(d => !chosen.Contains(d))).Take(top).ToList();
        return WithSlotsKept(final, whole, question).Select(d => new Citation(features.Index.Clauses[d], Math.Round(fused.GetValueOrDefault(d), 4))).ToList();
    }

    // 「ウイルスかも。まず何すれば？誰に報告？」: the part that asks whom to tell after something went wrong is answered by
    // the rule on what staff report and to whom (5.3(1)①), which its few words (誰に？) rarely reach. When no such rule
    // is among the first answers, the best one for this kind of event takes the last of them. A manager passing on a
    // report they received (部下から報告を受けました) asks about the next step up, which is another rule.
    private List<int> WithStaffReport(List<int> ranked, Dictionary<int, double> whole, string question)
    {
        var q = JapaneseNormalizer.Widths(question);
        if (ranked.Count < ShownAnswers || !TellsWhom().IsMatch(q) || ReportReceived().IsMatch(q)) return ranked;
        var kinds = QuestionCues.BadEventKinds(q);
        if ((kinds.Count == 0 && !WentWrong().IsMatch(q)) || ranked.Take(ShownAnswers).Any(d => features.Traits[d].StaffTells)) return ranked;
        var outsideCalled = OutsideCaller().IsMatch(q);
        bool Fits(int d) => (outsideCalled || !features.Traits[d].AnswersOutsideReport)
            && QuestionCues.BadEventKinds(features.Index.Clauses[d].Text) is var own && (own.Count == 0 || own.Overlaps(kinds));
        var response = Enumerable.Range(0, features.Index.Clauses.Count).Where(d => features.Traits[d].StaffTells && Fits(d))
            .OrderByDescending(d => whole.GetValueOrDefault(d)).ThenBy(d => d).FirstOrDefault(-1);
        return response < 0 ? ranked : InLastShownSlot(ranked, response);
    }

    private const int ShownAnswers = 5;

    // 「別表だと廃棄のやり方どう書いてある？」 names a table: the one numbered (別表2), or the best-scoring of them, is
    // among the answers even when its rows share few words with the question.
    private List<int> WithNamedTable(List<int> ranked, Dictionary<int, double> whole, string question)
    {
        var named = NamedTable().Match(JapaneseNormalizer.Widths(question));
        if (!named.Success || ranked.Count < ShownAnswers) return ranked;
        var tables = Enumerable.Range(0, features.Index.Clauses.Count)
            .Where(d => features.Index.Clauses[d].Id.StartsWith(named.Value, StringComparison.Ordinal)).ToList();
        return ShowingOneOf(ranked, whole, tables);
    }

    // 「業務外のサイト見てたらアウト？処分とかあるの？」: the part that asks what happens to the one who broke a rule is
    // answered by the section on discipline (懲戒処分等), which its few words rarely reach; its best clause takes the last
    // shown answer when none of that section is shown.
    private List<int> WithDiscipline(List<int> ranked, Dictionary<int, double> whole, string question)
    {
        if (ranked.Count < ShownAnswers || !AsksPunishment().IsMatch(JapaneseNormalizer.Widths(question))) return ranked;
        return ShowingOneOf(ranked, whole, _disciplineSection);
    }

    // The clauses under a heading on discipline, found once per index.
    private readonly List<int> _disciplineSection = Enumerable.Range(0, features.Index.Clauses.Count)
        .Where(d => features.Index.Clauses[d].HeadingPath.Any(h => h.Contains("懲戒", StringComparison.Ordinal))).ToList();

    [GeneratedRegex("懲戒|ペナルティ|罰則|罰せられ|始末書|処分(の)?(対象|対照)|処分(と|とか|は|って|も)?(ある|あん|あり|され|受け|くら|食ら|になる|なる|下る|くだる)|(どんな|何の|なんの)処分")]
    private static partial Regex AsksPunishment();

    /// <summary>The answers with the slots the question's own asks keep: whom to tell, a named table, discipline.</summary>
    private List<int> WithSlotsKept(List<int> ranked, Dictionary<int, double> whole, string question) =>
        WithDiscipline(WithNamedTable(WithStaffReport(ranked, whole, question), whole, question), whole, question);

    /// <summary><paramref name="ranked"/> as it is when one of <paramref name="clauses"/> is shown, else with the best of them in the last shown slot.</summary>
    private static List<int> ShowingOneOf(List<int> ranked, Dictionary<int, double> whole, List<int> clauses) =>
        clauses.Count == 0 || ranked.Take(ShownAnswers).Any(clauses.Contains)
            ? ranked
            : InLastShownSlot(ranked, clauses.OrderByDescending(d => whole.GetValueOrDefault(d)).ThenBy(d => d).First());

    /// <summary><paramref name="ranked"/> with <paramref name="clause"/> moved into the last of the shown answers.</summary>
    private static List<int> InLastShownSlot(List<int> ranked, int clause)
    {
        var result = ranked.Where(d => d != clause).ToList();
        result.Insert(ShownAnswers - 1, clause);
        return result.Take(ranked.Count).ToList();
    }

    [GeneratedRegex("別表[0-9]?")]
    private static partial Regex NamedTable();

    [GeneratedRegex("(誰|だれ|どなた|どこ)(か)?(に|へ)(は)?(言|い[うえ]|連絡|報告|相談|知らせ|伝え|上げ|あげ|[?？]|$)|報告(は|って)?(誰|だれ|どなた|どこ)|(報告|連絡)先")]
    private static partial Regex TellsWhom();

    // Said to have happened, of a kind the event patterns do not name (入れちゃった, 出続けてる…かも, のっとられた).
    [GeneratedRegex("ちゃっ|ちまっ|てしまっ|でしまっ|かも(しれ)?|っぽい|られた")]
    private static partial Regex WentWrong();

    // The rule for a report received from outside (5.3(2)① 住民等外部から報告を受けた場合) applies when someone outside called.
    [GeneratedRegex("市民|住民|外部の(人|方)|通報|問い合わせ|から(電話|連絡|メール)")]
    private static partial Regex OutsideCaller();

    [GeneratedRegex("(から|より)[^。]{0,20}(報告|連絡|相談)(を)?(受け|が(あ|来))|報告を受け")]
    private static partial Regex ReportReceived();

    /// <summary>Diagnostics: the top clauses of one part of a question.</summary>
    public IReadOnlyList<string> RankPart(string question, string focus, int top) =>
        PartScore(Score(question, QuestionCues.Of(question), null), question, focus).OrderByDescending(kv => kv.Value).Take(top).Select(kv => features.Index.Clauses[kv.Key].Id).ToList();

    // A part is answered by a clause about both the question's topic and the part's own words: the geometric mean
    // of the whole question's score and the part's score, so neither alone (暗号化 anywhere, USB without 記録) wins.
    private Dictionary<int, double> PartScore(Dictionary<int, double> whole, string question, string focus, double exponent = PartExponent)
    {
        var part = Score(focus, QuestionCues.Of(focus), null, focus, question);
        if (whole.Count == 0 || part.Count == 0) return part;
        double wFloor = whole.Values.Max() * 0.05, pFloor = part.Values.Max() * 0.05;
        return whole.Keys.Union(part.Keys).ToDictionary(d => d, d => Math.Pow(whole.GetValueOrDefault(d) + wFloor, 1 - exponent) * Math.Pow(part.GetValueOrDefault(d) + pFloor, exponent));
    }

    /// <summary>
    /// The parts of a multi-part question: enumerations (許可と暗号化と記録, 記録とか許可も, 消去のほかに), each scored with
    /// the rest of the question as its topic, or else sentences and clauses split at punctuation or あと/それと.
    /// </summary>
    public static List<(string Text, string Focus, bool OwnAnswer)> SubQueries(string question)
    {
        question = VoiceBreaks(JapaneseNormalizer.Widths(question));
        var parts = PartSeparator().Split(question).Select(p => p.Trim()).Where(p => Tokenizer.Tokenize(p).Count >= 2).ToList();
        var facets = new List<string>();
        var enumerating = 0;
        foreach (var part in parts)
        {
            var items = Enumeration().Matches(part).Select(m => m.Groups[1].Value).ToList();
            if (items.Count == 0) continue;
            var last = EnumerationTail().Match(part, part.LastIndexOf(items[^1], StringComparison.Ordinal) + items[^1].Length);
            if (last.Success) items.Add(last.Groups[1].Value);
            if (items.Distinct().Count() >= 2) { facets.AddRange(items.Distinct()); enumerating++; }
        }
        // 「まず誰に連絡する？そのあと課長とか署長はどこに上げるの？総務省まで報告はいく？」: an enumeration inside one of
        // three or more parts is that part's detail, not the question's parts.
        if (enumerating == 1 && parts.Count >= 3) facets.Clear();
        var result = new List<(string, string, bool)>();
        if (facets.Count >= 2)
        {
            var topic = JapaneseNormalizer.Widths(question);
            foreach (var f in facets) topic = topic.Replace(f, " ", StringComparison.Ordinal);
            result.AddRange(facets.Select(f => (topic, f, true)));
        }
        else if (parts.Count >= 2)
        {
            // Two or more parts that each ask something (a question mark, a question word, a question ending or a
            // noun that asks, like 許可とり先 or 保管期間) each need their own answer; a part that only sets the scene
            // (古いサーバをリース返却します, 出張先から持ち帰ったパソコン) is context and only helps the fusion.
            var pieces = Pieces(JapaneseNormalizer.Widths(question));
            var asking = pieces.Count(p => p.Asks);
            result.AddRange(pieces.Select(p => (p.Text, p.Text, asking >= 2 && p.Asks)));
        }
        return result;
    }

    // Voice input and quick typing leave no punctuation, only spaces between the sentences (「開いちゃった 画面が変 まず
    // 何すればいい 誰に言う」): there, a space between Japanese words ends a sentence.
    private static string VoiceBreaks(string text) => Punctuation().IsMatch(text) ? text : JapaneseSpace().Replace(text, "。");

    [GeneratedRegex("[。？?！!、\n]")]
    private static partial Regex Punctuation();

    [GeneratedRegex("(?<=[^\x00-\x7F])[ \u3000]+(?=[^\x00-\x7F])")]
    private static partial Regex JapaneseSpace();

    /// <summary>The one part that asks, in a message of scene-setting parts and one question (「新採研修で聞かれた。…って何のため？」).</summary>
    public static string? TheOneAsking(string question)
    {
        var pieces = Pieces(VoiceBreaks(JapaneseNormalizer.Widths(question)));
        if (pieces.Count < 2) return null;
        var asking = pieces.Where(p => p.Asks).ToList();
        return asking.Count == 1 ? asking[0].Text : null;
    }

    // The pieces of a message that say something (two or more terms), split at punctuation and あと/それと, each with
    // whether it asks: a question mark, a question word, a question ending or a noun that asks.
    private static List<(string Text, bool Asks)> Pieces(string text) =>
        PiecesWithMarks(text, PartSeparator()).Select(p => (Text: p.Text.Trim(), p.Mark)).Where(p => Tokenizer.Tokenize(p.Text).Count >= 2)
            .Select(p => (p.Text, p.Mark.Contains('?') || p.Mark.Contains('？') || AsksSomething().IsMatch(p.Text))).ToList();

    /// <summary>The sentences of a message that say something (two or more terms), split at sentence ends and あと/それと.</summary>
    public static IReadOnlyList<string> Sentences(string message) =>
        SentenceSeparator().Split(JapaneseNormalizer.Widths(message)).Select(p => p.Trim()).Where(p => Tokenizer.Tokenize(p).Count >= 2).ToList();

    private Dictionary<int, double> Score(string question, QuestionCues cues, AnswerContext? context, string? focus = null, string? topic = null) =>
        ranker.Probabilities(features.Extract(new RankingQuery(question, cues, context, focus, topic)).Candidates);

    // The learned fusion's order: its candidates by the model's score, above every other clause in the rank fusion's order.
    private static Dictionary<int, double> Refused(PartFusion model, List<FusionCandidate> candidates, Dictionary<int, double> fused)
    {
        var scored = candidates.ToDictionary(c => c.Clause, c => 1 + model.Score(c.Features));
        var max = fused.Values.DefaultIfEmpty(0).Max();
        return fused.ToDictionary(kv => kv.Key, kv => scored.TryGetValue(kv.Key, out var s) ? s : kv.Value / (max > 0 ? max : 1));
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

    // How much a part's own words count against the whole question's.
    private const double PartExponent = 0.5;

    // …and the one asking part's among scene-setting ones (0.5 lost 1.6 points of pooled hit@1, 0.2 gained 0.1).
    private const double AskingPartExponent = 0.2;

    [GeneratedRegex("何を|何が|何に|どんな|どういう|どのような|何について|内容|項目|一覧|全部|すべて|全て|何があ")]
    private static partial Regex AsksForList();


    // A part asking who permits or approves: 誰の許可がいる, 何の許可, 誰に申請, 誰が承認する.
    [GeneratedRegex("(誰|だれ|どなた|何|どこ|どの役職)(の|に|が|へ|から)?(許可|承認|申請|ok|OK|ＯＫ)|許可(を|は)?(誰|だれ)|(誰|だれ)が(許可|承認|決め)")]
    private static partial Regex WhoPermits();



    // A noun (kanji, katakana, ASCII) followed by と/とか/や/も/のほかに/以外に, e.g. 許可と, 記録とか, 消去のほかに.
    [GeneratedRegex("([\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z0-9ー]{2,})(?:とか|と|や|も|のほかに|の他に|以外に|及び|および)(?=[\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z])")]
    private static partial Regex Enumeration();

    // The last item of an enumeration, followed by a particle or the end (許可と暗号化と記録は…), not by ない/する (業務と関係ない).
    [GeneratedRegex("\\G(?:とか|と|や|も|のほかに|の他に|以外に|及び|および)?([\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z0-9ー]{2,})(?=は|も|が|を|って|など|とか|、|[？?]|$)")]
    private static partial Regex EnumerationTail();

    [GeneratedRegex("[？?！!。\n]|、?しかも|、?それと|、?あと、|、?ついでに")]
    private static partial Regex SentenceSeparator();

    private static List<(string Text, string Mark)> PiecesWithMarks(string text, Regex separator)
    {
        var pieces = new List<(string, string)>();
        var at = 0;
        foreach (Match m in separator.Matches(text))
        {
            pieces.Add((text[at..m.Index], m.Value));
            at = m.Index + m.Length;
        }
        pieces.Add((text[at..], ""));
        return pieces;
    }

    // A part that asks (matched on the lower-cased text): a question word, a question ending (…ですか, …いい, …っけ) or a noun that asks (…の要否, 許可とり先).
    [GeneratedRegex("誰(?!か)|だれ(?!か)|何(?!か)|なに(?!か)|なん(で|の)|どう|どこ|いつ|どの|どれ|どんな|どちら|どなた|いくつ|いくら|教えて|ご教示|(か|かな|の|っけ|いい|よい|ok|ng|ダメ|だめ|要る|いる|必要|ある|べき|アリ|あり|可能|できる|先|要否|有無|可否|基準|ルール|決まり|方法|手順|期間|頻度|担当|責任者|やること|すること)$")]
    private static partial Regex AsksSomething();

    [GeneratedRegex("[？?！!。、\n]|、?しかも|、?それと|、?あと、|、?ついでに|。また")]
    private static partial Regex PartSeparator();
}
