using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;

namespace Isms.Workflows.Storage;

/// <summary>
/// The LiteDB engine the stores use, kept working through failures. LiteDB 5 closes its engine for good after an I/O
/// error or a failed internal check ("request page must be less or equals lastest page in data file", a full disk) and
/// then throws the same exception on every call until the process restarts, although the files open fine. This engine
/// passes every call to a real <see cref="LiteEngine"/>; when one fails that way it retires that engine, opens a new one
/// on the same files and, where repeating the call cannot do anything twice, repeats it once:
/// <list type="bullet">
/// <item>reads before their first row, upserts, updates, deletes and index changes: repeated;</item>
/// <item>inserts: repeated for the documents not stored yet (the first attempt may have committed before failing in the
/// checkpoint that follows a commit; the ids it gave are in the documents);</item>
/// <item>a write that failed because the disk is full or read-only: not repeated (it would fail the same way);</item>
/// <item>inside an explicit transaction: never repeated; the transaction is lost with its engine and every later call in
/// it throws, so its work is all or nothing and the caller (a turn) may start over.</item>
/// </list>
/// Writers pass a <see cref="WriteGate"/> that a backup can close for a consistent copy. State and incidents are in
/// <see cref="Health"/>.
/// </summary>
public sealed partial class HealingEngine : ILiteEngine
{
    private static readonly TimeSpan ReopenPause = TimeSpan.FromSeconds(2);

    private readonly Func<ILiteEngine> _open;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reopenLock = new();
    private readonly Lock _schemaLock = new();
    private readonly ThreadLocal<Generation?> _transaction = new();
    private Generation? _current;
    private long _generations;
    private DateTimeOffset _nextAttempt;
    private StorageUnavailableException? _lastFailure;
    private volatile bool _disposed;

    /// <summary>Opens the first engine at once; what that throws is the caller's start-up error.</summary>
    public HealingEngine(Func<ILiteEngine> open, StorageHealth health, ILogger logger, TimeProvider? time = null)
    {
        _open = open;
        Health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _current = new Generation(open(), ++_generations);
    }

    public StorageHealth Health { get; }

    internal WriteGate Gate { get; } = new();

    /// <summary>How many engines have been opened (1 until the first reopen).</summary>
    public long Generations => Interlocked.Read(ref _generations);

    public int Checkpoint() => Run(engine => engine.Checkpoint(), write: false, retry: true);

    public long Rebuild(RebuildOptions options) => Run(engine => engine.Rebuild(options), write: true, retry: false);

    public bool BeginTrans()
    {
        if (_transaction.Value is { } open)
        {
            return InTransaction(open, engine => engine.BeginTrans());
        }

        Gate.Enter();
        var began = false;
        try
        {
            var generation = Acquire();
            try
            {
                began = generation.Engine.BeginTrans();
            }
            catch (Exception exception) when (IsFault(exception, generation, out var collateral))
            {
                Fault(generation, exception, write: true, collateral);
                throw;
            }

            if (began)
            {
                _transaction.Value = generation;
            }

            return began;
        }
        finally
        {
            // The gate stays held by an open transaction until it commits or rolls back.
            if (!began)
            {
                Gate.Exit();
            }
        }
    }

    public bool Commit()
    {
        if (_transaction.Value is not { } transaction)
        {
            return Run(engine => engine.Commit(), write: false, retry: false);
        }

        try
        {
            var committed = InTransaction(transaction, engine => engine.Commit());
            Health.WriteSucceeded();
            return committed;
        }
        finally
        {
            _transaction.Value = null;
            Gate.Exit();
        }
    }

    public bool Rollback()
    {
        if (_transaction.Value is not { } transaction)
        {
            return Run(engine => engine.Rollback(), write: false, retry: false);
        }

        try
        {
            if (transaction.Faulted)
            {
                return false; // the engine that held it is gone, and its work with it
            }

            try
            {
                return transaction.Engine.Rollback();
            }
            catch (Exception exception) when (IsFault(exception, transaction, out var collateral))
            {
                // Rollback runs in a caller's catch block: throwing here would hide the error that made it roll back.
                Fault(transaction, exception, write: true, collateral);
                return false;
            }
        }
        finally
        {
            _transaction.Value = null;
            Gate.Exit();
        }
    }

    public IBsonDataReader Query(string collection, Query query) => new HealingReader(this, collection, query);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        var attempt = 0;
        return Run(engine => attempt++ == 0 ? engine.Insert(collection, docs, autoId) : InsertMissing(engine, collection, docs, autoId),
            write: true, retry: true);
    }

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Run(engine => engine.Update(collection, docs), write: true, retry: true);

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        Run(engine => engine.UpdateMany(collection, transform, predicate), write: true, retry: false);

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Run(engine => engine.Upsert(collection, docs, autoId), write: true, retry: true);

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Run(engine => engine.Delete(collection, ids), write: true, retry: true);

    public int DeleteMany(string collection, BsonExpression predicate) =>
        Run(engine => engine.DeleteMany(collection, predicate), write: true, retry: true);

    // LiteDB 5 reads the header page's list of collections while another thread adds to it ("Collection was modified"
    // from HeaderPage.GetAvailableCollectionSpace): stores that create their collections and indexes from several threads
    // at start-up take turns.
    public bool DropCollection(string name)
    {
        lock (_schemaLock) return Run(engine => engine.DropCollection(name), write: true, retry: false);
    }

    public bool RenameCollection(string name, string newName)
    {
        lock (_schemaLock) return Run(engine => engine.RenameCollection(name, newName), write: true, retry: false);
    }

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique)
    {
        lock (_schemaLock) return Run(engine => engine.EnsureIndex(collection, name, expression, unique), write: true, retry: true);
    }

    public bool DropIndex(string collection, string name)
    {
        lock (_schemaLock) return Run(engine => engine.DropIndex(collection, name), write: true, retry: true);
    }

    public BsonValue Pragma(string name) => Run(engine => engine.Pragma(name), write: false, retry: true);

    public bool Pragma(string name, BsonValue value) => Run(engine => engine.Pragma(name, value), write: true, retry: true);

    public void Dispose()
    {
        lock (_reopenLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_current is { } last)
            {
                DisposeQuietly(last);
            }

            _current = null;
        }

        _transaction.Dispose();
    }

    /// <summary>The engine now in use, opening a new one if the last one was retired. Throws
    /// <see cref="StorageUnavailableException"/> when opening fails (and, for a short pause after that, without trying).</summary>
    internal Generation Acquire()
    {
        var generation = Volatile.Read(ref _current);
        if (generation is { Faulted: false })
        {
            return generation;
        }

        lock (_reopenLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            generation = _current;
            if (generation is { Faulted: false })
            {
                return generation;
            }

            if (generation is not null)
            {
                _current = null;
                DisposeQuietly(generation);
            }

            var now = _time.GetUtcNow();
            if (_lastFailure is not null && now < _nextAttempt)
            {
                throw _lastFailure;
            }

            try
            {
                generation = new Generation(_open(), Interlocked.Increment(ref _generations));
            }
            catch (Exception exception)
            {
                var cause = StorageFailure.Classify(exception);
                _lastFailure = new StorageUnavailableException(Health.Path, cause, exception);
                _nextAttempt = now + ReopenPause;
                Health.ReopenFailed(_lastFailure, cause);
                LogReopenFailed(_logger, exception, Health.Path, StorageFailure.Code(cause), StorageFailure.English(cause));
                throw _lastFailure;
            }

            _lastFailure = null;
            Volatile.Write(ref _current, generation);
            LogReopened(_logger, Health.Path, generation.Number);
            Health.Reopened();
            return generation;
        }
    }

    /// <summary>An exception is a fault of the engine when LiteDB closes itself for it, or when it came from an engine
    /// already retired (other threads' calls fail in any way while it closes).</summary>
    internal bool IsFault(Exception exception, Generation generation, out bool collateral)
    {
        collateral = generation.Faulted;
        return !_disposed && (collateral || StorageFailure.IsEngineFault(exception));
    }

    /// <summary>Records the fault, retires the engine (the next call opens a new one) and says why it failed.</summary>
    internal StorageCause Fault(Generation generation, Exception exception, bool write, bool collateral)
    {
        var cause = StorageFailure.Classify(exception);
        generation.Faulted = true;
        if (collateral)
        {
            Health.Register(exception);
            return cause;
        }

        if (Health.Faulted(exception, cause, writesOnly: write && StorageFailure.NeedsAdministrator(cause)))
        {
            LogIncident(_logger, exception, Health.Path, StorageFailure.Code(cause), StorageFailure.English(cause));
        }
        else
        {
            LogFaultAgain(_logger, Health.Path, StorageFailure.Code(cause), exception.GetType().Name);
        }

        return cause;
    }

    /// <summary>The explicit transaction this thread has open, if any (its calls go to its engine, never repeated).</summary>
    internal Generation? OpenTransaction => _transaction.Value;

    private T Run<T>(Func<ILiteEngine, T> operation, bool write, bool retry)
    {
        if (_transaction.Value is { } transaction)
        {
            return InTransaction(transaction, operation);
        }

        if (write)
        {
            Gate.Enter();
        }

        try
        {
            var generation = Acquire();
            try
            {
                return Succeeded(operation(generation.Engine), write);
            }
            catch (Exception exception) when (IsFault(exception, generation, out var collateral))
            {
                var cause = Fault(generation, exception, write, collateral);
                if (!retry || (write && !collateral && StorageFailure.NeedsAdministrator(cause)))
                {
                    throw;
                }
            }

            var next = Acquire();
            try
            {
                return Succeeded(operation(next.Engine), write);
            }
            catch (Exception exception) when (IsFault(exception, next, out var collateral))
            {
                Fault(next, exception, write, collateral);
                throw;
            }
        }
        finally
        {
            if (write)
            {
                Gate.Exit();
            }
        }
    }

    private T Succeeded<T>(T result, bool write)
    {
        if (write)
        {
            Health.WriteSucceeded();
        }

        return result;
    }

    private T InTransaction<T>(Generation transaction, Func<ILiteEngine, T> operation)
    {
        if (transaction.Faulted)
        {
            // The engine this transaction ran on was retired: its work is gone, and what follows must not run without it.
            var lost = new StorageUnavailableException(Health.Path, Health.Current?.Cause ?? StorageCause.EngineState, null);
            Health.Register(lost);
            throw lost;
        }

        try
        {
            return operation(transaction.Engine);
        }
        catch (Exception exception) when (IsFault(exception, transaction, out var collateral))
        {
            Fault(transaction, exception, write: true, collateral);
            throw;
        }
    }

    private static int InsertMissing(ILiteEngine engine, string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId)
    {
        // One by one, so that a document gets its id before the caller's enumeration moves on (LiteCollection sets the
        // entity's id from the document after each one).
        var count = 0;
        foreach (var doc in docs)
        {
            if (doc.TryGetValue("_id", out var id) && !id.IsNull && Exists(engine, collection, id))
            {
                count++;
                continue;
            }

            count += engine.Insert(collection, [doc], autoId);
        }

        return count;
    }

    private static bool Exists(ILiteEngine engine, string collection, BsonValue id)
    {
        var query = new Query();
        query.Where.Add(BsonExpression.Create("_id = @0", id));
        using var reader = engine.Query(collection, query);
        return reader.Read();
    }

    private void DisposeQuietly(Generation generation)
    {
        try
        {
            generation.Engine.Dispose();
        }
        catch (Exception exception)
        {
            LogDisposeFailed(_logger, exception.GetType().Name);
        }
        finally
        {
            var abandoned = AbandonedTransactions.Release(generation.Engine);
            if (abandoned > 0)
            {
                LogAbandonedTransactions(_logger, abandoned);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} transaction(s) of a closed engine could not be disposed; released from finalization")]
    private static partial void LogAbandonedTransactions(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage incident on {Path}: {Cause}, {Meaning}. The engine is reopened; the administrator is told")]
    private static partial void LogIncident(ILogger logger, Exception exception, string path, string cause, string meaning);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage fault again on {Path} during the open incident: {Cause} ({ExceptionType})")]
    private static partial void LogFaultAgain(ILogger logger, string path, string cause, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reopened the data store {Path} (engine {Generation})")]
    private static partial void LogReopened(ILogger logger, string path, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reopen the data store {Path}: {Cause}, {Meaning}. Trying again on the next request")]
    private static partial void LogReopenFailed(ILogger logger, Exception exception, string path, string cause, string meaning);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a retired engine failed ({ExceptionType}); its files are released anyway")]
    private static partial void LogDisposeFailed(ILogger logger, string exceptionType);

    /// <summary>One opened engine. Faulted once it failed; the next caller replaces it.</summary>
    internal sealed class Generation(ILiteEngine engine, long number)
    {
        private volatile bool _faulted;

        public ILiteEngine Engine { get; } = engine;

        public long Number { get; } = number;

        public bool Faulted
        {
            get => _faulted;
            set => _faulted = value;
        }
    }
}
