using Isms.Jobs.Ports;
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

/// <summary>
/// Remembers which reminders were sent, in the shared LiteDB file. A reminder is claimed (insert on a unique key)
/// before it is sent and the claim is released when sending fails, so two runs at once, a run repeated by Hangfire or
/// a run after downtime never send the same step twice, and a failed send is tried again on the next run.
/// </summary>
public sealed class ReminderLedger
{
    public const string CollectionName = "reminder_ledger";

    private readonly ILiteCollection<ReminderEntry> _entries;
    private readonly TimeProvider _time;

    public ReminderLedger(IsmsDatabase database, TimeProvider time)
    {
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

    /// <summary>Forgets entries older than <paramref name="before"/> (their subjects are long closed).</summary>
    public int Prune(DateTimeOffset before) => _entries.DeleteMany(e => e.SentAt < before);

    public int Count() => _entries.Count();
}
