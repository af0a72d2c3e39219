namespace Isms.Workflows.Storage;

/// <summary>
/// The bot's data directory, made ready before any file in it is opened: created owner-only, locked for this process
/// (<see cref="DataDirectoryLock"/>), and proven writable with a small write that is flushed to the disk. Whatever stops
/// that is a <see cref="StorageStartupException"/> naming the directory and the cause, instead of the first engine's
/// own message. Disposing it releases the lock.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private const string ProbeFileName = ".write-probe";

    private readonly DataDirectoryLock _lock;

    private DataDirectory(string path, DataDirectoryLock directoryLock)
    {
        Path = path;
        _lock = directoryLock;
    }

    public string Path { get; }

    public static DataDirectory Prepare(StorageOptions options, string contentRoot)
    {
        var path = options.ResolveDirectory(contentRoot);
        try
        {
            DataFiles.CreateFolder(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException(path, StorageFailure.Classify(exception), inner: exception);
        }

        var directoryLock = DataDirectoryLock.Acquire(path);
        try
        {
            ProbeWrite(path);
            return new DataDirectory(path, directoryLock);
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    private static void ProbeWrite(string directory)
    {
        var probe = System.IO.Path.Combine(directory, ProbeFileName);
        try
        {
            using (var stream = DataFiles.OpenNew(probe, FileMode.Create))
            {
                stream.Write(new byte[4096]);
                stream.Flush(flushToDisk: true);
            }

            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException(directory, StorageFailure.Classify(exception), inner: exception);
        }
    }
}
