using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>) pointed at the bot, offline:
/// no browser of its own, no telemetry, its config file and log file chosen by the harness. Ready once it has
/// printed the port it listens on and its page answers.
/// </summary>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private PlaygroundProcess(ChildProcess process, TestUser currentUser, int port)
    {
        _process = process;
        CurrentUser = currentUser;
        Port = port;
    }

    /// <summary>The person the UI acts as.</summary>
    public TestUser CurrentUser { get; }

    public int Port { get; }

    /// <summary>The page (and, under <c>/_connector</c>, the connector the bot replies to).</summary>
    public Uri BaseAddress => new($"http://localhost:{Port}/");

    public string LogPath => _process.LogPath;

    public TimeSpan StartupTime { get; private set; }

    /// <param name="preferredPort">The port to ask for; keep it across restarts so stored conversation references
    /// (their serviceUrl names the port) stay valid for proactive messages.</param>
    public static async Task<PlaygroundProcess> StartAsync(Uri botMessagesEndpoint, TestUser currentUser, int preferredPort,
        string runDirectory, int generation, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var configPath = PlaygroundConfig.Write(currentUser, runDirectory);
        var name = $"playground-{generation}-{currentUser.Key}";
        var environment = new Dictionary<string, string>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1",
            ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath,
            ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(runDirectory, $"{name}.file.log"),
            ["NO_COLOR"] = "1",
        };
        var process = ChildProcess.Start(RepoPaths.NodeExecutable,
            [RepoPaths.PlaygroundCli, "-e", botMessagesEndpoint.ToString(), "-c", "msteams", "--dt",
             "-p", preferredPort.ToString(CultureInfo.InvariantCulture)],
            runDirectory, environment, Path.Combine(runDirectory, $"{name}.log"));
        try
        {
            // It picks another port when the one asked for is taken, and says which.
            var match = await process.WaitForLineAsync(ListeningLine(), timeout);
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            var playground = new PlaygroundProcess(process, currentUser, port);
            await playground.WaitForPageAsync(timeout);
            playground.StartupTime = stopwatch.Elapsed;
            return playground;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitForPageAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            _process.ThrowIfExited("The Agents Playground");
            try
            {
                using var response = await http.GetAsync(BaseAddress);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not serving yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The Agents Playground page did not load within {timeout.TotalSeconds:0} s; see {LogPath}.");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Listening on (?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
