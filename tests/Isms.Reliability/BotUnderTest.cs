using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Isms.Reliability;

/// <summary>
/// The built bot (<c>dotnet Isms.Bot.dll</c>) as a child process on a free loopback port: Development without an app id
/// (the only way it runs unauthenticated), its data in the directory given, the org directory the suite wrote, the
/// suite's loopback connector as the place it posts to. Output goes to a log file in the run folder.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BotUnderTest(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static BotUnderTest Launch(Paths paths, string dataDirectory, string logPath, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyList<string>? arguments = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = paths.BotProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { paths.BotDll }.Concat(arguments ?? ["--contentRoot", paths.BotProject]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // appsettings.json's Urls outranks ASPNETCORE_URLS; a plain Urls variable outranks appsettings.json.
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Directory__Path"] = paths.OrgDirectory;
        start.Environment["MicrosoftAppId"] = "";
        start.Environment["Jobs__RunServer"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotUnderTest(process, log, new Uri($"http://127.0.0.1:{port}"), logPath);
    }

    /// <summary>Waits for /healthz to answer 200; false when the process ended first or the time ran out.</summary>
    public async Task<bool> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (await HealthAsync(http) == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    public async Task<HttpStatusCode?> HealthAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Resident memory of the bot in MiB (Linux /proc), or 0 where that is not available.</summary>
    public double RssMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the bot to stop (SIGTERM) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
        }

        try
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            KillHard();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
