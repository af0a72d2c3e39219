using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Jobs.Tests.Scheduling;

/// <summary>The bulk path of the ledger (one pass over many requests) keeps the promises of the single one.</summary>
public sealed class ReminderLedgerBulkFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 24, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private static List<ReminderKey> Keys(int count, string kind = "approval") =>
        Enumerable.Range(0, count).Select(i => new ReminderKey($"r{i}", kind, 1)).ToList();

    [Theory]
    [InlineData(3)] // looked up one by one
    [InlineData(500)] // looked up by the kind's id range
    public void ClaimMany_ClaimsOnlyWhatNobodyHas_WhateverTheSize(int count)
    {
        var ledger = new ReminderLedger(_database, _time);
        Assert.True(ledger.TryClaim("r1", "approval", 1));
        Assert.True(ledger.TryClaim("r2", "approval-digest", 1)); // another kind whose name starts the same

        var owned = ledger.ClaimMany(Keys(count).Append(new ReminderKey("r2", "approval", 1)));

        Assert.DoesNotContain(new ReminderKey("r1", "approval", 1), owned);
        Assert.Contains(new ReminderKey("r2", "approval", 1), owned);
        Assert.Equal(Math.Max(count, 3) - 1, owned.Count);
        Assert.Empty(ledger.ClaimMany(Keys(count)));
    }

    [Fact]
    public async Task SendOnceEach_ReleasesWhatWasNotSent_SoTheNextRunTriesAgain()
    {
        var ledger = new ReminderLedger(_database, _time);
        var reached = new HashSet<string> { "r0", "r2" };
        var reminders = Keys(100).Select(k => (k, (Func<CancellationToken, Task<NotifyResult>>)(_ =>
            Task.FromResult(reached.Contains(k.SubjectId) ? NotifyResult.Sent : NotifyResult.Unreachable)))).ToList();

        Assert.Equal(2, await ledger.SendOnceEachAsync(reminders, default));
        Assert.Equal(2, ledger.Count());

        reached.Add("r5");
        Assert.Equal(1, await ledger.SendOnceEachAsync(reminders, default));
        Assert.True(ledger.HasSent("r5", "approval", 1));
        Assert.False(ledger.HasSent("r6", "approval", 1));
    }

    [Fact]
    public async Task SendOnceEach_AfterASendThrows_ReleasesTheFailedAndTheUntried()
    {
        var ledger = new ReminderLedger(_database, _time);
        var reminders = Keys(3).Select(k => (k, (Func<CancellationToken, Task<NotifyResult>>)(_ =>
            k.SubjectId == "r1" ? throw new HttpRequestException("down") : Task.FromResult(NotifyResult.Sent)))).ToList();

        await Assert.ThrowsAsync<HttpRequestException>(() => ledger.SendOnceEachAsync(reminders, default));

        Assert.True(ledger.HasSent("r0", "approval", 1));
        Assert.False(ledger.HasSent("r1", "approval", 1));
        Assert.False(ledger.HasSent("r2", "approval", 1));
    }

    [Fact]
    public async Task TwoPassesAtOnce_SendEachReminderOnce()
    {
        var ledger = new ReminderLedger(_database, _time);
        var sends = 0;
        var reminders = Keys(300).Select(k => (k, (Func<CancellationToken, Task<NotifyResult>>)(async _ =>
        {
            Interlocked.Increment(ref sends);
            await Task.Yield();
            return NotifyResult.Sent;
        }))).ToList();

        var results = await Task.WhenAll(Task.Run(() => ledger.SendOnceEachAsync(reminders, default)), Task.Run(() => ledger.SendOnceEachAsync(reminders, default)));

        Assert.Equal(300, results.Sum());
        Assert.Equal(300, sends);
    }
}
