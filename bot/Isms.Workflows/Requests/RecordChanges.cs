using System.Security.Cryptography;
using Isms.Workflows.Audit;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Requests;

/// <summary>
/// How approvals, incidents and returns change a record: every check-and-change runs under the database's one record
/// lock (LiteDB allows one process per file, so a process lock is enough), the record and the workflow's own document
/// change in one LiteDB transaction, and the audit entries follow inside the same lock. The status itself changes only
/// through <see cref="RequestRecord.ChangeStatus"/>.
/// </summary>
public sealed class RecordChanges
{
    private readonly IsmsDatabase _database;
    private readonly AuditTrail _audit;

    public RecordChanges(IsmsDatabase database, AuditTrail audit)
    {
        _database = database;
        _audit = audit;
        Records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
    }

    public ILiteCollection<RequestRecord> Records { get; }

    public T Locked<T>(Func<T> change)
    {
        lock (_database.RecordGate)
        {
            return change();
        }
    }

    public void Locked(Action change)
    {
        lock (_database.RecordGate)
        {
            change();
        }
    }

    /// <summary>Stores the record and, in the same transaction, whatever else the change writes (the approval or incident
    /// document, a register entry); then appends <paramref name="audit"/> in order. Call it inside <see cref="Locked{T}"/>.</summary>
    public void Commit(RequestRecord record, Action? alsoInTransaction, IEnumerable<AuditEvent> audit)
    {
        var db = _database.Database;
        if (!db.BeginTrans()) throw new InvalidOperationException("A record change is already in a transaction on this thread.");
        try
        {
            Records.Update(record);
            alsoInTransaction?.Invoke();
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }

        foreach (var entry in audit)
        {
            _audit.Append(entry);
        }
    }

    /// <summary>A fresh card version: random, so that a card whose version is not the current one (old, replayed or
    /// forged) is refused.</summary>
    public static string NewCardVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
