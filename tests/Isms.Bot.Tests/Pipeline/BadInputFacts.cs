using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

public sealed class BadInputFacts : TempDataDirectory
{
    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2,3]", "not a JSON object")]
    [InlineData("{\"text\":\"hello\"}", "no type")]
    public async Task MalformedBodies_Get400_AndTheLogSaysWhy(string body, string logged)
    {
        using var host = BotHost.Start(DataDirectory);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await host.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(host.Logs, e => e.Level == LogLevel.Warning && e.Message.Contains(logged));
    }

    [Fact]
    public async Task AnActivityWithNoConversation_Gets400()
    {
        using var host = BotHost.Start(DataDirectory);
        var activity = PersonalMessage(Yamada, "ヘルプ");
        activity.Remove("conversation");

        var (status, replies) = await PostAsync(host.Client, activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(replies);
        Assert.Contains(host.Logs, e => e.Message.Contains("no conversation id"));
    }

    [Fact]
    public async Task AOneMegabyteMessage_Gets413_AndNothingPersonalIsLogged()
    {
        using var host = BotHost.Start(DataDirectory);
        var text = "機密情報" + new string('あ', 1024 * 1024 / 3);

        var (status, _) = await PostAsync(host.Client, PersonalMessage(Yamada, text));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains(host.Logs, e => e.Message.Contains("larger than"));
        Assert.DoesNotContain(host.Logs, e => e.Message.Contains("機密情報") || e.Message.Contains(Yamada.Name));
    }

    [Fact]
    public async Task ALongButAcceptedMessage_GetsAPoliteReply()
    {
        using var host = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(host.Client, PersonalMessage(Yamada, new string('あ', 6000)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Texts(replies), t => t.Contains("長すぎます"));
    }

    [Fact]
    public async Task AnEmptyMessage_GetsAPoliteReply()
    {
        using var host = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(host.Client, PersonalMessage(Yamada, "   "));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Texts(replies), t => t.Contains("空"));
    }

    [Fact]
    public async Task AnUnknownActivityType_IsAcceptedAndIgnored()
    {
        using var host = BotHost.Start(DataDirectory);
        var activity = Base("somethingNew", Yamada, PersonalConversationId(Yamada), "personal", null);

        var (status, replies) = await PostAsync(host.Client, activity);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"status was {status}");
        Assert.Empty(replies);
        Assert.Contains(host.Logs, e => e.Message.Contains("unknown type somethingNew"));
    }

    [Fact]
    public async Task ACardSubmitWithAnUnknownMarker_IsDeclinedPolitely()
    {
        using var host = BotHost.Start(DataDirectory);
        var submit = new JsonObject { ["isms"] = "launch-missiles", ["x"] = 1 };

        var (status, replies) = await PostAsync(host.Client, CardSubmit(Yamada, submit));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Texts(replies), t => t.Contains("受け付けられませんでした"));
    }

    [Theory]
    [InlineData("http://203.0.113.7/_connector")]
    [InlineData("https://smba.trafficmanager.net/jp/")]
    public async Task WithoutAuthentication_ANonLoopbackServiceUrl_IsRefused(string serviceUrl)
    {
        using var host = BotHost.Start(DataDirectory);
        var activity = PersonalMessage(Yamada, "ヘルプ");
        activity["serviceUrl"] = serviceUrl;

        var (status, replies) = await PostAsync(host.Client, activity);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task GetOnTheMessagesEndpoint_IsNotAllowed()
    {
        using var host = BotHost.Start(DataDirectory);
        var response = await host.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
