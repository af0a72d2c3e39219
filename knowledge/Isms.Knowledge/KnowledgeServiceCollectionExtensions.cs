using System.Collections.Concurrent;
using Isms.Knowledge.Language;
using Isms.Knowledge.Llm;
using Isms.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IPolicyAnswerer"/> (a singleton: the index is built once) and binds section "Knowledge".</summary>
    public static IServiceCollection AddIsmsKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton<PolicyAnswerer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var writer = options.Llm.Enabled ? SemanticKernelAnswerWriter.Create(options.Llm, sp.GetRequiredService<ILoggerFactory>()) : null;
            var logger = sp.GetRequiredService<ILogger<PolicyAnswerer>>();
            if (string.IsNullOrWhiteSpace(options.PolicyPath) && string.IsNullOrWhiteSpace(options.ThesaurusPath))
            {
                var shipped = Shipped.GetOrAdd(options.MecabDictionary ?? "", dictionary => new Lazy<ShippedParts>(() => ShippedParts.Build(dictionary, logger))).Value;
                return new PolicyAnswerer(shipped.Document, shipped.Thesaurus, shipped.Procedures, shipped.Analyzer, writer, logger, shipped.Retriever);
            }
            var text = string.IsNullOrWhiteSpace(options.PolicyPath) ? EmbeddedPolicy.ReadText() : File.ReadAllText(options.PolicyPath);
            var thesaurus = string.IsNullOrWhiteSpace(options.ThesaurusPath) ? Thesaurus.LoadEmbedded() : Thesaurus.Parse(File.ReadAllText(options.ThesaurusPath));
            var analyzer = Morphology(options.MecabDictionary, logger);
            return new PolicyAnswerer(PolicyParser.Parse(text), thesaurus, ProcedureDetector.LoadEmbedded(analyzer), analyzer, writer, logger);
        });
        services.TryAddSingleton<IPolicyAnswerer>(sp => sp.GetRequiredService<PolicyAnswerer>());
        return services;
    }

    // The shipped edition and word lists are the same for every host in a process (the tests start over a hundred):
    // they are parsed and indexed once; each answerer still applies its own curations on top of the shared index.
    private static readonly ConcurrentDictionary<string, Lazy<ShippedParts>> Shipped = new(StringComparer.Ordinal);

    private sealed record ShippedParts(PolicyDocument Document, Thesaurus Thesaurus, IMorphologicalAnalyzer? Analyzer, ProcedureDetector Procedures, ClauseRetriever Retriever)
    {
        public static ShippedParts Build(string dictionary, ILogger logger)
        {
            var document = PolicyParser.Parse(EmbeddedPolicy.ReadText());
            var thesaurus = Thesaurus.LoadEmbedded();
            var analyzer = Morphology(dictionary, logger);
            var retriever = ClauseRetriever.Build(document, thesaurus, ClauseQuestions.LoadEmbedded(), analyzer);
            return new ShippedParts(document, thesaurus, analyzer, ProcedureDetector.LoadEmbedded(analyzer), retriever);
        }
    }

    private static IMorphologicalAnalyzer? Morphology(string? dictionary, ILogger logger)
    {
        if (string.Equals(dictionary, "none", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Dictionary forms are off (Knowledge:MecabDictionary=none): character bigrams alone");
            return null;
        }
        var analyzer = MecabAnalyzer.TryCreate(string.IsNullOrWhiteSpace(dictionary) ? null : dictionary, out var whyNot);
        if (analyzer is null)
            logger.LogWarning("MeCab is not available ({Reason}): answering with character bigrams alone", whyNot);
        else
            logger.LogInformation("Reading dictionary forms with {Analyzer}", analyzer.Name);
        return analyzer;
    }
}
