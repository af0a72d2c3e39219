using Isms.Workflows.Storage;
using LiteDB;
using LiteDB.Engine;

namespace Isms.Workflows.Tests.Storage;

/// <summary>
/// A transaction a failed write left open must not be finalized by LiteDB 5.0.21 on the GC thread, where its rollback
/// can throw and end the process (litedb-org/LiteDB#2828): a closed engine's open transactions are found and released.
/// </summary>
public sealed class AbandonedTransactionsFacts
{
    [Fact]
    public void TheShippedLiteDb_HasTheFieldsTheReleaseReads()
    {
        // Fails when a LiteDB upgrade renames the monitor or its list: then check whether #2828 is fixed in that version.
        Assert.True(AbandonedTransactions.Supported);
    }

    [Fact]
    public void ATransactionLeftOpenByAThreadThatEnded_IsFound_AndReleased()
    {
        var engine = new LiteEngine(new EngineSettings { DataStream = new MemoryStream() });
        var writer = new Thread(() =>
        {
            Assert.True(engine.BeginTrans());
            engine.Insert("records", [new BsonDocument { ["n"] = 1 }], BsonAutoId.ObjectId);
        });
        writer.Start();
        writer.Join();

        Assert.Equal(1, AbandonedTransactions.Release(engine));

        engine.Dispose();
        Assert.Equal(0, AbandonedTransactions.Release(engine));
    }

    [Fact]
    public void AnEngineWithNothingOpen_HasNothingToRelease()
    {
        using var engine = new LiteEngine(new EngineSettings { DataStream = new MemoryStream() });
        engine.Insert("records", [new BsonDocument { ["n"] = 1 }], BsonAutoId.ObjectId);

        Assert.Equal(0, AbandonedTransactions.Release(engine));
    }
}
