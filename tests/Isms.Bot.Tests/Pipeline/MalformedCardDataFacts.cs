using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>Card data is untrusted JSON: values of the wrong type get a plain Japanese answer, never a turn error.</summary>
public sealed class MalformedCardDataFacts : TempDataDirectory
{
    public static TheoryData<string> Payloads() => new()
    {
        """{"isms":{"nested":1}}""",
        """{"isms":["form"]}""",
        """{"isms":"command","command":["ヘルプ"]}""",
        """{"isms":"clause","id":{"x":"5.1"}}""",
        """{"isms":"feedback","answer":["0123456789abcdef0123456789abcdef"],"helpful":"yes"}""",
        """{"isms":"withdraw","record":["abc"],"step":{"confirm":true}}""",
        """{"isms":"reopen","record":{"id":"abc"}}""",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task WrongTypes_AreDeclinedPolitely(string payload)
    {
        using var host = BotHost.Start(DataDirectory);

        var (status, replies) = await PostAsync(host.Client, CardSubmit(Yamada, JsonNode.Parse(payload)!.AsObject()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(host.Logs, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(Texts(replies), t => t.Contains("エラー", StringComparison.Ordinal) && t.Contains("申し訳", StringComparison.Ordinal));
    }
}
