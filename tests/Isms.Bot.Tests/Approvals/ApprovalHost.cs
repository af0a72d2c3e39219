using Isms.Workflows;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Bot.Tests.Support;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// The real host on its own LiteDB file, talking to a <see cref="FakeConnector"/>, with a fake clock fixed at
/// Thursday 2026-11-26 10:00 (Japan time) and the sample directory in which 池田 誠司 acts for 佐藤 花子 from
/// 11-25 to 11-27 (when <c>deputyActive</c>). Every message carries the connector's serviceUrl, so the
/// conversation references the bot saves lead back to it.
/// </summary>
internal sealed class ApprovalHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, JapanTime.Offset);

    // People of the sample directory (bot/Isms.Workflows/data/org-directory.sample.yaml).
    public static readonly TeamsUser Applicant = new("29:yamada-dir", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    public static readonly TeamsUser Manager = new("29:sato-dir", "佐藤 花子", "00000000-0000-4000-8000-000000000002");
    public static readonly TeamsUser Officer = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");
    public static readonly TeamsUser Deputy = new("29:ikeda-dir", "池田 誠司", "00000000-0000-4000-8000-000000000006");
    public static readonly TeamsUser Stranger = new("29:stranger", "部外 者", "99999999-0000-4000-8000-000000000999");

    public const string ApprovalsChannel = "19:approvals@thread.tacv2";
    public const string AdminChannel = "19:admin@thread.tacv2";

    private readonly BotApplicationFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    private ApprovalHost(string dataDirectory, FakeConnector connector, Dictionary<string, string?> settings)
    {
        Connector = connector;
        _root = new BotApplicationFactory(dataDirectory, settings);
        _factory = _root.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time)));
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeConnector Connector { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public IEnumerable<LogEntry> Logs => _root.Logs;

    public static async Task<ApprovalHost> StartAsync(string dataDirectory, bool deputyActive = false, bool twoSteps = false,
        string? approvalsChannel = null, string? adminChannel = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:Path"] = WriteDirectory(dataDirectory, deputyActive),
            ["Directory:Watch"] = "false",
            ["Channels:ApprovalsChannelId"] = approvalsChannel,
            ["Channels:AdminChannelId"] = adminChannel,
        };
        if (twoSteps)
        {
            settings["Routing:RulesPath"] = WriteTwoStepRules(dataDirectory);
        }

        var connector = await FakeConnector.StartAsync();
        return new ApprovalHost(dataDirectory, connector, settings);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public RequestRecord Record(string number) => Get<IRequestStore>().FindByNumber(number)!;

    /// <summary>A message in the person's personal chat; the replies come back in the response (expectReplies).</summary>
    public async Task<JsonArray> Say(TeamsUser user, string text) => await Post(PersonalMessage(user, text));

    /// <summary>A message answered the way Teams is: the replies go to the connector, each with its own activity id.</summary>
    public async Task SayThroughConnector(TeamsUser user, string text)
    {
        var message = PersonalMessage(user, text);
        message.Remove("deliveryMode");
        await Post(message);
    }

    /// <summary>An @mention in a channel, so the bot knows how to post there.</summary>
    public async Task MentionInChannel(TeamsUser user, string channelId)
    {
        var mention = ChannelMention(user, "ヘルプ");
        mention["conversation"]!["id"] = $"{channelId};messageid=1";
        mention["channelData"]!["channel"]!["id"] = channelId;
        await Post(mention);
    }

    /// <summary>山田's 持ち出し申請 (機密性1, USB), filed through the form; returns its number.</summary>
    public async Task<string> FileTakeout(TeamsUser applicant)
    {
        var replies = await Say(applicant, "持ち出し申請");
        async Task Press(string title, params (string, string)[] typed) =>
            replies = await Post(CardSubmit(applicant, FormConversation.SubmitValue(ReplyCards(replies).Last(), title, typed)));
        var today = JapanTime.Today(Time);
        await Press("次へ",
            ("itemKind", "usb"), ("assetNumber", "USB-012"), ("confidentiality", "1"), ("purpose", "県の会議で説明に使うため"),
            ("destination", "群馬県庁"), ("startDate", FieldValues.FormatDate(today.AddDays(1))), ("endDate", FieldValues.FormatDate(today.AddDays(2))),
            ("processOutside", "no"));
        await Press("次へ", ("otherMeasures", "パスワード付きで保存しました"));
        await Press("送信");
        LastReplies = replies;
        return FormConversation.Facts(ReplyCards(replies).Last())["受付番号"];
    }

    /// <summary>The replies to the last submit of <see cref="FileTakeout"/>.</summary>
    public JsonArray LastReplies { get; private set; } = [];

    /// <summary>Presses a button of a decision card, as Teams sends it (invoke adaptiveCard/action), and returns the invoke response.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> Invoke(TeamsUser user, JsonObject card, string title, string? comment = null,
        string? replyToId = null, string? conversationId = null)
    {
        var action = Descendants(card).Single(n => (string?)n["type"] == "Action.Execute" && (string?)n["title"] == title);
        var data = action["data"]!.DeepClone().AsObject();
        data["comment"] = comment ?? "";
        var invoke = Base("invoke", user, conversationId ?? PersonalConversationId(user), conversationId is null ? "personal" : "channel", null);
        invoke.Remove("deliveryMode");
        invoke["serviceUrl"] = Connector.ServiceUrl;
        invoke["name"] = "adaptiveCard/action";
        if (replyToId is not null)
        {
            invoke["replyToId"] = replyToId;
        }

        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data },
            ["trigger"] = "manual",
        };
        using var response = await Client.PostAsJsonAsync("/api/messages", invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : []);
    }

    /// <summary>The cards the bot posted into a conversation, with the activity id the connector gave each.</summary>
    public IReadOnlyList<(string ActivityId, JsonObject Card)> CardsPostedTo(string conversationId) =>
        Connector.Posted.Where(p => p.ConversationId == conversationId && p.Status < 300 && p.Activity["attachments"] is JsonArray { Count: > 0 })
            .Select(p => (p.ActivityId, p.Activity["attachments"]![0]!["content"]!.AsObject()))
            .ToList();

    public IReadOnlyList<string> TextsPostedTo(string conversationId) =>
        Connector.Posted.Where(p => p.ConversationId == conversationId && p.Status < 300).Select(p => (string?)p.Activity["text"]).OfType<string>().ToList();

    public static JsonObject UpdatedCard(JsonObject activity) => activity["attachments"]![0]!["content"]!.AsObject();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The card with its random record id replaced, for a snapshot.</summary>
    public static JsonNode Stable(JsonObject card)
    {
        var copy = card.DeepClone();
        foreach (var node in Descendants(copy).Where(n => n["recordId"] is JsonValue))
        {
            node["recordId"] = "<recordId>";
        }

        return copy;
    }

    private async Task<JsonArray> Post(JsonObject activity)
    {
        activity["serviceUrl"] = Connector.ServiceUrl;
        var (status, replies) = await PostAsync(Client, activity);
        Assert.Equal(HttpStatusCode.OK, status);
        return replies;
    }

    private static string WriteDirectory(string dataDirectory, bool deputyActive)
    {
        var sample = File.ReadAllText(Path.Combine(NodeTools.RepoRoot, "bot", "Isms.Workflows", "data", "org-directory.sample.yaml"));
        Assert.Contains("from: 2026-08-10", sample, StringComparison.Ordinal);
        var text = deputyActive
            ? sample.Replace("from: 2026-08-10", "from: 2026-11-25", StringComparison.Ordinal).Replace("until: 2026-08-16", "until: 2026-11-27", StringComparison.Ordinal)
            : sample;
        var path = Path.Combine(dataDirectory, "org-directory.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string WriteTwoStepRules(string dataDirectory)
    {
        const string OneStep = """      - { action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }""";
        const string TwoSteps = """
                  - { stage: 1, action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }
                  - { stage: 2, action: Approve, role: SecurityOfficer, clause: "5.1(1)③(イ)" }
            """;
        var shipped = File.ReadAllText(Path.Combine(NodeTools.RepoRoot, "bot", "Isms.Workflows", "data", "routing-rules.yaml"));
        Assert.Contains(OneStep, shipped, StringComparison.Ordinal);
        var path = Path.Combine(dataDirectory, "routing-rules.yaml");
        File.WriteAllText(path, shipped.Replace(OneStep, TwoSteps.TrimEnd('\n'), StringComparison.Ordinal));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
