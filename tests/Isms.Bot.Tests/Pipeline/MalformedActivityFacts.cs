using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>
/// Activities no Teams client sends (issue 13, finding 10), through the real pipeline: each gets a 4xx or a polite
/// Japanese answer, nothing at Error level, nothing personal in the log, and the bot still answers the next message.
/// </summary>
public sealed class MalformedActivityFacts(BotHost host) : IClassFixture<BotHost>
{
    private const string Secret = "機密情報ABC";

    [Theory]
    [InlineData("conversation.id")]
    [InlineData("type")]
    [InlineData("serviceUrl")]
    [InlineData("text")]
    public async Task InvalidUtf8Bytes_Get400(string field)
    {
        var person = BotHost.NewPerson("宇都 八郎");
        var activity = PersonalMessage(person, Secret);
        var marker = "@@BAD@@";
        switch (field)
        {
            case "conversation.id": activity["conversation"]!["id"] = PersonalConversationId(person) + marker; break;
            case "type": activity["type"] = "mess" + marker + "age"; break;
            case "serviceUrl": activity["serviceUrl"] = ServiceUrl + marker; break;
            default: activity["text"] = Secret + marker; break;
        }

        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var bytes = Replace(body, Encoding.UTF8.GetBytes(marker), [0xC3, 0x28, 0xFF, 0xFE]);

        await AssertRefusedOrPolite(person, () => PostRaw(bytes), expect4xx: true);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.")]
    [InlineData("Basic %%%")]
    [InlineData("garbage")]
    public async Task AMalformedAuthorizationHeader_WithAuthenticationOff_IsNotA5xx(string header)
    {
        var person = BotHost.NewPerson("認証 九郎");
        var activity = PersonalMessage(person, "ヘルプ");

        await AssertRefusedOrPolite(person, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await host.Client.SendAsync(request);
            return (response.StatusCode, ParseReplies(await response.Content.ReadAsStringAsync()));
        });
    }

    public static TheoryData<string> EnvelopeDefects() => new()
    {
        "no channelId",
        "channelId a number",
        "from null",
        "from.id null",
        "from.id a number",
        "from.id blank",
        "from.aadObjectId blank",
        "from.aadObjectId an object",
        "recipient a string",
        "conversation.id 5000 characters",
        "from.id 5000 characters",
        "from.aadObjectId 5000 characters",
        "conversation.id with U+FFFE",
        "membersAdded [null]",
        "membersAdded [{id:null}]",
        "entities mentioned 5",
        "entities [5]",
        "text an object",
        "channelData a string",
    };

    [Theory]
    [MemberData(nameof(EnvelopeDefects))]
    public async Task AnActivityWithABrokenEnvelope_IsRefusedOrAnsweredPolitely(string defect)
    {
        var person = BotHost.NewPerson("封筒 十郎");
        var activity = PersonalMessage(person, Secret);
        switch (defect)
        {
            case "no channelId": activity.Remove("channelId"); break;
            case "channelId a number": activity["channelId"] = 5; break;
            case "from null": activity["from"] = null; break;
            case "from.id null": activity["from"]!["id"] = null; break;
            case "from.id a number": activity["from"]!["id"] = 29; break;
            case "from.id blank": activity["from"]!["id"] = "   "; break;
            case "from.aadObjectId blank": activity["from"]!["aadObjectId"] = " "; break;
            case "from.aadObjectId an object": activity["from"]!["aadObjectId"] = new JsonObject { ["id"] = person.AadObjectId }; break;
            case "recipient a string": activity["recipient"] = BotId; break;
            case "conversation.id 5000 characters": activity["conversation"]!["id"] = "a:" + new string('x', 5000); break;
            case "from.id 5000 characters": activity["from"]!["id"] = "29:" + new string('y', 5000); break;
            case "from.aadObjectId 5000 characters": activity["from"]!["aadObjectId"] = new string('z', 5000); break;
            case "conversation.id with U+FFFE": activity["conversation"]!["id"] = PersonalConversationId(person) + "\uFFFE"; break;
            case "membersAdded [null]":
                activity = BotAdded(person);
                activity["membersAdded"] = new JsonArray((JsonNode?)null);
                break;
            case "membersAdded [{id:null}]":
                activity = BotAdded(person);
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = null, ["name"] = person.Name });
                break;
            case "entities mentioned 5":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{BotName}</at>", ["mentioned"] = 5 });
                break;
            case "entities [5]": activity["entities"] = new JsonArray(5); break;
            case "text an object": activity["text"] = new JsonObject { ["x"] = Secret }; break;
            case "channelData a string": activity["channelData"] = Secret; break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }

        await AssertRefusedOrPolite(person, () => PostAsync(host.Client, activity));
    }

    [Theory]
    [InlineData("\\uFFFE")]
    [InlineData("\\uFFFF")]
    [InlineData("\\uFDD0")]
    [InlineData("\\uD800")]
    [InlineData("\\uDC00x")]
    [InlineData("\\uDBFF\\uDBFF")]
    [InlineData("\\u0000")]
    public async Task NonCharactersAndLoneSurrogatesInText_AreRefusedOrAnsweredPolitely(string escaped)
    {
        var person = BotHost.NewPerson("文字 一子");
        var json = PersonalMessage(person, "@@TEXT@@").ToJsonString().Replace("@@TEXT@@", Secret + escaped + "持ち出し申請", StringComparison.Ordinal);

        await AssertRefusedOrPolite(person, () => PostRaw(Encoding.UTF8.GetBytes(json)));
    }

    public static TheoryData<string, string> InvokeDefects() => new()
    {
        { "isms.approve", """{"action":{"type":"Action.Execute","verb":"isms.approve","data":"rec-1"}}""" },
        { "isms.refresh", """{"action":{"type":"Action.Execute","verb":"isms.refresh","data":["rec-1"]}}""" },
        { "isms.incident.ack", """{"action":{"type":"Action.Execute","verb":"isms.incident.ack","data":"rec-1"}}""" },
        { "isms.incident.refresh", """{"action":{"type":"Action.Execute","verb":"isms.incident.refresh","data":[1,2]}}""" },
        { "isms.approve", "\"isms.approve\"" },
        { "isms.approve", """["isms.approve"]""" },
        { "isms.approve", """{"action":"isms.approve"}""" },
        { "isms.approve", """{"action":{"type":"Action.Execute","verb":{"v":1},"data":{}}}""" },
        { "isms.approve", """{"action":{"type":"Action.Execute","verb":"isms.approve","data":{"recordId":{"id":"x"},"comment":"ok"}}}""" },
        { "isms.reject", """{"action":{"type":"Action.Execute","verb":"isms.reject","data":{"recordId":"r-1","version":"1","comment":{"text":"機密情報ABC"}}}}""" },
        { "isms.approve", """{"action":{"type":"Action.Execute","verb":"isms.approve","data":{"recordId":["x"],"version":{"v":1}}}}""" },
        { "isms.incident.close", """{"action":{"type":"Action.Execute","verb":"isms.incident.close","data":{"recordId":{"id":"x"},"cause":["a"]}}}""" },
        { "isms.incident.triage", """{"action":{"type":"Action.Execute","verb":"isms.incident.triage","data":{"recordId":"r-1","severity":{"x":1},"isIncident":[true]}}}""" },
    };

    [Theory]
    [MemberData(nameof(InvokeDefects))]
    public async Task ACardActionWithWronglyTypedData_IsRefusedOrAnsweredPolitely(string verb, string value)
    {
        var person = BotHost.NewPerson("押下 二郎");
        var invoke = Base("invoke", person, PersonalConversationId(person), "personal", null);
        invoke.Remove("deliveryMode");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = JsonNode.Parse(value);

        await AssertRefusedOrPolite(person, () => PostAsync(host.Client, invoke), because: verb);
    }

    [Theory]
    [InlineData("\"isms\"")]
    [InlineData("[\"isms\",\"form\"]")]
    [InlineData("5")]
    public async Task ACardSubmitWhoseValueIsNotAnObject_IsRefusedOrAnsweredPolitely(string value)
    {
        var person = BotHost.NewPerson("送信 三郎");
        var submit = CardSubmit(person, []);
        submit["value"] = JsonNode.Parse(value);

        await AssertRefusedOrPolite(person, () => PostAsync(host.Client, submit));
    }

    /// <summary>
    /// The bad input gets a 4xx (or, unless <paramref name="expect4xx"/>, a 200 whose replies are not the turn-error
    /// apology), nothing is logged at Error level or with the person's name or text, and the person's next ordinary
    /// message is answered.
    /// </summary>
    private async Task AssertRefusedOrPolite(TeamsUser person, Func<Task<(HttpStatusCode Status, JsonArray Replies)>> send,
        bool expect4xx = false, string? because = null)
    {
        var logged = host.Logs.Count;

        var (status, replies) = await send();

        var code = (int)status;
        Assert.True(expect4xx ? code is >= 400 and < 500 : code < 500, $"status was {code} ({because})");
        var entries = host.Logs.Skip(logged).ToList();
        var errors = entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Message} {e.Exception}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.DoesNotContain(Texts(replies), t => t.Contains("エラーが発生", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains(Secret, StringComparison.Ordinal) || e.Message.Contains(person.Name, StringComparison.Ordinal)
            || (e.Exception?.Contains(Secret, StringComparison.Ordinal) ?? false));

        var (next, answer) = await PostAsync(host.Client, PersonalMessage(person, "ヘルプ"));
        Assert.Equal(HttpStatusCode.OK, next);
        Assert.NotEmpty(answer);
    }

    private async Task<(HttpStatusCode, JsonArray)> PostRaw(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await host.Client.PostAsync("/api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (int)response.StatusCode < 300 ? ParseReplies(text) : []);
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] with)
    {
        var at = source.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        return [.. source[..at], .. with, .. source[(at + find.Length)..]];
    }
}
