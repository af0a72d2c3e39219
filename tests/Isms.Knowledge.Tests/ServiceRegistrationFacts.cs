using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Isms.Knowledge.Tests;

public class ServiceRegistrationFacts
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddIsmsKnowledge(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Defaults_UseTheEmbeddedPolicyAndNoLlm()
    {
        using var sp = Build([]);
        var answerer = sp.GetRequiredService<IPolicyAnswerer>();
        Assert.Equal(490, answerer.Document.Clauses.Count);
        var answer = await answerer.AnswerAsync("USBメモリの長期保管", null, CancellationToken.None);
        Assert.False(answer.FromLlm);
        Assert.False(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Llm.Enabled);
    }

    [Fact]
    public void PolicyPath_LoadsAnotherEdition()
    {
        using var sp = Build(new() { ["Knowledge:PolicyPath"] = TestData.PathOf("synthetic-edition.txt") });
        Assert.Equal("令和9年10月1日 改定", sp.GetRequiredService<IPolicyAnswerer>().Document.Edition);
    }

    [Theory]
    [InlineData("Knowledge:PolicyPath", "/nonexistent/policy.txt")]
    [InlineData("Knowledge:Llm:Enabled", "true")]
    public void InvalidSettings_FailValidation(string key, string value)
    {
        using var sp = Build(new() { [key] = value });
        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
    }

    [Fact]
    public void EnabledOllama_NeedsOnlyModelAndEndpoint()
    {
        using var sp = Build(new()
        {
            ["Knowledge:Llm:Enabled"] = "true",
            ["Knowledge:Llm:Provider"] = "Ollama",
            ["Knowledge:Llm:Endpoint"] = "http://localhost:11434/v1",
            ["Knowledge:Llm:Model"] = "qwen2.5",
        });
        Assert.Equal(LlmProvider.Ollama, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Llm.Provider);
        Assert.NotNull(sp.GetRequiredService<IPolicyAnswerer>());
    }
}
