using Isms.Workflows.Notifications;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Jobs.Scheduling;

/// <summary>One reminder sent: subject id, kind and step. Ids only, no personal data.</summary>
public sealed class ReminderEntry
{
    /// <summary>"kind|subject|step", the idempotency key.</summary>
    public string Id { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string Kind { get; set; } = "";
    public long Step { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>The idempotency key of one reminder.</summary>
public readonly record struct ReminderKey(string SubjectId, string Kind, long Step)
{
    public string Id => ReminderLedger.Key(SubjectId, Kind, Step);
}

/// <summary>
/// Remembers which reminders were sent, in the shared LiteDB file. A reminder is claimed (insert on a unique key)
/// before it is sent and the claim is released when sending fails, so two runs at once, a run repeated by Hangfire or
/// a run after downtime never send the same step twice, and a failed send is tried again on the next run.
/// </summary>
public sealed class ReminderLedger
{
    public const string CollectionName = "reminder_ledger";

    /// <summary>Up to this many keys of one kind are looked up one by one; more read the kind's range at once.</summary>
    private const int ByIdLimit = 64;

    private readonly IsmsDatabase _database;
    private readonly ILiteCollection<ReminderEntry> _entries;
    private readonly TimeProvider _time;

    public ReminderLedger(IsmsDatabase database, TimeProvider time)
    {
        _database = database;
        _entries = database.Collection<ReminderEntry>(CollectionName);
        _entries.EnsureIndex(e => e.SentAt);
        _time = time;
    }

    public static string Key(string subjectId, string kind, long step) => $"{kind}|{subjectId}|{step}";

    public bool HasSent(string subjectId, string kind, long step) => _entries.FindById(Key(subjectId, kind, step)) is not null;

    /// <summary>True when this call owns the reminder and should send it; false when it was already claimed.</summary>
    public bool TryClaim(string subjectId, string kind, long step)
    {
        try
        {
            _entries.Insert(new ReminderEntry
            {
                Id = Key(subjectId, kind, step),
                SubjectId = subjectId,
                Kind = kind,
                Step = step,
                SentAt = _time.GetUtcNow(),
            });
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Release(string subjectId, string kind, long step) => _entries.Delete(Key(subjectId, kind, step));

    /// <summary>Claims, sends, and releases the claim unless the notification went out. True when it was sent now.</summary>
    public async Task<bool> SendOnceAsync(
        string subjectId, string kind, long step, Func<CancellationToken, Task<NotifyResult>> send, CancellationToken cancellationToken)
    {
        if (!TryClaim(subjectId, kind, step))
        {
            return false;
        }

        try
        {
            if (await send(cancellationToken).ConfigureAwait(false) == NotifyResult.Sent)
            {
                return true;
            }
        }
        catch
        {
            Release(subjectId, kind, step);
            throw;
        }

        Release(subjectId, kind, step);
        return false;
    }

    /// <summary>
    /// Claims many reminders with one read and one write (a pass over thousands of requests would otherwise pay a
    /// LiteDB transaction per reminder). Returns the keys this call owns. When another run claimed one of them in
    /// between, the bulk insert fails as a whole and each is claimed on its own instead.
    /// </summary>
    public IReadOnlySet<ReminderKey> ClaimMany(IEnumerable<ReminderKey> wanted)
    {
        var keys = wanted.Distinct().ToList();
        if (keys.Count == 0)
        {
            return new HashSet<ReminderKey>();
        }

        var taken = Taken(keys);
        var fresh = keys.Where(k => !taken.Contains(k.Id)).ToList();
        var now = _time.GetUtcNow();
        try
        {
            _entries.InsertBulk(fresh.Select(k => new ReminderEntry { Id = k.Id, SubjectId = k.SubjectId, Kind = k.Kind, Step = k.Step, SentAt = now }));
            return fresh.ToHashSet();
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return fresh.Where(k => TryClaim(k.SubjectId, k.Kind, k.Step)).ToHashSet();
        }
    }

    /// <summary>Releases claims whose sending failed, in one transaction.</summary>
    public void ReleaseMany(IReadOnlyCollection<ReminderKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        // Deletes by id in one explicit transaction: LiteDB evaluates "_id IN [many]" document by document, which
        // grows with ledger size times key count. No await happens inside: LiteDB transactions belong to the thread.
        var db = _database.Database;
        var own = db.BeginTrans();
        try
        {
            foreach (var key in keys)
            {
                _entries.Delete(key.Id);
            }

            if (own)
            {
                db.Commit();
            }
        }
        catch
        {
            if (own)
            {
                db.Rollback();
            }

            throw;
        }
    }

    /// <summary>Which of <paramref name="keys"/> are in the ledger: a few by id, many by one index range per kind
    /// (the ids start with "kind|"), never by an IN query.</summary>
    private HashSet<string> Taken(IReadOnlyList<ReminderKey> keys)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in keys.GroupBy(k => k.Kind, StringComparer.Ordinal))
        {
            var ids = kind.Count() <= ByIdLimit
                ? kind.Where(k => _entries.FindById(k.Id) is not null).Select(k => k.Id)
                : _entries.Find(Query.StartsWith("_id", kind.Key + "|")).Select(e => e.Id);
            taken.UnionWith(ids);
        }

        return taken;
    }

    /// <summary>
    /// <see cref="SendOnceAsync"/> for many reminders: claims them together, sends those this call owns one by one,
    /// and releases the ones not sent together. Returns how many were sent now.
    /// </summary>
    public async Task<int> SendOnceEachAsync(
        IReadOnlyList<(ReminderKey Key, Func<CancellationToken, Task<NotifyResult>> Send)> reminders, CancellationToken cancellationToken)
    {
        var owned = ClaimMany(reminders.Select(r => r.Key));
        var unsent = new HashSet<ReminderKey>(owned);
        var sent = 0;
        try
        {
            foreach (var (key, send) in reminders)
            {
                if (unsent.Contains(key) && await send(cancellationToken).ConfigureAwait(false) == NotifyResult.Sent)
                {
                    unsent.Remove(key);
                    sent++;
                }
            }
        }
        finally
        {
            // Failed sends, and after an exception or a cancellation those not tried yet, are released for the next run.
            ReleaseMany(unsent);
        }

        return sent;
    }

    /// <summary>Forgets entries older than <paramref name="before"/> (their subjects are long closed).</summary>
    public int Prune(DateTimeOffset before) => _entries.DeleteMany(e => e.SentAt < before);

    public int Count() => _entries.Count();
}
