using Isms.Knowledge.Answers;
using Isms.Knowledge.Language;
using Isms.Knowledge.Ranking;
using Isms.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isms.Knowledge;

/// <summary>Answers staff questions from the policy, offline; an optional <see cref="IAnswerWriter"/> may phrase the summary.</summary>
public sealed class PolicyAnswerer : IPolicyAnswerer
{
    private readonly Thesaurus _thesaurus;
    private readonly ClauseQuestions _questions;
    private readonly IMorphologicalAnalyzer? _analyzer;
    // Swapped whole when a curation is applied; a question in flight keeps the retriever it started with.
    private volatile Curated _current;
    private readonly ProcedureDetector _procedures;
    private readonly ScopeClassifier _scope;
    private readonly ProcedureClassifier _classifier;
    private readonly KanaRespeller? _respeller;
    private readonly IAnswerWriter? _writer;
    private readonly ILogger _logger;

    private sealed record Curated(ClauseRetriever Retriever, IReadOnlyDictionary<string, IReadOnlyList<string>> Pins);

    public PolicyAnswerer(PolicyDocument document, Thesaurus thesaurus, ProcedureDetector procedures, IAnswerWriter? writer = null, ILogger<PolicyAnswerer>? logger = null)
        : this(document, thesaurus, procedures, DefaultAnalyzer.Value, writer, logger)
    {
    }

    /// <param name="analyzer">Dictionary forms of words (MeCab), or null for character bigrams alone.</param>
    /// <param name="built">The index of exactly these document, thesaurus, shipped clause questions and analyzer, when
    /// it is already built (shared by the hosts of one process); null builds it.</param>
    public PolicyAnswerer(PolicyDocument document, Thesaurus thesaurus, ProcedureDetector procedures, IMorphologicalAnalyzer? analyzer, IAnswerWriter? writer, ILogger<PolicyAnswerer>? logger,
        ClauseRetriever? built = null)
    {
        Document = document;
        _thesaurus = thesaurus;
        _questions = ClauseQuestions.LoadEmbedded();
        _analyzer = analyzer;
        _current = new Curated(built ?? ClauseRetriever.Build(document, thesaurus, _questions, analyzer), new Dictionary<string, IReadOnlyList<string>>());
        _scope = ScopeClassifier.LoadEmbedded(withWords: analyzer is not null);
        _classifier = ProcedureClassifier.LoadEmbedded(withWords: analyzer is not null);
        _respeller = analyzer is null ? null
            : KanaRespeller.Build(analyzer, document.Clauses.Select(c => string.Join(' ', c.HeadingPath) + " " + c.Text), _questions.All.Select(q => q.Question));
        _procedures = _respeller is null ? procedures : procedures.WithRespeller(_respeller);
        _writer = writer;
        _logger = logger ?? NullLogger<PolicyAnswerer>.Instance;
        var orphans = _questions.Orphans(document);
        if (orphans.Count > 0)
            _logger.LogWarning("{Count} clause ids of the shipped staff questions are not in this edition: {Ids}", orphans.Count, string.Join(", ", orphans.Take(20)));
    }

    public CurationResult Apply(Curation curation)
    {
        var (thesaurus, questions, pins, result) = CurationMerge.Apply(curation, Document, _thesaurus, _questions);
        _current = new Curated(ClauseRetriever.Build(Document, thesaurus, questions, _analyzer), pins);
        return result;
    }

    /// <summary>The shipped edition with the shipped thesaurus and intent rules.</summary>
    public static PolicyAnswerer CreateDefault(IAnswerWriter? writer = null) =>
        new(PolicyParser.Parse(EmbeddedPolicy.ReadText()), Thesaurus.LoadEmbedded(), ProcedureDetector.LoadEmbedded(DefaultAnalyzer.Value), writer);

    /// <summary>MeCab on the machine's IPA dictionary when installed; otherwise none (bigrams alone).</summary>
    public static readonly Lazy<IMorphologicalAnalyzer?> DefaultAnalyzer = new(() => MecabAnalyzer.TryCreate(null, out _));

    public PolicyDocument Document { get; }

    /// <summary>The message as the answerer reads it: hiragana spellings of the policy's words in kanji.</summary>
    public string Respell(string message) => _respeller?.Respell(message) ?? message;

    public ClauseRetriever Retriever => _current.Retriever;

    /// <summary>The word table as this answerer reads it (with the respeller of its texts when MeCab is installed).</summary>
    public ProcedureDetector Procedures => _procedures;

    /// <summary>Diagnostics: how the scope classifier reads a question: its probability of being about the policy, the
    /// threshold, and the features it read.</summary>
    public (double Probability, double Threshold, ScopeInput Input) ReadScope(string question)
    {
        var input = DescribeScope(Respell(question), _current.Retriever.Features);
        return (_scope.Probability(input), _scope.Threshold, input);
    }

    public async Task<PolicyAnswer> AnswerAsync(string question, AnswerContext? context, CancellationToken cancellationToken)
    {
        var offline = AnswerOffline(question, context);
        if (_writer is null || offline.Intent == PolicyIntent.OutOfScope || offline.Citations.Count == 0) return offline;
        var written = await _writer.TryWriteAsync(question, offline.Citations, Document, cancellationToken).ConfigureAwait(false);
        if (written is null) return offline;
        var retrieved = offline.Citations.Select(c => c.Clause.Id).ToHashSet();
        if (written.CitedIds.Count == 0 || !written.CitedIds.All(retrieved.Contains))
        {
            _logger.LogWarning("LLM answer cited clauses that were not retrieved; using the offline answer");
            return offline;
        }
        return offline with { Summary = AnswerText.WithEdition(written.Summary, Document), FromLlm = true };
    }

    /// <summary>The answer without any LLM: intent, cited clauses and a summary built from them.</summary>
    public PolicyAnswer AnswerOffline(string question, AnswerContext? context)
    {
        ArgumentNullException.ThrowIfNull(question);
        // 「じょうほうセキュリティかんりしゃ」 is looked up as 情報セキュリティ管理者.
        var query = Respell(question);
        var features = ReadProcedure(question);
        var table = _procedures.Detect(question);
        if (DetectProcedure(table, features) is { } procedure)
        {
            var formClauses = procedure.ClauseIds.Select(Document.FindClause).OfType<Clause>().Select(c => new Citation(c, 1.0));
            var retrieved = _current.Retriever.Retrieve(query, context);
            var citations = formClauses.Concat(retrieved).DistinctBy(c => c.Clause.Id).Take(5).ToList();
            return Build(PolicyIntent.Procedure, AnswerText.FormOffer(procedure, citations, Document), citations) with
            {
                Procedure = procedure,
                ReportClauses = procedure.IsReport ? _classifier.ReportClauses(features) : [],
            };
        }
        var current = _current;
        // A phrasing the 統括 or the 窓口 pinned to clauses is answered by them, first.
        var pinned = current.Pins.TryGetValue(CurationMerge.PinKey(question), out var ids)
            ? ids.Select(Document.FindClause).OfType<Clause>().Select(c => new Citation(c, 1.0)).ToList()
            : [];
        var isFollowUp = context is { PreviousQuestion.Length: > 0 } && QuestionCues.Of(question).LooksLikeFollowUp;
        if (!isFollowUp && pinned.Count == 0 && OutOfScopeAsRead(query))
            return Build(PolicyIntent.OutOfScope, AnswerText.OutOfScope(Document, _procedures.IsAboutPrivateLifeOnly(query)), []);
        var found = pinned.Concat(current.Retriever.Retrieve(query, context)).DistinctBy(c => c.Clause.Id).Take(5).ToList();
        if (found.Count == 0) return Build(PolicyIntent.OutOfScope, AnswerText.OutOfScope(Document), []);
        var conclusion = ConclusionWriter.Write(found, Document, QuestionCues.Of(question).AsksPermission,
            question + " " + string.Join(" ", current.Retriever.Features.Terms.Thesaurus.Expand(question)));
        var offered = _classifier.PossibleReport(features, key => _procedures.Find(key)?.IsReport == true) is { } report ? _procedures.Find(report)
            : table is not null && AsksAround(table, features) ? table : null;
        return Build(PolicyIntent.Answer, AnswerText.Summarize(conclusion, found, Document), found) with
        {
            Conclusion = conclusion,
            OfferedProcedure = offered,
            ReportClauses = offered is { IsReport: true } ? _classifier.ReportClauses(features) : [],
        };
    }

    /// <summary>The procedure the message asks for: the word table's reading, checked by the procedure classifier. A
    /// message the table reads as a question starts the report a model is sure of (「ロッカー開けたら公用携帯が入ってなかった」),
    /// or the request a model is sure of when the message asks nothing; a form the table starts is dropped when its
    /// model finds the message very unlike that form's messages (a report at a lower level than a request).</summary>
    public Procedure? DetectProcedure(string message) => DetectProcedure(_procedures.Detect(message), ReadProcedure(message));

    // table: the word table's reading of the message, read once by the caller.
    private Procedure? DetectProcedure(Procedure? table, IReadOnlyList<string> features)
    {
        // A report is dropped only when its model is surer still: a false alarm costs one card, a missed report an incident.
        if (table is not null) return _classifier.Doubts(table.Key, features, table.IsReport) || AsksAround(table, features) ? null : table;
        return _classifier.SuggestForQuestion(features, key => _procedures.Find(key)?.IsReport == true) is { } key ? _procedures.Find(key) : null;
    }

    /// <summary>A report the table reads in a message that asks leave (「ポップアップうざいから通知オフにしちゃっていい？」),
    /// which its model would not start on its own: a question about a rule, answered with the report offered.</summary>
    private bool AsksLeaveAround(Procedure table, IReadOnlyList<string> features) =>
        table.IsReport && ProcedureClassifier.AsksPermission(features) && !_classifier.IsSure(table.Key, features);

    /// <summary>A report the sender asks leave around (see <see cref="AsksLeaveAround"/>), or a report or request the table
    /// reads in a message that asks about the rules around it (「持ち出すのと外で作業すんのって許可べつべつ？」), which its
    /// model doubts: answered, with the form offered.</summary>
    private bool AsksAround(Procedure table, IReadOnlyList<string> features) =>
        AsksLeaveAround(table, features) || _classifier.DoubtsAsked(table.Key, features, table.IsReport);

    /// <summary>Diagnostics: each form model's probability that the message asks for its form, and each report clause
    /// model's that a report needs that clause's first response.</summary>
    public IReadOnlyDictionary<string, double> ProcedureProbabilities(string message)
    {
        var features = ReadProcedure(message);
        return _classifier.Models.Concat(_classifier.ReportClauseModels).ToDictionary(m => m.Key, m => m.Value.Probability(features));
    }

    private IReadOnlyList<string> ReadProcedure(string message) => ProcedureClassifier.Describe(message, _procedures, _analyzer);

    /// <summary>Whether the scope classifier takes the message for something the policy does not cover.</summary>
    public bool IsOutOfScope(string message) => OutOfScopeAsRead(Respell(message));

    // A score threshold cannot tell toner from telework: a classifier learned from in-scope and off-topic questions does.
    // A message of several questions is in scope when any of them is: a long message dilutes what the policy knows of it.
    private bool OutOfScopeAsRead(string question)
    {
        var features = _current.Retriever.Features;
        bool OutOfScope(string text) => !_scope.InScope(DescribeScope(text, features));
        if (!OutOfScope(question)) return false;
        if (question.Length < LongMessage) return true;
        var sentences = ClauseRetriever.Sentences(question);
        return sentences.Count < 2 || sentences.All(OutOfScope);
    }

    private const int LongMessage = 80;

    private ScopeInput DescribeScope(string text, RankingFeatures features) =>
        ScopeClassifier.Describe(text, features, features.Extract(RankingQuery.Of(text)), _procedures);

    private PolicyAnswer Build(PolicyIntent intent, string summary, IReadOnlyList<Citation> citations) =>
        new(intent, summary, citations, Document.Title, Document.Edition, FromLlm: false);
}
