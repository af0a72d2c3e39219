using System.Diagnostics;

namespace Isms.Reliability;

/// <summary>
/// A small tmpfs mounted for one scenario: a disk that really fills up (ENOSPC) and that can be remounted read-only
/// (EROFS). Needs root (or CAP_SYS_ADMIN); without it the disk scenarios are skipped and say so.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private readonly string _filler;

    private Tmpfs(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler.bin");
    }

    public string Path { get; }

    public static Tmpfs? TryMount(string path, int megabytes, out string why)
    {
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        why = code == 0 ? "" : $"mount -t tmpfs failed ({output.Trim()}); run the suite as root for the disk scenarios";
        return code == 0 ? new Tmpfs(path) : null;
    }

    /// <summary>Writes a filler file until the file system says it is full; returns the bytes written.</summary>
    public long Fill()
    {
        var chunk = new byte[64 * 1024];
        long written = 0;
        // Unbuffered: a buffered stream would flush the part that did not fit when disposed, and throw there.
        using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                stream.Write(chunk);
                stream.Flush(flushToDisk: true);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // Full: the partial last write stays, as on a real disk.
        }

        // A smaller chunk may still fit: leave nothing at all.
        try
        {
            stream.Write(new byte[512]);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
        }

        return written;
    }

    public void Free() => File.Delete(_filler);

    public bool ReadOnly() => Run("mount", "-o", "remount,ro", Path).Code == 0;

    public bool Writable() => Run("mount", "-o", "remount,rw", Path).Code == 0;

    public void Dispose()
    {
        Writable();
        Run("umount", "-l", Path);
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }
}
