using System.Runtime.CompilerServices;

namespace Isms.Workflows.Storage;

/// <summary>Whether the data store works: what /healthz reports and what the administrator is told about.</summary>
public enum StorageState
{
    Healthy,
    /// <summary>The engine is open but writes fail (a full or read-only disk): reads go on, writes resume by themselves
    /// once a write succeeds again.</summary>
    Failing,
    /// <summary>The engine could not be reopened; every operation fails until a reopen succeeds.</summary>
    Unavailable,
}

/// <summary>One storage incident: from the first fault to the first success after it.</summary>
public sealed record StorageIncident(long Number, StorageCause Cause, string Path, DateTimeOffset Started, DateTimeOffset? Recovered, int Reopens);

/// <summary>
/// The data store's state, kept by <see cref="HealingEngine"/>. An incident opens at the first fault and closes at the
/// first operation that succeeds after it (for an engine fault that is the reopen itself; for a full or read-only disk, the
/// first write that gets through). <see cref="IncidentOpened"/> and <see cref="IncidentClosed"/> fire once per incident,
/// on the thread that saw the change: subscribers must return quickly and never throw.
/// </summary>
public sealed class StorageHealth(string path, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly ConditionalWeakTable<Exception, object> _faults = [];
    private StorageIncident? _open;
    private long _incidents;
    private long _reopens;

    /// <summary>The data file this health is about.</summary>
    public string Path { get; } = path;

    public StorageState State { get; private set; } = StorageState.Healthy;

    /// <summary>The incident now open, if any.</summary>
    public StorageIncident? Current
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <summary>The last incident that closed.</summary>
    public StorageIncident? LastClosed { get; private set; }

    public long Incidents => Interlocked.Read(ref _incidents);

    /// <summary>How often the engine has been reopened since start.</summary>
    public long Reopens => Interlocked.Read(ref _reopens);

    public event Action<StorageIncident>? IncidentOpened;

    public event Action<StorageIncident>? IncidentClosed;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) was a storage fault seen by the engine: what a
    /// turn may be retried after.</summary>
    public bool IsStorageFault(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StorageUnavailableException || _faults.TryGetValue(current, out _))
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStorageFault))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks an exception as a storage fault without changing the state (it follows from one already counted).</summary>
    internal void Register(Exception exception) => _faults.AddOrUpdate(exception, StorageCause.Io);

    /// <summary>Counts a fault; true when it opened a new incident.</summary>
    internal bool Faulted(Exception exception, StorageCause cause, bool writesOnly)
    {
        _faults.AddOrUpdate(exception, cause);
        StorageIncident? opened = null;
        lock (_lock)
        {
            if (_open is null)
            {
                _open = opened = new StorageIncident(++_incidents, cause, Path, time.GetUtcNow(), null, 0);
            }
            else if (_open.Cause != cause && StorageFailure.NeedsAdministrator(cause))
            {
                _open = _open with { Cause = cause };
            }

            State = writesOnly ? StorageState.Failing : StorageState.Unavailable;
        }

        if (opened is not null)
        {
            IncidentOpened?.Invoke(opened);
        }

        return opened is not null;
    }

    internal void Reopened()
    {
        Interlocked.Increment(ref _reopens);
        StorageIncident? closed = null;
        lock (_lock)
        {
            if (_open is not null)
            {
                _open = _open with { Reopens = _open.Reopens + 1 };
                if (!StorageFailure.NeedsAdministrator(_open.Cause))
                {
                    closed = Close();
                }
                else
                {
                    // Reads work again; writes are proven by the next write that gets through.
                    State = StorageState.Failing;
                }
            }
        }

        if (closed is not null)
        {
            IncidentClosed?.Invoke(closed);
        }
    }

    internal void ReopenFailed(Exception exception, StorageCause cause)
    {
        _faults.AddOrUpdate(exception, cause);
        lock (_lock)
        {
            State = StorageState.Unavailable;
        }
    }

    /// <summary>A write went through: a full or read-only disk is usable again.</summary>
    internal void WriteSucceeded()
    {
        if (State == StorageState.Healthy)
        {
            return;
        }

        StorageIncident? closed = null;
        lock (_lock)
        {
            if (_open is not null && State == StorageState.Failing)
            {
                closed = Close();
            }
        }

        if (closed is not null)
        {
            IncidentClosed?.Invoke(closed);
        }
    }

    private StorageIncident Close()
    {
        var closed = _open! with { Recovered = time.GetUtcNow() };
        _open = null;
        LastClosed = closed;
        State = StorageState.Healthy;
        return closed;
    }
}
