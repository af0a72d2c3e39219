using System.Diagnostics;
using System.Text;

namespace Isms.Testing;

/// <summary>Exit code and captured output of a finished process.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}

/// <summary>Runs the Node scripts in tests/tools (and other small commands) from tests.</summary>
public static class NodeTools
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>node tests/tools/&lt;script&gt; args...</c> from the repository root.</summary>
    public static ProcessResult RunScript(string script, IReadOnlyList<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        var scriptPath = Path.Combine(RepoPaths.ToolsDirectory, script);
        if (!File.Exists(scriptPath))
        {
            Assert.Fail($"Node tool not found: {scriptPath}");
        }
        if (!Directory.Exists(Path.Combine(RepoPaths.ToolsDirectory, "node_modules")))
        {
            Assert.Fail("tests/tools/node_modules is missing: run npm ci in tests/tools");
        }
        return RunProcess("node", [scriptPath, .. args], stdin, environment: null, timeout);
    }

    /// <summary>Runs a command from the repository root, feeding <paramref name="stdin"/> (UTF-8) and capturing output.
    /// A null value in <paramref name="environment"/> removes that variable.</summary>
    public static ProcessResult RunProcess(
        string fileName,
        IReadOnlyList<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = utf8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Cannot start '{fileName}' ({e.Message}); is it installed and on PATH?");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();

        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{fileName} {string.Join(' ', args)}' did not finish within {limit.TotalSeconds:0} s");
        }
        process.WaitForExit(); // flushes the redirected streams
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
