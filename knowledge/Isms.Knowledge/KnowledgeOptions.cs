using Microsoft.Extensions.Options;

namespace Isms.Knowledge;

public enum LlmProvider { OpenAI, AzureOpenAI, Ollama }

/// <summary>Configuration section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>A 対策基準 text file; empty means the copy embedded in the assembly.</summary>
    public string? PolicyPath { get; set; }

    /// <summary>A thesaurus TSV file; empty means the embedded knowledge/data/thesaurus.tsv.</summary>
    public string? ThesaurusPath { get; set; }

    /// <summary>MeCab's IPA dictionary folder: empty finds the one Debian/Ubuntu install (mecab-ipadic-utf8), "none"
    /// turns dictionary forms off (character bigrams alone, with the weights trained for that).</summary>
    public string? MecabDictionary { get; set; }

    public LlmOptions Llm { get; set; } = new();
}

/// <summary>Optional LLM that phrases answers from the retrieved clauses; off by default.</summary>
public sealed class LlmOptions
{
    public bool Enabled { get; set; }
    public LlmProvider Provider { get; set; } = LlmProvider.OpenAI;

    /// <summary>Required for AzureOpenAI and Ollama (e.g. http://localhost:11434/v1); optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name, or the deployment name for Azure OpenAI.</summary>
    public string? Model { get; set; }

    public string? ApiKey { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
}

internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PolicyPath) && !File.Exists(options.PolicyPath))
            errors.Add($"Knowledge:PolicyPath '{options.PolicyPath}' does not exist.");
        if (!string.IsNullOrWhiteSpace(options.ThesaurusPath) && !File.Exists(options.ThesaurusPath))
            errors.Add($"Knowledge:ThesaurusPath '{options.ThesaurusPath}' does not exist.");
        var llm = options.Llm;
        if (llm.Enabled)
        {
            if (string.IsNullOrWhiteSpace(llm.Model)) errors.Add("Knowledge:Llm:Model is required when the LLM is enabled.");
            if (llm.Provider != LlmProvider.OpenAI && !Uri.TryCreate(llm.Endpoint, UriKind.Absolute, out _))
                errors.Add($"Knowledge:Llm:Endpoint must be an absolute URL for {llm.Provider}.");
            if (llm.Provider != LlmProvider.Ollama && string.IsNullOrWhiteSpace(llm.ApiKey))
                errors.Add($"Knowledge:Llm:ApiKey is required for {llm.Provider}.");
            if (llm.TimeoutSeconds is < 1 or > 300) errors.Add("Knowledge:Llm:TimeoutSeconds must be between 1 and 300.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
