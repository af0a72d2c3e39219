using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Tests.Storage;

/// <summary>
/// A CI run failed on LiteDB's "Collection was modified; enumeration operation may not execute" thrown from
/// HeaderPage.GetAvailableCollectionSpace while a host's stores created their collections: LiteDB 5 reads the header's
/// collection list while another thread adds to it. Stores create their collections and indexes from several threads
/// at start-up, so the database creates them one at a time.
/// </summary>
public sealed class ConcurrentSchemaFacts
{
    [Fact]
    public void StoresCreatingTheirCollectionsAtOnce_AllSucceed()
    {
        for (var round = 0; round < 20; round++)
        {
            using var database = IsmsDatabase.InMemory();
            using var start = new Barrier(8);
            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    for (var c = 0; c < 6; c++)
                    {
                        var collection = database.Collection<BsonDocument>($"store_{t}_{c}");
                        collection.EnsureIndex("by_key", "$.key", unique: false);
                    }
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Empty(failures);
            Assert.Equal(48, database.Database.GetCollectionNames().Count(n => n.StartsWith("store_", StringComparison.Ordinal)));
        }
    }
}
