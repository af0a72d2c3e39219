using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isms.Workflows.Storage;

/// <summary>
/// The one LiteDB database of the process. LiteDB allows a single process to own the file, and one
/// <see cref="LiteDatabase"/> instance is thread-safe, so every store shares this instance. Opened through
/// <see cref="Open"/> or <see cref="InMemory"/> it runs on a <see cref="HealingEngine"/>: a failed engine is reopened
/// without a restart, and <see cref="Health"/> says how the store is doing.
/// </summary>
public sealed class IsmsDatabase : IDisposable
{
    private readonly HealingEngine? _engine;

    /// <summary>A database on an engine of the caller's (no healing): for tests that need LiteDB's own behaviour.</summary>
    public IsmsDatabase(LiteDatabase database)
    {
        Database = database;
        Health = new StorageHealth("(external)", TimeProvider.System);
    }

    private IsmsDatabase(HealingEngine engine, string? filePath)
    {
        _engine = engine;
        FilePath = filePath;
        Health = engine.Health;
        Database = new LiteDatabase(engine, NewMapper());
    }

    public LiteDatabase Database { get; }

    public StorageHealth Health { get; }

    /// <summary>The data file, or null for a database in memory.</summary>
    public string? FilePath { get; }

    /// <summary>LiteDB's write-ahead log next to the data file (committed transactions live there until a checkpoint).</summary>
    public string? LogFilePath => FilePath is null ? null : LogFileOf(FilePath);

    /// <summary>The engine, for the backup's write pause and for tests; null when the database was given an engine.</summary>
    public HealingEngine? Engine => _engine;

    /// <summary>The one lock under which records and their workflow documents are checked and changed
    /// (<see cref="Requests.RecordChanges"/>): one file, one process, so one lock per database is enough.</summary>
    public Lock RecordGate { get; } = new();

    /// <summary>
    /// Opens (or creates) the data file described by the options. What keeps it from opening is a
    /// <see cref="StorageStartupException"/> naming the file and the cause (full disk, read-only, permissions, password).
    /// </summary>
    public static IsmsDatabase Open(StorageOptions options, string contentRoot, ILogger? logger = null, TimeProvider? time = null)
    {
        var directory = options.ResolveDirectory(contentRoot);
        var path = Path.Combine(directory, options.FileName);
        try
        {
            DataFiles.CreateFolder(directory);
            DataFiles.Protect(path);
            if (File.Exists(LogFileOf(path)))
            {
                DataFiles.Protect(LogFileOf(path));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException(path, StorageFailure.Classify(exception), inner: exception);
        }

        var settings = new EngineSettings
        {
            Filename = path,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };
        try
        {
            return OnEngine(() => new LiteEngine(settings), path, logger, time);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // LiteDB reports a file that is not a database (or a wrong password) in many ways, an ArgumentOutOfRangeException among them.
            var cause = exception is IOException or UnauthorizedAccessException or LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE }
                ? StorageFailure.Classify(exception)
                : StorageCause.Unreadable;
            throw new StorageStartupException(path, cause, exception.Message, exception);
        }
    }

    /// <summary>An in-memory database, for tests.</summary>
    public static IsmsDatabase InMemory()
    {
        // The streams outlive each engine, so a reopened engine finds what the last one stored.
        var settings = new EngineSettings { DataStream = new MemoryStream(), LogStream = new MemoryStream() };
        return OnEngine(() => new LiteEngine(settings), null, null, null);
    }

    /// <summary>A database on engines <paramref name="open"/> makes (the first at once, the next ones after a fault).</summary>
    public static IsmsDatabase OnEngine(Func<ILiteEngine> open, string? filePath, ILogger? logger, TimeProvider? time)
    {
        time ??= TimeProvider.System;
        var health = new StorageHealth(filePath ?? "(memory)", time);
        return new IsmsDatabase(new HealingEngine(open, health, logger ?? NullLogger.Instance, time), filePath);
    }

    public static string LogFileOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile) ?? "", Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    // Each database gets its own mapper: LiteDB's global one is shared by every database in the process, and two
    // hosts mapping the same types at the same moment (tests start several) can see a half-built entity map.
    private static BsonMapper NewMapper()
    {
        var mapper = new BsonMapper();
        // A procedure's kind is stored as the name its enum had (TakeoutRequest), so older data reads unchanged.
        mapper.RegisterType<Forms.FormKind>(kind => new BsonValue(kind.StoredName), bson => Forms.FormKind.Parse(bson.AsString));
        return mapper;
    }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    /// <summary>
    /// Copies the data file into <paramref name="folder"/> as one consistent moment: writes are held back (at most
    /// <paramref name="pauseTimeout"/> to let those in progress finish), the log is checkpointed into the data file, and the
    /// data file and the log (when it still holds anything) are copied owner-only and flushed. Returns the names of the
    /// files copied; throws <see cref="TimeoutException"/> when writes did not pause in time (nothing is copied then).
    /// </summary>
    public IReadOnlyList<string> CopySnapshotTo(string folder, TimeSpan pauseTimeout)
    {
        if (_engine is null || FilePath is null)
        {
            throw new InvalidOperationException("Only a database opened on a file can be copied.");
        }

        if (!_engine.Gate.TryPause(pauseTimeout))
        {
            throw new TimeoutException($"Writes did not pause within {pauseTimeout.TotalSeconds:F0} s; the snapshot was not taken.");
        }

        try
        {
            Database.Checkpoint();
            var copied = new List<string>();
            foreach (var file in new[] { FilePath, LogFilePath! })
            {
                if (File.Exists(file) && new FileInfo(file).Length > 0)
                {
                    DataFiles.CopyTo(file, Path.Combine(folder, Path.GetFileName(file)));
                    copied.Add(Path.GetFileName(file));
                }
            }

            return copied;
        }
        finally
        {
            _engine.Gate.Resume();
        }
    }

    public void Dispose() => Database.Dispose();
}
