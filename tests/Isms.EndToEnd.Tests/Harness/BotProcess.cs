using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// The bot from its build output (<c>dotnet Isms.Bot.dll</c>) on a free loopback port, unauthenticated (no app id),
/// with its LiteDB data in a fresh directory. Ready once GET /healthz answers.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public string DataDirectory { get; }

    public string LogPath => _process.LogPath;

    public TimeSpan StartupTime { get; private set; }

    public static async Task<BotProcess> StartAsync(string runDirectory, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var port = RepoPaths.FreeTcpPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dataDirectory = Path.Combine(runDirectory, "bot-data");
        Directory.CreateDirectory(dataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            // Without an app id the bot starts only in Development on loopback.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_NOLOGO"] = "1",
            ["Storage__DataDirectory"] = dataDirectory,
            // Authentication off: the bot then accepts only a loopback serviceUrl, which the Playground's is.
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            ["Logging__LogLevel__Default"] = "Information",
            // No background jobs: reminders due by the real clock (overdue training, say) would land between the scenario's messages.
            ["Jobs__RunServer"] = "false",
        };
        var process = ChildProcess.Start("dotnet",
            [RepoPaths.BotDll, "--urls", baseAddress.ToString(), "--contentRoot", RepoPaths.BotProjectDirectory],
            RepoPaths.BotProjectDirectory, environment, Path.Combine(runDirectory, "bot.log"));
        var bot = new BotProcess(process, baseAddress, dataDirectory);
        try
        {
            await bot.WaitUntilHealthyAsync(timeout);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }

        bot.StartupTime = stopwatch.Elapsed;
        return bot;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        // Wait for Kestrel's own line first (cheap), then poll the health endpoint.
        await _process.WaitForLineAsync(ListeningLine(), timeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            _process.ThrowIfExited("The bot");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot did not answer /healthz within {timeout.TotalSeconds:0} s; see {LogPath}.");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Now listening on: http://", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
