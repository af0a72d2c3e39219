using System.Diagnostics;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// One end-to-end session, shared by a test collection: the bot (kept running, with its data, for the whole session),
/// the Agents Playground acting as one person of <see cref="SampleOrg"/>, and headless Chromium showing its page.
/// <see cref="RestartAsUserAsync"/> swaps the acting person by restarting only the Playground on the same port.
/// Logs of every process go to <c>artifacts/e2e/&lt;run&gt;/</c>; disposing stops everything it started.
/// </summary>
public sealed class PlaygroundSession : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private BotProcess? _bot;
    private PlaygroundProcess? _playground;
    private BrowserSession? _browser;
    private ChatPage? _chat;
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
        await _browser!.ClosePageAsync();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
            _playground = null;
        }

        await StartPlaygroundAsync(user);
        return Chat;
    }

    /// <summary>Saves a screenshot of the page (see <see cref="Screenshots"/>) and returns its artifacts path.</summary>
    public Task<string> ScreenshotAsync(string name) => Screenshots.SaveAsync(Chat.Page, name);

    public async Task DisposeAsync()
    {
        // Each step on its own, so a failure in one still stops the rest.
        await SafelyAsync(() => _browser?.DisposeAsync() ?? ValueTask.CompletedTask);
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

        // Loading the page installs the app again. Someone new to this bot's data gets the welcome: let it (and any
        // duplicate) arrive before a test starts, since a message arriving clears what a test typed into a card.
        if (_welcomed.Add(user.Key))
        {
            await _chat.WaitForReplyAsync();
        }

        await _chat.WaitForQuietAsync();
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

/// <summary>All end-to-end tests share one session and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PlaygroundSession>
{
    public const string Name = "End to end";
}
