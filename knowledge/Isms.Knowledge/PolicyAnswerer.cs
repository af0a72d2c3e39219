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
    private readonly ClauseRetriever _retriever;
    private readonly ProcedureDetector _procedures;
    private readonly ScopeClassifier _scope;
    private readonly IAnswerWriter? _writer;
    private readonly ILogger _logger;

    public PolicyAnswerer(PolicyDocument document, Thesaurus thesaurus, ProcedureDetector procedures, IAnswerWriter? writer = null, ILogger<PolicyAnswerer>? logger = null)
        : this(ClauseRetriever.Build(document, thesaurus, ClauseQuestions.LoadEmbedded(), DefaultAnalyzer.Value), document, thesaurus, procedures, writer, logger)
    {
    }

    public PolicyAnswerer(ClauseRetriever retriever, PolicyDocument document, Thesaurus thesaurus, ProcedureDetector procedures, IAnswerWriter? writer = null, ILogger<PolicyAnswerer>? logger = null)
    {
        Document = document;
        _scope = ScopeClassifier.LoadEmbedded(withWords: retriever.Index.Analyzer is not null);
        _procedures = procedures;
        _retriever = retriever;
        _writer = writer;
        _logger = logger ?? NullLogger<PolicyAnswerer>.Instance;
    }

    /// <summary>The shipped edition with the shipped thesaurus and intent rules.</summary>
    public static PolicyAnswerer CreateDefault(IAnswerWriter? writer = null) =>
        new(PolicyParser.Parse(EmbeddedPolicy.ReadText()), Thesaurus.LoadEmbedded(), ProcedureDetector.LoadEmbedded(DefaultAnalyzer.Value), writer);

    /// <summary>MeCab on the machine's IPA dictionary when installed; otherwise none (bigrams alone).</summary>
    public static readonly Lazy<IMorphologicalAnalyzer?> DefaultAnalyzer = new(() => MecabAnalyzer.TryCreate(null, out _));

    public PolicyDocument Document { get; }

    public ClauseRetriever Retriever => _retriever;

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
        if (_procedures.Detect(question) is { } procedure)
        {
            var formClauses = procedure.ClauseIds.Select(Document.FindClause).OfType<Clause>().Select(c => new Citation(c, 1.0));
            var retrieved = _retriever.Retrieve(question, context);
            var citations = formClauses.Concat(retrieved).DistinctBy(c => c.Clause.Id).Take(5).ToList();
            return Build(PolicyIntent.Procedure, AnswerText.FormOffer(procedure, citations, Document), citations) with { Procedure = procedure };
        }
        var isFollowUp = context is { PreviousQuestion.Length: > 0 } && QuestionCues.Of(question).LooksLikeFollowUp;
        if (!isFollowUp && IsOutOfScope(question))
            return Build(PolicyIntent.OutOfScope, AnswerText.OutOfScope(Document), []);
        var found = _retriever.Retrieve(question, context);
        if (found.Count == 0) return Build(PolicyIntent.OutOfScope, AnswerText.OutOfScope(Document), []);
        var conclusion = ConclusionWriter.Write(found, Document, QuestionCues.Of(question).AsksPermission);
        return Build(PolicyIntent.Answer, AnswerText.Summarize(conclusion, found, Document), found) with { Conclusion = conclusion };
    }

    // A score threshold cannot tell toner from telework: a classifier learned from in-scope and off-topic questions does.
    private bool IsOutOfScope(string question)
    {
        var features = _retriever.Features;
        return !_scope.InScope(ScopeClassifier.Describe(question, features, features.Extract(RankingQuery.Of(question)), _procedures));
    }

    private PolicyAnswer Build(PolicyIntent intent, string summary, IReadOnlyList<Citation> citations) =>
        new(intent, summary, citations, Document.Title, Document.Edition, FromLlm: false);
}
