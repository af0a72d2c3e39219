using System.Globalization;

namespace Isms.Workflows.Storage;

/// <summary>
/// One writer per data directory: an exclusive lock on <c>isms.lock</c> in it, held for the life of the process (the
/// operating system releases it when the process ends, kill -9 included, so a stale file never blocks a start). LiteDB
/// and SQLite open their files shared, so without this two bots on one directory both start and hand out the same
/// record numbers. <c>isms.lock.owner</c> says who holds it, for the message the second one prints (a locked file cannot
/// be read by another process on Unix, so the note is a file of its own).
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "isms.lock";
    public const string OwnerFileName = "isms.lock.owner";

    private readonly FileStream _stream;

    private DataDirectoryLock(string directory, FileStream stream)
    {
        Directory = directory;
        _stream = stream;
    }

    public string Directory { get; }

    /// <summary>Takes the lock or throws <see cref="StorageStartupException"/> naming the directory and the holder.</summary>
    public static DataDirectoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows; both end with the process.
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = DataFiles.OwnerOnly;
            }

            stream = new FileStream(path, options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var cause = StorageFailure.Classify(exception);
            if (cause == StorageCause.Io)
            {
                cause = StorageCause.InUse;
            }

            throw new StorageStartupException(directory, cause, cause == StorageCause.InUse ? InUseDetail(directory) : null, exception);
        }

        try
        {
            var owner = Path.Combine(directory, OwnerFileName);
            using var note = DataFiles.OpenNew(owner, FileMode.Create);
            note.Write(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}{Environment.NewLine}")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Who holds it is only a courtesy for the message; the lock is what counts (a full disk must not stop a start here).
        }

        return new DataDirectoryLock(directory, stream);
    }

    /// <summary>True when some process holds the lock on <paramref name="directory"/> (this one included).</summary>
    public static bool IsHeld(string directory)
    {
        try
        {
            using var probe = Acquire(directory);
            return false;
        }
        catch (StorageStartupException exception) when (exception.Cause == StorageCause.InUse)
        {
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string InUseDetail(string directory)
    {
        string holder;
        try
        {
            holder = File.ReadLines(Path.Combine(directory, OwnerFileName)).FirstOrDefault() is { Length: > 0 } line ? line : "unknown";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            holder = "unknown";
        }

        return $"使用中のプロセス / held by: {holder}. 先に起動しているボットを停止してください / Stop the running bot first. "
            + "複数台で動かすには PostgreSQL を使う構成が必要です (README) / Several instances need PostgreSQL-backed storage (see README).";
    }
}
