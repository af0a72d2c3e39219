using System.Diagnostics;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// One end-to-end session, shared by a test collection: the bot (kept running, with its data, for the whole session),
/// the Agents Playground acting as one person of <see cref="SampleOrg"/>, and headless Chromium showing its page.
/// <see cref="RestartAsUserAsync"/> swaps the acting person by restarting only the Playground on the same port;
/// <see cref="OpenSecondChatAsync"/> adds a second Playground and page acting as another person at the same time
/// (an approver beside the applicant). Logs of every process go to <c>artifacts/e2e/&lt;run&gt;/</c>; disposing stops everything it started.
/// </summary>
public sealed class PlaygroundSession : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private BotProcess? _bot;
    private PlaygroundProcess? _playground;
    private BrowserSession? _browser;
    private ChatPage? _chat;
    private readonly Dictionary<string, (PlaygroundProcess Playground, ChatPage Chat)> _secondChats = [];
    private int _playgroundPort;
    private int _generation;
    private readonly HashSet<string> _welcomed = [];

    /// <summary>Logs, generated config files and the bot's data for this run.</summary>
    public string RunDirectory { get; } = Path.Combine(RepoPaths.ArtifactsDirectory, "e2e", $"{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}");

    public BotProcess Bot => _bot ?? throw NotStarted();

    public PlaygroundProcess Playground => _playground ?? throw NotStarted();

    /// <summary>The page, acting as <see cref="CurrentUser"/>. Replaced by <see cref="RestartAsUserAsync"/>.</summary>
    public ChatPage Chat => _chat ?? throw NotStarted();

    public TestUser CurrentUser => Playground.CurrentUser;

    /// <summary>From starting the Playground to its page showing the message box, the last time.</summary>
    public TimeSpan PlaygroundReadyTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(RunDirectory);
        _bot = await BotProcess.StartAsync(RunDirectory, StartTimeout);
        _playgroundPort = RepoPaths.FreeTcpPort();
        _browser = await BrowserSession.LaunchAsync(RunDirectory);
        await StartPlaygroundAsync(SampleOrg.Yamada);
        File.AppendAllText(Path.Combine(RunDirectory, "timings.txt"),
            $"bot start {Bot.StartupTime.TotalMilliseconds:0} ms; playground start to page ready {PlaygroundReadyTime.TotalMilliseconds:0} ms{Environment.NewLine}");
    }

    /// <summary>
    /// Acts as <paramref name="user"/> from now on: closes the page, restarts the Playground with a config whose
    /// currentUser is that person (same port, so the bot's stored serviceUrl stays valid) and opens the page again.
    /// The bot and its data keep running. The chat history on screen starts empty, as after any page load.
    /// </summary>
    public async Task<ChatPage> RestartAsUserAsync(TestUser user)
    {
        if (_chat is not null)
        {
            await _browser!.ClosePageAsync(_chat.Page);
            _chat = null;
        }

        if (_playground is not null)
        {
            await _playground.DisposeAsync();
            _playground = null;
        }

        await StartPlaygroundAsync(user);
        return Chat;
    }

    /// <summary>
    /// A chat acting as <paramref name="person"/> beside the main one: a second Playground on its own port, pointed at
    /// the same bot, with its own page. Started on first use and kept for the session; a later call loads its page
    /// again, so the bot stores that person's conversation (serviceUrl = this Playground) afresh even if a restart of
    /// the main Playground as the same person replaced it. Messages the bot sends that person proactively show here.
    /// </summary>
    public async Task<ChatPage> OpenSecondChatAsync(TestUser person)
    {
        if (person == CurrentUser)
        {
            throw new ArgumentException($"{person.Key} is the main Playground's user already.", nameof(person));
        }

        ChatPage chat;
        if (_secondChats.TryGetValue(person.Key, out var open))
        {
            chat = open.Chat;
            await BrowserSession.ReloadPageAsync(chat.Page);
        }
        else
        {
            _generation++;
            var playground = await PlaygroundProcess.StartAsync(Bot.MessagesEndpoint, person, RepoPaths.FreeTcpPort(), RunDirectory, _generation, StartTimeout);
            try
            {
                chat = new ChatPage(await _browser!.OpenPageAsync(playground.BaseAddress), $"{person.Key}-");
            }
            catch
            {
                await playground.DisposeAsync();
                throw;
            }

            _secondChats[person.Key] = (playground, chat);
        }

        await WaitForWelcomeAsync(person, chat);
        return chat;
    }

    /// <summary>
    /// Loads the main page again when it shows <see cref="LongPage"/> or more bot messages, so the next test starts on an
    /// empty screen. The Playground's page slows as the conversation on it grows: with the cards of twenty earlier tests
    /// on screen, a test that takes 25 s alone took over two minutes. The bot and its data are not touched.
    /// </summary>
    public async Task ShortenMainPageAsync()
    {
        if (_chat is null || await _chat.BotMessages.CountAsync() < LongPage)
        {
            return;
        }

        await BrowserSession.ReloadPageAsync(_chat.Page);
        await WaitForWelcomeAsync(CurrentUser, _chat);
    }

    private const int LongPage = 12;

    /// <summary>Saves a screenshot of the page (see <see cref="Screenshots"/>) and returns its artifacts path.</summary>
    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Chat.Page, name);

    public async Task DisposeAsync()
    {
        // Each step on its own, so a failure in one still stops the rest.
        await SafelyAsync(() => _browser?.DisposeAsync() ?? ValueTask.CompletedTask);
        foreach (var (playground, _) in _secondChats.Values)
        {
            await SafelyAsync(() => playground.DisposeAsync());
        }

        await SafelyAsync(() => _playground?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => _bot?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private async Task StartPlaygroundAsync(TestUser user)
    {
        var stopwatch = Stopwatch.StartNew();
        _generation++;
        _playground = await PlaygroundProcess.StartAsync(Bot.MessagesEndpoint, user, _playgroundPort, RunDirectory, _generation, StartTimeout);
        // Keep whatever port it got, so a later restart asks for the same one.
        _playgroundPort = _playground.Port;
        var page = await _browser!.OpenPageAsync(_playground.BaseAddress);
        _chat = new ChatPage(page);
        PlaygroundReadyTime = stopwatch.Elapsed;
        await WaitForWelcomeAsync(user, _chat);
    }

    /// <summary>
    /// Loading the page installs the app again. Someone new to this bot's data gets the welcome: let it (and any
    /// duplicate) arrive before a test starts, since a message arriving clears what a test typed into a card.
    /// </summary>
    private async Task WaitForWelcomeAsync(TestUser user, ChatPage chat)
    {
        if (_welcomed.Add(user.Key))
        {
            await chat.WaitForReplyAsync();
        }

        await chat.WaitForQuietAsync();
    }

    private static async Task SafelyAsync(Func<ValueTask> step)
    {
        try
        {
            await step();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"[e2e] cleanup step failed: {exception.Message}");
        }
    }

    private static InvalidOperationException NotStarted() => new("The end-to-end session has not started.");
}

/// <summary>
/// All end-to-end tests share one session and run one at a time. Each class in the collection also carries
/// <c>[Trait("Category", "E2E")]</c>, so <c>dotnet test --filter "Category!=E2E"</c> leaves the suite out locally.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PlaygroundSession>
{
    public const string Name = "End to end";
}
