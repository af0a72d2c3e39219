using Isms.Knowledge.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Isms.Knowledge.Tests;

public class LlmFallbackFacts
{
    private const string Question = "テレワークしたいけど許可いる？";

    private static PolicyAnswerer WithChat(IChatCompletionService chat, double timeoutSeconds = 5) =>
        new(TestData.Document, Retrieval.Thesaurus.LoadEmbedded(), ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value),
            new SemanticKernelAnswerWriter(chat, TimeSpan.FromSeconds(timeoutSeconds), NullLogger<SemanticKernelAnswerWriter>.Instance));

    [Fact]
    public async Task AnswerCitingRetrievedClauses_IsUsed()
    {
        var answer = await WithChat(new FakeChat(_ => "情報セキュリティ管理者の許可が必要です [5.1(1)③(ウ)]")).AnswerAsync(Question, null, CancellationToken.None);
        Assert.True(answer.FromLlm);
        Assert.StartsWith("情報セキュリティ管理者の許可が必要です", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCitingAClauseNotRetrieved_FallsBackToOffline()
    {
        var answer = await WithChat(new FakeChat(_ => "CISOの許可が必要です [9.3]")).AnswerAsync(Question, null, CancellationToken.None);
        Assert.False(answer.FromLlm);
        Assert.Equal(TestAnswerer.Offline.AnswerOffline(Question, null).Summary, answer.Summary);
    }

    [Fact]
    public async Task Timeout_FallsBackToOffline()
    {
        var slow = new FakeChat(_ => "遅い回答 [5.1(1)③(ウ)]", delay: TimeSpan.FromSeconds(30));
        var answer = await WithChat(slow, timeoutSeconds: 1).AnswerAsync(Question, null, CancellationToken.None);
        Assert.False(answer.FromLlm);
        Assert.Equal("5.1(1)③(ウ)", answer.Citations[0].Clause.Id);
    }

    [Fact]
    public async Task Error_FallsBackToOffline()
    {
        var answer = await WithChat(new FakeChat(_ => throw new HttpRequestException("boom"))).AnswerAsync(Question, null, CancellationToken.None);
        Assert.False(answer.FromLlm);
        Assert.Contains("5.1(1)③(ウ)", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScope_NeverCallsTheModel()
    {
        var chat = new FakeChat(_ => "何か [1(1)①]");
        var answer = await WithChat(chat).AnswerAsync("有給の残り日数は？", null, CancellationToken.None);
        Assert.Equal(PolicyIntent.OutOfScope, answer.Intent);
        Assert.Equal(0, chat.Calls);
    }

    [Fact]
    public async Task Prompt_ContainsOnlyTheRetrievedClauses()
    {
        var chat = new FakeChat(_ => "回答 [5.1(1)③(ウ)]");
        await WithChat(chat).AnswerAsync(Question, null, CancellationToken.None);
        Assert.Contains("[5.1(1)③(ウ)]", chat.LastPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("[9.3]", chat.LastPrompt, StringComparison.Ordinal);
    }

    // The model only phrases the answer: which clauses, which procedure and what is declined stay the offline
    // answerer's, so the evaluation figures with a model are never below those without one.
    [Fact]
    public async Task WithAModel_TheEvaluationFiguresAreTheOfflineOnes()
    {
        var questions = Evaluation.Evaluator.Load(TestData.PathOf("visible.jsonl"));
        var chat = new FakeChat(history => "はい。" + string.Concat(System.Text.RegularExpressions.Regex.Matches(history[^1].Content ?? "", @"^\[[^\]]+\]", System.Text.RegularExpressions.RegexOptions.Multiline).Take(1).Select(m => m.Value)));
        var (_, withModel) = await Evaluation.Evaluator.RunAsync(WithChat(chat), questions);
        var (_, offline) = await Evaluation.Evaluator.RunAsync(TestAnswerer.Offline, questions);
        Assert.True(chat.Calls > 0);
        Assert.Equal(offline, withModel);
    }

    private sealed class FakeChat(Func<ChatHistory, string> reply, TimeSpan? delay = null) : IChatCompletionService
    {
        public int Calls { get; private set; }
        public string LastPrompt { get; private set; } = "";
        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastPrompt = chatHistory[^1].Content ?? "";
            if (delay is { } d) await Task.Delay(d, cancellationToken);
            return [new ChatMessageContent(AuthorRole.Assistant, reply(chatHistory))];
        }

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
