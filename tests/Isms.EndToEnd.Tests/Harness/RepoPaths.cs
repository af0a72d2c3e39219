using System.Net;
using System.Net.Sockets;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// Where things are: the repository root (the folder holding Isms.Bot.sln), the bot's build output, the Playground's
/// entry script, Chromium, and the git-ignored <c>artifacts/</c> folder for logs and screenshots.
/// Environment overrides: <c>ISMS_E2E_BOT_DLL</c>, <c>ISMS_E2E_CHROMIUM</c>, <c>ISMS_E2E_NODE</c>.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string ArtifactsDirectory => Path.Combine(RepoRoot, "artifacts");

    /// <summary>Screenshots under the test's output folder (bin/.../screenshots).</summary>
    public static string OutputScreenshotsDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Screenshots copied to the repository level, where CI collects them.</summary>
    public static string ArtifactScreenshotsDirectory => Path.Combine(ArtifactsDirectory, "screenshots");

    public static string BotProjectDirectory => Path.Combine(RepoRoot, "bot", "Isms.Bot");

    public static string ChromiumExecutable =>
        Environment.GetEnvironmentVariable("ISMS_E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string NodeExecutable =>
        Environment.GetEnvironmentVariable("ISMS_E2E_NODE") is { Length: > 0 } path ? path : "node";

    public static string PlaygroundCli
    {
        get
        {
            var cli = Path.Combine(RepoRoot, "tests", "tools", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            return File.Exists(cli)
                ? cli
                : throw new InvalidOperationException($"The Agents Playground is not installed ({cli}). Run `npm ci` in tests/tools.");
        }
    }

    /// <summary>
    /// The bot's Isms.Bot.dll from the same configuration the tests were built in (bin/Debug or bin/Release),
    /// else the newest one found. The tests never build it; build the solution first.
    /// </summary>
    public static string BotDll
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ISMS_E2E_BOT_DLL") is { Length: > 0 } overridden)
            {
                return File.Exists(overridden) ? overridden : throw new FileNotFoundException("ISMS_E2E_BOT_DLL does not exist", overridden);
            }

            var binDirectory = Path.Combine(BotProjectDirectory, "bin");
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
            var preferred = Path.Combine(binDirectory, configuration, "net10.0", "Isms.Bot.dll");
            if (File.Exists(preferred))
            {
                return preferred;
            }

            var newest = Directory.Exists(binDirectory)
                ? Directory.EnumerateFiles(binDirectory, "Isms.Bot.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                : null;
            return newest ?? throw new FileNotFoundException(
                "Isms.Bot.dll was not found; build the solution before running the end-to-end tests.", preferred);
        }
    }

    /// <summary>A TCP port that was free a moment ago on the loopback interface.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Isms.Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Isms.Bot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
