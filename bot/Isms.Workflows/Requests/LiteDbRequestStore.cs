using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Requests;

/// <summary>
/// Records in LiteDB. Numbers come from one counter document per prefix and year, incremented in the same
/// transaction that inserts the record; a process-wide lock serialises numbering (LiteDB reads inside a transaction
/// do not lock, so two writers could otherwise read the same counter).
/// </summary>
public sealed class LiteDbRequestStore : IRequestStore
{
    public const string CollectionName = "requests";
    public const string CounterCollectionName = "request_counters";

    private readonly IsmsDatabase _database;
    private readonly ILiteCollection<RequestRecord> _records;
    private readonly ILiteCollection<NumberCounter> _counters;
    // Process-wide: records are also numbered inside a workflow's transaction (InsertNumbered).
    private static readonly Lock Numbering = new();

    public LiteDbRequestStore(IsmsDatabase database)
    {
        _database = database;
        _records = database.Collection<RequestRecord>(CollectionName);
        _counters = database.Collection<NumberCounter>(CounterCollectionName);
        _records.EnsureIndex(r => r.Number, unique: true);
        _records.EnsureIndex(r => r.SubmissionKey, unique: true);
        _records.EnsureIndex(r => r.Applicant.UserId);
    }

    public (RequestRecord Record, bool Created) CreateOnce(RequestRecord record, string numberPrefix, int year)
    {
        lock (Numbering)
        {
            var existing = FindBySubmissionKey(record.SubmissionKey);
            if (existing is not null)
            {
                return (existing, false);
            }

            var db = _database.Database;
            db.BeginTrans();
            try
            {
                Insert(_counters, _records, record, numberPrefix, year);
                db.Commit();
                return (record, true);
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Numbers and inserts a record inside the caller's transaction (a workflow that makes a record of another).</summary>
    public static void InsertNumbered(IsmsDatabase database, RequestRecord record, string numberPrefix, int year)
    {
        lock (Numbering)
        {
            Insert(database.Collection<NumberCounter>(CounterCollectionName), database.Collection<RequestRecord>(CollectionName), record, numberPrefix, year);
        }
    }

    private static void Insert(ILiteCollection<NumberCounter> counters, ILiteCollection<RequestRecord> records, RequestRecord record, string numberPrefix, int year)
    {
        var counterId = $"{numberPrefix}-{year}";
        var counter = counters.FindById(counterId) ?? new NumberCounter { Id = counterId };
        counter.Value++;
        counters.Upsert(counter);
        record.Number = $"{counterId}-{counter.Value:D4}";
        if (string.IsNullOrEmpty(record.Id))
        {
            record.Id = Guid.NewGuid().ToString("N");
        }

        records.Insert(record);
    }

    public RequestRecord? FindBySubmissionKey(string submissionKey) =>
        _records.FindOne(r => r.SubmissionKey == submissionKey);

    public RequestRecord? FindByNumber(string number) => _records.FindOne(r => r.Number == number);

    public RequestRecord? FindById(string id) => _records.FindById(id);

    public IReadOnlyList<RequestRecord> ListByApplicant(string userId, int limit) =>
        _records.Find(r => r.Applicant.UserId == userId)
            .OrderByDescending(r => r.CreatedAt)
            .Take(limit)
            .ToList();

    public void Update(RequestRecord record) => _records.Update(record);

    private sealed class NumberCounter
    {
        public string Id { get; set; } = "";
        public int Value { get; set; }
    }
}
