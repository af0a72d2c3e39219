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
            var text = string.IsNullOrWhiteSpace(options.PolicyPath) ? EmbeddedPolicy.ReadText() : File.ReadAllText(options.PolicyPath);
            var thesaurus = string.IsNullOrWhiteSpace(options.ThesaurusPath) ? Thesaurus.LoadEmbedded() : Thesaurus.Parse(File.ReadAllText(options.ThesaurusPath));
            var writer = options.Llm.Enabled ? SemanticKernelAnswerWriter.Create(options.Llm, sp.GetRequiredService<ILoggerFactory>()) : null;
            return new PolicyAnswerer(PolicyParser.Parse(text), thesaurus, ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value), writer, sp.GetRequiredService<ILogger<PolicyAnswerer>>());
        });
        services.TryAddSingleton<IPolicyAnswerer>(sp => sp.GetRequiredService<PolicyAnswerer>());
        return services;
    }
}
