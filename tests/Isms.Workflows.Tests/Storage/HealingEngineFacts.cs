using Isms.Workflows.Storage;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Storage;

/// <summary>
/// Issue 13 finding 1: once LiteDB's engine failed (an I/O error, an internal check such as "request page must be less or
/// equals lastest page in data file", a full disk) every later call failed until a restart. The real engine runs on
/// streams that fail on demand; the database must reopen it and go on.
/// </summary>
public sealed class HealingEngineFacts : IDisposable
{
    private readonly FaultyStream _data = new(new MemoryStream());
    private readonly FaultyStream _log = new(new MemoryStream());
    private readonly List<IsmsDatabase> _opened = [];

    [Fact]
    public void LiteDbOnItsOwn_StaysClosedAfterOneIoError()
    {
        // Why the healing is needed: the same fault on a bare LiteDatabase fails every call after it.
        Seed(10);
        using var bare = new LiteDatabase(new LiteEngine(Settings()));
        _data.FailNextReads(1);
        Assert.ThrowsAny<IOException>(() => bare.GetCollection("things").Count());
        _data.Heal();
        Assert.ThrowsAny<Exception>(() => bare.GetCollection("things").Count()); // ObjectDisposedException: the engine closed itself
    }

    [Fact]
    public void AnIoErrorOnRead_ReopensTheEngine_AndTheReadIsRepeated()
    {
        Seed(10);
        var database = Open();
        _data.FailNextReads(1);

        Assert.Equal(10, database.Collection<BsonDocument>("things").Count());
        Assert.Equal(10, database.Collection<BsonDocument>("things").Count());
        Assert.Equal(2, database.Engine!.Generations);
        Assert.Equal(StorageState.Healthy, database.Health.State);
        Assert.Equal(1, database.Health.Incidents);
        Assert.Equal(StorageCause.Io, database.Health.LastClosed!.Cause);
    }

    [Fact]
    public void ATornPage_IsAFaultOfTheEngine_AndHealsTheSameWay()
    {
        Seed(200);
        var database = Open();
        var reads = _data.Reads;
        _data.ZeroNextReads(1);

        var all = database.Collection<BsonDocument>("things").FindAll().ToList();

        Assert.True(_data.Reads > reads, "the query read the data file");
        Assert.Equal(200, all.Count);
        Assert.Equal(Enumerable.Range(1, 200), all.Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public void AFullDisk_FailsWritesPlainly_ReadsGoOn_AndWritesResumeWhenSpaceReturns()
    {
        Seed(3);
        var database = Open();
        var opened = new List<StorageIncident>();
        var closed = new List<StorageIncident>();
        database.Health.IncidentOpened += opened.Add;
        database.Health.IncidentClosed += closed.Add;
        var things = database.Collection<BsonDocument>("things");
        _log.Error = () => new IOException("No space left on device", FaultyStream.Enospc);
        _log.FailAllWrites();

        for (var i = 0; i < 3; i++)
        {
            var error = Assert.ThrowsAny<IOException>(() => things.Insert(new BsonDocument { ["_id"] = 100 + i }));
            Assert.Equal(StorageCause.DiskFull, StorageFailure.Classify(error));
        }

        Assert.Equal(StorageState.Failing, database.Health.State);
        Assert.Equal(StorageCause.DiskFull, database.Health.Current!.Cause);
        Assert.Equal(3, things.Count());

        _log.Heal();
        things.Insert(new BsonDocument { ["_id"] = 200 });

        Assert.Equal(4, things.Count());
        Assert.Equal(StorageState.Healthy, database.Health.State);
        Assert.Single(opened);
        Assert.Single(closed);
        Assert.Equal(StorageCause.DiskFull, closed[0].Cause);
    }

    [Fact]
    public void AnInsertThatCommittedBeforeItsCheckpointFailed_IsStoredOnce()
    {
        // LiteDB checkpoints right after a commit once the log is long enough: the insert is in the log when the error
        // comes. Repeating it must not store the document twice.
        var database = Open();
        database.Database.Pragma("CHECKPOINT", 1);
        var things = database.Collection<Thing>("things");
        things.Insert(new Thing { Name = "first" });
        _data.FailNextWrites(1);

        var id = things.Insert(new Thing { Name = "second" });

        Assert.Equal(["first", "second"], things.FindAll().Select(t => t.Name).Order());
        Assert.Equal("second", things.FindById(id).Name);
        Assert.Equal(2, database.Engine!.Generations);
    }

    [Fact]
    public void ATransactionWhoseEngineFailed_IsLostWhole_AndLaterWorkGoesOn()
    {
        Seed(5);
        var database = Open();
        var things = database.Collection<BsonDocument>("things");

        Assert.True(database.Database.BeginTrans());
        things.Insert(new BsonDocument { ["_id"] = 50 });
        _data.FailNextReads(1);
        Assert.ThrowsAny<IOException>(() => database.Collection<BsonDocument>("others").FindById(3)); // not read yet: from the disk
        Assert.Throws<StorageUnavailableException>(() => things.Insert(new BsonDocument { ["_id"] = 51 }));
        Assert.False(database.Database.Rollback());

        Assert.Equal(5, things.Count());
        Assert.Null(things.FindById(50));
        things.Insert(new BsonDocument { ["_id"] = 52 });
        Assert.Equal(6, things.Count());
    }

    [Fact]
    public void WhenTheEngineCannotBeReopened_TheStoreIsUnavailable_UntilItCan()
    {
        Seed(2);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var refuse = false;
        var database = IsmsDatabase.OnEngine(() => refuse ? throw new IOException("Input/output error", FaultyStream.Eio) : new LiteEngine(Settings()),
            null, null, clock);
        _opened.Add(database);
        var things = database.Collection<BsonDocument>("things");
        refuse = true;
        _data.FailNextReads(1);

        Assert.Throws<StorageUnavailableException>(() => things.Count());
        Assert.Equal(StorageState.Unavailable, database.Health.State);
        refuse = false;
        Assert.Throws<StorageUnavailableException>(() => things.Count()); // within the pause: no new attempt yet
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(2, things.Count());
        Assert.Equal(StorageState.Healthy, database.Health.State);
        Assert.True(database.Health.IsStorageFault(new AggregateException(new StorageUnavailableException("x", StorageCause.Io, null))));
    }

    [Fact]
    public void ManyThreads_ThroughAFault_AllFinish_AndNothingIsLost()
    {
        var database = Open();
        var things = database.Collection<BsonDocument>("things");
        var failures = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i == 100)
            {
                _log.FailNextWrites(1);
            }

            try
            {
                things.Upsert(new BsonDocument { ["_id"] = i, ["n"] = i });
                _ = things.FindById(i);
            }
            catch (IOException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        // At most the writes that met the fault itself fail (an upsert inside it is repeated); every one acknowledged is stored.
        Assert.InRange(failures, 0, 1);
        Assert.Equal(400 - failures, things.Count());
        Assert.True(database.Engine!.Generations >= 2);
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }
    }

    private EngineSettings Settings() => new() { DataStream = _data, LogStream = _log };

    private IsmsDatabase Open()
    {
        var database = IsmsDatabase.OnEngine(() => new LiteEngine(Settings()), null, null, null);
        _opened.Add(database);
        return database;
    }

    /// <summary>Stores documents and checkpoints them into the data stream, then closes: the next engine reads them from "disk".</summary>
    private void Seed(int count)
    {
        using var seed = new LiteDatabase(new LiteEngine(Settings()));
        seed.GetCollection("things").InsertBulk(Enumerable.Range(1, count).Select(i => new BsonDocument { ["_id"] = i, ["text"] = new string('x', 400) }));
        seed.GetCollection("others").InsertBulk(Enumerable.Range(1, count).Select(i => new BsonDocument { ["_id"] = i }));
        seed.Checkpoint();
    }

    public sealed class Thing
    {
        public ObjectId Id { get; set; } = ObjectId.Empty;
        public string Name { get; set; } = "";
    }
}
