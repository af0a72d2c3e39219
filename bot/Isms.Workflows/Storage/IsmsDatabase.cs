using LiteDB;

namespace Isms.Workflows.Storage;

/// <summary>
/// The one LiteDB database of the process. LiteDB allows a single process to own the file, and one
/// <see cref="LiteDatabase"/> instance is thread-safe, so every store shares this instance.
/// </summary>
public sealed class IsmsDatabase : IDisposable
{
    public IsmsDatabase(LiteDatabase database) => Database = database;

    public LiteDatabase Database { get; }

    /// <summary>The one lock under which records and their workflow documents are checked and changed
    /// (<see cref="Requests.RecordChanges"/>): one file, one process, so one lock per database is enough.</summary>
    public Lock RecordGate { get; } = new();

    /// <summary>Opens (or creates) the data file described by the options.</summary>
    public static IsmsDatabase Open(StorageOptions options, string contentRoot)
    {
        var directory = Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(contentRoot, options.DataDirectory);
        Directory.CreateDirectory(directory);
        var connection = new ConnectionString
        {
            Filename = Path.Combine(directory, options.FileName),
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };
        return new IsmsDatabase(new LiteDatabase(connection, NewMapper()));
    }

    /// <summary>An in-memory database, for tests.</summary>
    public static IsmsDatabase InMemory() => new(new LiteDatabase(new MemoryStream(), NewMapper()));

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

    public void Dispose() => Database.Dispose();
}
