using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Tests.Storage;

/// <summary>
/// A CI run failed on "Collection 'conversation_refs' lock timeout when entering in write mode after 00:01:00" while a
/// host started: a write lock was held by a transaction that never ended. LiteDB keeps such a lock until the process
/// ends, so every later write to that collection failed too. The database now treats a lock timeout like the other
/// engine faults: it reopens the engine (which frees every lock) and repeats the write once.
/// </summary>
public sealed class StuckLockFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly ManualResetEventSlim _release = new();
    private Thread? _holder;

    [Fact]
    public void AWriteBlockedByATransactionThatNeverEnds_ReopensTheEngine_AndIsStored()
    {
        var things = _database.Collection<BsonDocument>("things");
        things.Insert(new BsonDocument { ["_id"] = 1 });
        ShortenLockTimeout();
        Exception? holderCommit = null;
        HoldWriteLockOnAnotherThread(things, onRelease: () => holderCommit = Record(() => _database.Database.Commit()));

        things.Insert(new BsonDocument { ["_id"] = 2 });

        Assert.Equal(2, _database.Engine!.Generations);
        Assert.Equal([1, 2], things.FindAll().Select(d => d["_id"].AsInt32).Order());
        Assert.Equal(StorageState.Healthy, _database.Health.State);
        Assert.Equal(1, _database.Health.Incidents);
        Assert.Equal(StorageCause.EngineState, _database.Health.LastClosed!.Cause);

        // The stuck transaction's work is gone with its engine, and its owner is told so instead of committing half of it.
        ReleaseHolder();
        Assert.IsType<StorageUnavailableException>(holderCommit);
        Assert.Null(things.FindById(99));
        things.Insert(new BsonDocument { ["_id"] = 3 });
        Assert.Equal(3, things.Count());
    }

    [Fact]
    public void ALockTimeout_IsClassifiedAsAnEngineFault_NotAsADiskError()
    {
        var things = _database.Collection<BsonDocument>("things");
        things.Insert(new BsonDocument { ["_id"] = 1 });
        ShortenLockTimeout();
        HoldWriteLockOnAnotherThread(things, onRelease: () => Record(() => _database.Database.Rollback()));

        // Straight to the current engine, past the healing, to see what LiteDB itself throws.
        var timeout = Assert.Throws<LiteException>(() => _database.Engine!.Acquire().Engine.Insert("things", [new BsonDocument { ["_id"] = 5 }], BsonAutoId.Int32));

        Assert.Equal(LiteException.LOCK_TIMEOUT, timeout.ErrorCode);
        Assert.True(StorageFailure.IsEngineFault(timeout));
        Assert.Equal(StorageCause.EngineState, StorageFailure.Classify(timeout));
        Assert.False(StorageFailure.NeedsAdministrator(StorageFailure.Classify(timeout)));
    }

    public void Dispose()
    {
        ReleaseHolder();
        _database.Dispose();
        _release.Dispose();
    }

    /// <summary>LiteDB waits a minute for a lock; a second keeps the test short.</summary>
    private void ShortenLockTimeout()
    {
        _database.Database.Timeout = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(1), _database.Database.Timeout);
    }

    /// <summary>Starts a thread that opens a transaction, writes to <paramref name="things"/> (taking its write lock) and then
    /// waits, never finishing, until the test releases it; then it runs <paramref name="onRelease"/>.</summary>
    private void HoldWriteLockOnAnotherThread(ILiteCollection<BsonDocument> things, Action onRelease)
    {
        using var holding = new ManualResetEventSlim();
        _holder = new Thread(() =>
        {
            Assert.True(_database.Database.BeginTrans());
            things.Insert(new BsonDocument { ["_id"] = 99 });
            holding.Set();
            _release.Wait();
            onRelease();
        });
        _holder.Start();
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the holder took the lock");
    }

    private void ReleaseHolder()
    {
        _release.Set();
        _holder?.Join(TimeSpan.FromSeconds(30));
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
