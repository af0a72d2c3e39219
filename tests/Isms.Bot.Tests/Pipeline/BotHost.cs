using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Isms.Bot.Hosting;
using Isms.Workflows;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>
/// The real bot host (Program) for pipeline tests, the one way they start it. By default: environment Testing, a LiteDB
/// file in its own data directory, the org directory of <see cref="TestStaffDirectory"/>, the Hangfire server off (jobs due
/// by the real clock would message test users) and a log the test can read. On request: settings on top (another org
/// directory, channels, Jobs:RunServer), a clock, a loopback Bot Connector (<see cref="FakeConnector"/>) that the messages
/// sent through the host name as their serviceUrl so the bot can reach people later, another environment, or real Kestrel.
/// <para>A class shares one host as <c>IClassFixture&lt;BotHost&gt;</c> (a start costs about a second; its tests keep
/// apart by using their own people). A test that needs a host of its own starts one with <see cref="Start"/> or
/// <see cref="StartAsync"/>; two hosts on the same data directory, one after the other, are a restart.</para>
/// </summary>
public sealed class BotHost : IDisposable, IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly FakeConnector? _connector;
    private readonly bool _ownsDirectory;
    private readonly bool _ownsConnector;

    /// <summary>A host on a data directory of its own, removed on dispose (the class fixture).</summary>
    public BotHost()
        : this(dataDirectory: null, settings: null, time: null, connector: null, ownsConnector: false, "Testing", kestrel: false)
    {
    }

    private BotHost(string? dataDirectory, IReadOnlyDictionary<string, string?>? settings, TimeProvider? time,
        FakeConnector? connector, bool ownsConnector, string environment, bool kestrel)
    {
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Time = time ?? TimeProvider.System;
        _connector = connector;
        _ownsDirectory = dataDirectory is null;
        _ownsConnector = ownsConnector;
        _factory = new Factory(DataDirectory, settings ?? new Dictionary<string, string?>(), time, environment, kestrel, Logs);
        try
        {
            if (kestrel)
            {
                _factory.UseKestrel(0);
                _factory.StartServer();
            }

            Client = _factory.CreateClient();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Starts a host on <paramref name="dataDirectory"/> (null: one of its own, removed on dispose). A start that
    /// fails (bad settings) throws here.</summary>
    public static BotHost Start(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null,
        FakeConnector? connector = null, string environment = "Testing", bool kestrel = false) =>
        new(dataDirectory, settings, time, connector, ownsConnector: false, environment, kestrel);

    /// <summary>Starts a host with a <see cref="FakeConnector"/> of its own, disposed with the host.</summary>
    public static async Task<BotHost> StartAsync(string? dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var connector = await FakeConnector.StartAsync();
        try
        {
            return new BotHost(dataDirectory, settings, time, connector, ownsConnector: true, "Testing", kestrel: false);
        }
        catch
        {
            await connector.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the host composed exactly as Program does it (AddIsmsBot, MapIsmsBot, the bot's appsettings.json, Development)
    /// and returns what the start threw, or null. For start-up validation: through WebApplicationFactory a failed start
    /// sometimes surfaces as an ObjectDisposedException instead of the real error, because the factory races the entry
    /// point disposing the failed host.
    /// </summary>
    public static async Task<Exception?> StartupErrorAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepoPaths.RepoRoot, "bot", "Isms.Bot"),
            EnvironmentName = "Development",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Storage:DataDirectory"] = dataDirectory });
        builder.WebHost.UseTestServer();
        builder.AddIsmsBot();
        await using var app = builder.Build();
        app.MapIsmsBot();
        return await Xunit.Record.ExceptionAsync(() => app.StartAsync());
    }

    public string DataDirectory { get; }

    /// <summary>A client of the host; on Kestrel it talks to 127.0.0.1 over HTTP.</summary>
    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public ConcurrentQueue<LogEntry> Logs { get; } = new();

    /// <summary>The clock the host runs on (the system clock unless the test gave one).</summary>
    public TimeProvider Time { get; }

    /// <summary>The clock, for a host started on a <see cref="FakeTimeProvider"/> the test advances.</summary>
    public FakeTimeProvider FakeTime => Time as FakeTimeProvider ?? throw new InvalidOperationException("This host does not run on a FakeTimeProvider.");

    /// <summary>The loopback connector the host's messages name as their serviceUrl, if the host has one.</summary>
    public FakeConnector Connector => _connector ?? throw new InvalidOperationException("This host was started without a connector.");

    public IRequestStore Records => Get<IRequestStore>();

    /// <summary>The replies to the last message posted through <see cref="Say"/> or <see cref="Post"/>.</summary>
    public JsonArray LastReplies { get; private set; } = [];

    /// <summary>Today for the staff, as the host computes it (TimeProvider.System, Japan time).</summary>
    public static DateOnly Today => JapanTime.Today(TimeProvider.System);

    public static string Date(int daysFromToday) => FieldValues.FormatDate(Today.AddDays(daysFromToday));

    /// <summary>A member of staff in the org directory whom no other test uses.</summary>
    public static TeamsUser NewPerson(string name) => TestStaffDirectory.NewMember(name);

    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "isms-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public RequestRecord Record(string number) => Records.FindByNumber(number)!;

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

    internal FormConversation Person(string name = "山田 太郎") => new(Client, NewPerson(name));

    internal FormConversation As(TeamsUser user) => new(Client, user);

    /// <summary>A message in the person's personal chat; the replies come back in the response (expectReplies).</summary>
    public Task<JsonArray> Say(TeamsUser user, string text) => Post(PersonalMessage(user, text));

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

    /// <summary>Posts an activity (naming the host's connector, if any, as its serviceUrl), expects 200 and returns the replies.</summary>
    public async Task<JsonArray> Post(JsonObject activity)
    {
        if (_connector is not null)
        {
            activity["serviceUrl"] = _connector.ServiceUrl;
        }

        var (status, replies) = await PostAsync(Client, activity);
        Assert.Equal(HttpStatusCode.OK, status);
        return LastReplies = replies;
    }

    /// <summary>Presses a button of a decision card, as Teams sends it (invoke adaptiveCard/action, the comment typed), and returns the invoke response.</summary>
    public Task<(HttpStatusCode Status, JsonObject Body)> Invoke(TeamsUser user, JsonObject card, string title, string? comment = null,
        string? replyToId = null, string? conversationId = null)
    {
        var action = Descendants(card).Single(n => (string?)n["type"] == "Action.Execute" && (string?)n["title"] == title);
        var data = action["data"]!.DeepClone().AsObject();
        data["comment"] = comment ?? "";
        return InvokeAction(user, (string)action["verb"]!, data, replyToId: replyToId, conversationId: conversationId);
    }

    /// <summary>An Action.Execute with this verb and data, as Teams sends it (invoke adaptiveCard/action); returns the invoke response.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> InvokeAction(TeamsUser user, string verb, JsonObject data, string trigger = "manual",
        string? replyToId = null, string? conversationId = null)
    {
        var invoke = Base("invoke", user, conversationId ?? PersonalConversationId(user), conversationId is null ? "personal" : "channel", null);
        invoke.Remove("deliveryMode");
        if (_connector is not null)
        {
            invoke["serviceUrl"] = _connector.ServiceUrl;
        }

        invoke["name"] = "adaptiveCard/action";
        if (replyToId is not null)
        {
            invoke["replyToId"] = replyToId;
        }

        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
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

    public void Dispose()
    {
        Client?.Dispose();
        _factory.Dispose();
        if (_ownsConnector)
        {
            _connector?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        DeleteOwnDirectory();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _factory.DisposeAsync();
        if (_ownsConnector && _connector is not null)
        {
            await _connector.DisposeAsync();
        }

        DeleteOwnDirectory();
    }

    private void DeleteOwnDirectory()
    {
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold the file for a moment on a slow machine; the temp folder is cleaned up anyway.
        }
    }

    private sealed class Factory(string dataDirectory, IReadOnlyDictionary<string, string?> settings, TimeProvider? time, string environment,
        bool kestrel, ConcurrentQueue<LogEntry> logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Jobs:RunServer", "false");
            if (!settings.ContainsKey("Directory:Path"))
            {
                builder.UseSetting("Directory:Path", TestStaffDirectory.WriteInto(dataDirectory));
            }

            if (kestrel)
            {
                builder.UseSetting("urls", "http://127.0.0.1:0");
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(logs))));
            if (time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
            }
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, string? Exception = null);

/// <summary>Collects log lines so tests can check what the log says (and what it must not say).</summary>
public sealed class ListLoggerProvider(ConcurrentQueue<LogEntry> entries) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception?.ToString()));
    }
}
