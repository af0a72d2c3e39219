using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Isms.Knowledge.Llm;

/// <summary>Writes the short answer with a chat model through Semantic Kernel, from the retrieved clauses only.</summary>
public sealed partial class SemanticKernelAnswerWriter(IChatCompletionService chat, TimeSpan timeout, ILogger<SemanticKernelAnswerWriter> logger) : IAnswerWriter
{
    private const string Instructions =
        "あなたは消防組合の情報セキュリティ対策基準について職員の質問に答えるアシスタントです。" +
        "与えられた条項だけを根拠に、日本語で2〜3文の短い回答を書いてください。" +
        "根拠にした条項は必ず [条項ID] の形で示してください。与えられていない条項や推測は書かないでください。";

    /// <summary>Builds the chat service for OpenAI, Azure OpenAI or a local Ollama (its OpenAI-compatible endpoint).</summary>
    // The custom-endpoint constructor is marked experimental (SKEXP0010); it is how Ollama's OpenAI-compatible API is reached.
#pragma warning disable SKEXP0010
    public static SemanticKernelAnswerWriter Create(LlmOptions options, ILoggerFactory loggerFactory)
    {
        IChatCompletionService chat = options.Provider switch
        {
            LlmProvider.AzureOpenAI => new AzureOpenAIChatCompletionService(options.Model!, options.Endpoint!, options.ApiKey!, loggerFactory: loggerFactory),
            LlmProvider.Ollama => new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint!), options.ApiKey ?? "ollama", loggerFactory: loggerFactory),
            _ when !string.IsNullOrWhiteSpace(options.Endpoint) => new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint), options.ApiKey, loggerFactory: loggerFactory),
            _ => new OpenAIChatCompletionService(options.Model!, options.ApiKey!, loggerFactory: loggerFactory),
        };
        return new SemanticKernelAnswerWriter(chat, TimeSpan.FromSeconds(options.TimeoutSeconds), loggerFactory.CreateLogger<SemanticKernelAnswerWriter>());
    }
#pragma warning restore SKEXP0010

    public async Task<WrittenAnswer?> TryWriteAsync(string question, IReadOnlyList<Citation> retrieved, PolicyDocument document, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(Instructions);
        var prompt = new StringBuilder();
        prompt.AppendLine($"文書: {document.Title}（{document.Edition}）");
        foreach (var c in retrieved) prompt.AppendLine($"[{c.Clause.Id}] {string.Join(" > ", c.Clause.HeadingPath)}: {c.Clause.Text}");
        prompt.AppendLine().Append("質問: ").Append(question);
        history.AddUserMessage(prompt.ToString());

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, cancellationToken: timeoutSource.Token).ConfigureAwait(false);
            var text = reply.Content?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            var ids = CitedId().Matches(text).Select(m => ClauseId.Normalize(m.Groups[1].Value) ?? m.Groups[1].Value).Distinct().ToList();
            return new WrittenAnswer(text, ids);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("LLM answer timed out after {TimeoutSeconds} s; using the offline answer", timeout.TotalSeconds);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("LLM answer failed ({ErrorType}); using the offline answer", ex.GetType().Name);
            return null;
        }
    }

    [GeneratedRegex(@"[\[［]([^\]］]{1,24})[\]］]")]
    private static partial Regex CitedId();
}
