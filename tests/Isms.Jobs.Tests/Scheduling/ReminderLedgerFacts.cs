using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Jobs.Tests.Scheduling;

public sealed class ReminderLedgerFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 24, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public void TryClaim_SecondTime_ReturnsFalse()
    {
        var ledger = new ReminderLedger(_database, _time);

        Assert.True(ledger.TryClaim("r1", "approval", 1));
        Assert.False(ledger.TryClaim("r1", "approval", 1));
        Assert.True(ledger.TryClaim("r1", "approval", 2));
        Assert.True(ledger.TryClaim("r2", "approval", 1));
    }

    [Fact]
    public void Claims_SurviveANewLedgerOnTheSameDatabase()
    {
        new ReminderLedger(_database, _time).TryClaim("r1", "approval", 1);

        Assert.True(new ReminderLedger(_database, _time).HasSent("r1", "approval", 1));
    }

    [Fact]
    public async Task SendOnceAsync_SendsOnce_EvenWhenCalledConcurrently()
    {
        var ledger = new ReminderLedger(_database, _time);
        var sends = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            ledger.SendOnceAsync("r1", "approval", 1, _ => { Interlocked.Increment(ref sends); return Task.FromResult(NotifyResult.Sent); }, default))));

        Assert.Equal(1, sends);
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task SendOnceAsync_ReleasesTheClaim_WhenSendingFails()
    {
        var ledger = new ReminderLedger(_database, _time);

        Assert.False(await ledger.SendOnceAsync("r1", "approval", 1, _ => Task.FromResult(NotifyResult.Unreachable), default));
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            ledger.SendOnceAsync("r1", "approval", 1, _ => throw new HttpRequestException("down"), default));
        Assert.False(ledger.HasSent("r1", "approval", 1));

        Assert.True(await ledger.SendOnceAsync("r1", "approval", 1, _ => Task.FromResult(NotifyResult.Sent), default));
        Assert.True(ledger.HasSent("r1", "approval", 1));
    }

    [Fact]
    public void Prune_ForgetsOnlyOldEntries()
    {
        var ledger = new ReminderLedger(_database, _time);
        ledger.TryClaim("old", "approval", 1);
        _time.Advance(TimeSpan.FromDays(400));
        ledger.TryClaim("new", "approval", 1);

        Assert.Equal(1, ledger.Prune(_time.GetUtcNow().AddDays(-365)));
        Assert.False(ledger.HasSent("old", "approval", 1));
        Assert.True(ledger.HasSent("new", "approval", 1));
    }
}
