using System.Text.RegularExpressions;
using Isms.Knowledge.Language;

namespace Isms.Knowledge;

/// <summary>A procedure of the word table: a report (something happened) or a request (the person wants to do something).</summary>
public sealed record Procedure(string Key, string Name, bool IsReport, IReadOnlyList<string> ClauseIds);

/// <summary>
/// Reads from a message whether it asks for a procedure (knowledge/data/procedures.tsv): a report says something
/// happened, not "what if", in any tense and politeness (なくしました, なくしたかもしれません, 開いたら変な画面が出てる);
/// a request says the person wants or will do it or asks for the form (持ち出したい, 持っていきます, 様式ください), and a
/// question about the rules (持ち出すとき誰の許可がいる？) stays a question. Also tells the topics of other rules.
/// </summary>
public sealed partial class ProcedureDetector
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;
    private readonly List<(Procedure Procedure, Regex Topic, Regex? Cue)> _procedures = [];
    private readonly Dictionary<string, Regex> _cues = new(StringComparer.Ordinal);
    private readonly List<Regex> _outOfScope = [];
    private readonly List<Regex> _inScope = [];
    private readonly List<Regex> _howTo = [];
    private readonly List<Regex> _privateLife = [];
    private readonly List<Regex> _work = [];
    private readonly IMorphologicalAnalyzer? _analyzer;
    private KanaRespeller? _respeller;

    private ProcedureDetector(IMorphologicalAnalyzer? analyzer) => _analyzer = analyzer;

    /// <summary>This word table reading the policy's words typed in hiragana as their kanji too (わすれてきた).</summary>
    public ProcedureDetector WithRespeller(KanaRespeller respeller)
    {
        var copy = (ProcedureDetector)MemberwiseClone();
        copy._respeller = respeller;
        return copy;
    }

    public IEnumerable<Procedure> Procedures => _procedures.Select(p => p.Procedure);

    public static ProcedureDetector Parse(string tsv, IMorphologicalAnalyzer? analyzer = null)
    {
        var detector = new ProcedureDetector(analyzer);
        var cueSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        foreach (var cols in rows.Where(c => c[0] == "cue"))
        {
            if (cols.Length < 3) throw new FormatException($"A cue row needs a name and a pattern: {string.Join(' ', cols)}");
            cueSources[cols[1]] = cols[2];
            detector._cues[cols[1]] = new Regex(cols[2], Options);
        }
        foreach (var cols in rows.Where(c => c[0] != "cue"))
            switch (cols[0])
            {
                case "procedure" when cols.Length >= 7:
                    string Expand(string pattern) => CueReference().Replace(pattern, m => cueSources.TryGetValue(m.Groups[1].Value, out var s)
                        ? $"(?:{s})" : throw new FormatException($"Unknown cue @{m.Groups[1].Value} in {cols[1]}"));
                    var cue = cols[5] == "-" ? null : new Regex(Expand(cols[5]), Options);
                    var clauses = cols[6].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    detector._procedures.Add((new Procedure(cols[1], cols[2], cols[3] == "report", clauses), new Regex(Expand(cols[4]), Options), cue));
                    break;
                case "scope" when cols.Length >= 3 && detector.ScopeList(cols[1]) is { } list:
                    list.Add(TopicOf().Match(cols[2]) is { Success: true } named
                        ? detector._procedures.FirstOrDefault(p => p.Procedure.Key == named.Groups[1].Value).Topic
                            ?? throw new FormatException($"A scope row names the topic of {named.Groups[1].Value}, which no earlier procedure row defines.")
                        : new Regex(cols[2], Options));
                    break;
                default:
                    throw new FormatException($"Unknown word-table row: {string.Join(' ', cols)}");
            }
        foreach (var needed in new[] { "hypothetical", "conditional", "question", "request", "strong-request", "report-request", "relayed" })
            if (!detector._cues.ContainsKey(needed)) throw new FormatException($"The word table needs the cue row {needed}.");
        return detector;
    }

    // The scope rows by name: topics of other rules, security words, how-to, private life, ties to work.
    private List<Regex>? ScopeList(string name) => name switch
    {
        "OutOfScope" => _outOfScope,
        "InScope" => _inScope,
        "HowTo" => _howTo,
        "PrivateLife" => _privateLife,
        "Work" => _work,
        _ => null,
    };

    public static ProcedureDetector LoadEmbedded(IMorphologicalAnalyzer? analyzer = null) =>
        Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.ProceduresResource), analyzer);

    public Procedure? Find(string key) => _procedures.Select(p => p.Procedure).FirstOrDefault(p => p.Key == key);

    /// <summary>The procedure the message asks for, or null when it is a question (or nothing the table knows).</summary>
    public Procedure? Detect(string message)
    {
        var views = Views(message);
        // What someone else said (「パスワード確認させてください」って言われた) tells the topic, not what the sender asks.
        var ownWords = WithoutIntroductions(Quoted().Replace(message, "「」"));
        var ownViews = Views(ownWords);
        var strong = _cues["strong-request"].IsMatch(ownViews);
        // Only the words that ask to report turn a what-if or a relayed question into a report: an invitation or a
        // "please" for something else does not (「招待されたけど、BCCにしないとダメ？」).
        var reports = _cues["report-request"].IsMatch(ownViews);
        // 「自分のTeamsから変なメッセージが飛んでるって言われた」: being told of one's own account or device is one's own report.
        var relayed = _cues["relayed"].IsMatch(ownViews) && !Cue("own-affected", ownViews);
        // 「クラウド使いたい。扱う情報で手続き違う？」 asks in its first sentence: a request is a sentence that asks for
        // something without being a question itself.
        var sentences = Sentence().Matches(ownWords).Select(m => Views(m.Value)).ToList();
        var plainRequests = sentences.Where(s => _cues["request"].IsMatch(s) && !_cues["question"].IsMatch(s)).ToList();
        var asks = _cues["question"].IsMatch(ownViews);
        var question = plainRequests.Count == 0 && asks;
        // 「委託業者がサーバ室に入ります。…ノートPCを持ち込んで作業したいと言ってるけど、いいの？」: a sentence that only tells a plan (…ます)
        // about something else does not make the question that names the procedure a request for it; 「じゃあお願い」 does.
        var asksBeyondPlans = plainRequests.Any(s => _cues["request"].IsMatch(PoliteEnding().Replace(s, "")));
        bool AsksOnlyAbout(Regex topic) => asks && !asksBeyondPlans
            && !plainRequests.Any(topic.IsMatch)
            && sentences.Any(s => topic.IsMatch(s) && _cues["question"].IsMatch(s));
        // "もしUSBなくしたら…" or a question about a case ("漏えいした場合どこに報告するの") asks about the rule, unless
        // something happened outside the condition ("USB挿したら勝手に実行されちゃった。どうすれば？").
        var hypothetical = _cues["hypothetical"].IsMatch(ownViews)
            || (asks && _cues["conditional"].IsMatch(ownViews) && !HappenedOutsideConditions(ownWords));
        // 「あした会議にUSBで資料持ってく予定です なにすればいいですか」: someone who tells their own plan and asks what to do
        // next asks for the procedure; 「持ち出すときは何すればいい？」 asks about the rule.
        var asksNextStep = !hypothetical && Cue("next-step", ownViews) && Cue("own-plan", ownViews);
        // 「ベンダーとWebexでつなぐことになった。明後日の14時」 says what is planned and asks nothing: it asks for the form.
        var plansOnly = (Cue("plan", ownViews) && !asks) || asksNextStep;
        foreach (var (procedure, topic, cue) in _procedures)
        {
            if (!topic.IsMatch(views) || (cue is not null && !cue.IsMatch(ownViews) && (procedure.IsReport || !plansOnly))) continue;
            // 「持ち出しはもう出してあるので、…会議の申請を」: a procedure said to be done already is not the one asked for.
            if (SaidToBeDone(topic, message)) continue;
            // "USBをなくしたら誰に報告？" asks about the rule; "…持ち出すとき誰の許可がいる？" too, unless it also asks for the form.
            // A manager asking what to do with a report they received ("係員がUSBなくしたって…どう上げる？") asks a question.
            if (procedure.IsReport ? (hypothetical || (relayed && question)) && !reports : (question || AsksOnlyAbout(topic)) && !strong && !asksNextStep) continue;
            return procedure;
        }
        return null;
    }

    // 「CSIRT要員に任命された。漏えいとかあったら…？」: a sentence that says who the sender is or what role they were
    // given (a cue row "introduction") tells nothing that happened, unless it also names a report's topic.
    private string WithoutIntroductions(string message)
    {
        if (!_cues.TryGetValue("introduction", out var introduction)) return message;
        var reportTopics = _procedures.Where(p => p.Procedure.IsReport).Select(p => p.Topic).ToList();
        return string.Concat(Sentence().Matches(message).Select(m => m.Value).Where(sentence =>
        {
            var views = Views(sentence);
            return !introduction.IsMatch(views) || reportTopics.Any(t => t.IsMatch(views));
        }));
    }

    // Read on the view as typed, where 「…はもう出してある」 keeps its spelling.
    private bool SaidToBeDone(Regex topic, string message)
    {
        if (!_cues.TryGetValue("done", out var done)) return false;
        var typed = TextViews.Typed(message);
        var matches = topic.Matches(typed);
        return matches.Count > 0 && matches.All(m => done.IsMatch(typed.AsSpan(m.Index, Math.Min(m.Length + 20, typed.Length - m.Index))));
    }

    /// <summary>Diagnostics: the views of a message and which cues and topics match.</summary>
    public IEnumerable<string> Explain(string message)
    {
        var views = Views(message);
        yield return views;
        foreach (var (name, cue) in _cues) yield return $"cue {name}: {cue.Match(views).Value}";
        foreach (var (procedure, topic, cue) in _procedures)
            yield return $"{procedure.Key}: topic '{topic.Match(views).Value}' cue '{cue?.Match(views).Value}'";
    }

    /// <summary>The cue rows the sender's own words match and the procedures whose topic the message names, by name:
    /// what the procedure classifier reads of the word table.</summary>
    public IEnumerable<string> Signals(string message)
    {
        var views = Views(message);
        var ownViews = Views(WithoutIntroductions(Quoted().Replace(message, "「」")));
        foreach (var (name, cue) in _cues)
            if (cue.IsMatch(ownViews)) yield return "cue:" + name;
        foreach (var (procedure, topic, _) in _procedures)
            if (topic.IsMatch(views)) yield return "topic:" + procedure.Key;
    }

    /// <summary>True when the message is about a topic another set of rules covers (leave, pay, toner, parking…).</summary>
    public bool MentionsOutOfScopeTopic(string message) => AnyMatches(_outOfScope, message);

    /// <summary>True when the message names something the policy is about (passwords, devices, mail, data…).</summary>
    public bool MentionsSecurityTopic(string message) => AnyMatches(_inScope, message);

    /// <summary>True when the message asks how to operate something (やり方, 使い方, 設定方法…).</summary>
    public bool AsksHowToOperate(string message) => AnyMatches(_howTo, message);

    /// <summary>True when the message is about the sender's private life (a home router, a private SNS account, a
    /// family member's phone) and says nothing of work: the policy governs the union's information, not that.</summary>
    public bool IsAboutPrivateLifeOnly(string message) => AnyMatches(_privateLife, message) && !AnyMatches(_work, message);

    // The scope lists read the typed and katakana views only: a dictionary form would widen them.
    private static bool AnyMatches(List<Regex> patterns, string message)
    {
        var views = TextViews.Of(message, null);
        return patterns.Any(r => r.IsMatch(views));
    }

    private bool Cue(string name, string views) => _cues.TryGetValue(name, out var cue) && cue.IsMatch(views);

    private string Views(string text) => TextViews.Of(text, _analyzer, _respeller);

    // A sentence that says something happened, not inside a condition (…したら) and not itself a question.
    private bool HappenedOutsideConditions(string message) =>
        Sentence().Matches(message).Select(m => Views(ConditionClause().Replace(m.Value, "")))
            .Any(v => _cues["happened"].IsMatch(v) && !_cues["question"].IsMatch(v));

    [GeneratedRegex("[^、。]*?((?<!どうし|何し|なにし)たら|(?<!どうす|何す|なにす)れば|場合|とき|時|ケース|(?<!どう)なら)(は|って|に|の|で|が)?")]
    private static partial Regex ConditionClause();

    [GeneratedRegex("ます(?=[。!！…、\n]|$)")]
    private static partial Regex PoliteEnding();

    // A sentence with its end mark, so a question keeps its question mark.
    [GeneratedRegex("[^。！!？?\n]+[。！!？?\n]*")]
    private static partial Regex Sentence();

    [GeneratedRegex("「[^「」]*」")]
    private static partial Regex Quoted();

    [GeneratedRegex("@([a-z-]+)")]
    private static partial Regex CueReference();

    // A scope row「scope	InScope	topic-of:cloud_use_request」 reuses that procedure's topic (the cloud products it names).
    [GeneratedRegex("^topic-of:([a-z_]+)$")]
    private static partial Regex TopicOf();
}
