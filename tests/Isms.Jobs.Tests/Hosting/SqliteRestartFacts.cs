using Hangfire;
using Hangfire.Storage.SQLite;

namespace Isms.Jobs.Tests.Hosting;

/// <summary>A real Hangfire server on the embedded SQLite file: work scheduled before a restart runs once after it.</summary>
public sealed class SqliteRestartFacts : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isms-jobs-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The SQLite file may still be held by a closing connection; the temp folder is cleaned up later.
        }
    }

    [Fact]
    public async Task ScheduledJob_RunsOnce_AfterTheServerRestarts()
    {
        var path = Path.Combine(_directory, "hangfire.db");
        var counter = new RunCounter();
        var activator = new CounterActivator(counter);
        var serverOptions = new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromMilliseconds(200), WorkerCount = 2, Activator = activator };

        using (var storage = new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) }))
        using (new BackgroundJobServer(serverOptions, storage))
        {
            new BackgroundJobClient(storage).Schedule<CountingJob>(j => j.Run("request-1"), TimeSpan.FromSeconds(3));
        }

        Assert.Equal(0, counter.Count);

        using (var storage = new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(100) }))
        using (new BackgroundJobServer(serverOptions, storage))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (counter.Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(1500); // time for a second, wrong execution to show
        }

        Assert.Equal(1, counter.Count);
        Assert.Equal(["request-1"], counter.Ids);
    }

    public sealed class RunCounter
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public List<string> Ids { get; } = [];

        public void Add(string id)
        {
            lock (Ids)
            {
                Ids.Add(id);
            }

            Interlocked.Increment(ref _count);
        }
    }

    public sealed class CountingJob(RunCounter counter)
    {
        public void Run(string id) => counter.Add(id);
    }

    private sealed class CounterActivator(RunCounter counter) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(CountingJob) ? new CountingJob(counter) : base.ActivateJob(jobType);
    }
}
