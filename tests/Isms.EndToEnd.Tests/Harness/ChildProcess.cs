using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// A process the harness started: stdout and stderr go to a log file (for diagnosis after a failure), lines can be
/// awaited, and disposing kills the whole process tree.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    private ChildProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, logPath);
        process.OutputDataReceived += (_, e) => child.OnLine("out", e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine("err", e.Data);
        child.Write($"$ {fileName} {string.Join(' ', arguments)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/> (lines already seen count).</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                if (pattern.Match(line) is { Success: true } match)
                {
                    return match;
                }
            }

            _waiters.Add((pattern, found));
        }

        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
        if (finished == found.Task)
        {
            return await found.Task;
        }

        var reason = finished == exited ? $"exited with code {_process.ExitCode}" : $"printed nothing matching in {timeout.TotalSeconds:0} s";
        throw new TimeoutException($"{Path.GetFileName(_process.StartInfo.FileName)} {reason} (/{pattern}/); see {LogPath}.");
    }

    /// <summary>Throws if the process has exited, naming its log.</summary>
    public void ThrowIfExited(string what)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{what} exited with code {_process.ExitCode}; see {LogPath}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
            Write($"[harness] process exited with code {_process.ExitCode}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Write($"[harness] could not stop the process cleanly: {exception.Message}");
        }
        finally
        {
            _process.Dispose();
            lock (_gate)
            {
                _log.Dispose();
            }
        }
    }

    private void OnLine(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            WriteLocked($"[{stream}] {line}");
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pattern.Match(line) is { Success: true } match)
                {
                    _waiters[i].Found.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private void Write(string text)
    {
        lock (_gate)
        {
            WriteLocked(text);
        }
    }

    private void WriteLocked(string text)
    {
        try
        {
            _log.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {text}");
        }
        catch (ObjectDisposedException)
        {
            // Output that arrives after disposal is dropped.
        }
    }
}
