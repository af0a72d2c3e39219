using Isms.Workflows.Audit;
using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Audit;

public sealed class AuditTrailFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 0, 30, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private AuditTrail Trail(ILogger<AuditTrail>? logger = null) => new(_database, _time, logger ?? NullLogger<AuditTrail>.Instance);

    private ILiteCollection<BsonDocument> Raw => _database.Database.GetCollection(AuditTrail.EntriesCollection);

    private AuditTrail WithThreeEntries()
    {
        var trail = Trail();
        trail.Append(new AuditEvent("Submitted", "E0001", "山田 太郎", "rec-1", "持出-2026-0001", null, "PendingApproval", "5.1(1)③(イ)", "act-1"));
        _time.Advance(TimeSpan.FromMinutes(5));
        trail.Append(new AuditEvent("Approved", "E0002", "佐藤 花子", "rec-1", "持出-2026-0001", "PendingApproval", "Approved", "5.1(1)③(イ)", "act-2"));
        _time.Advance(TimeSpan.FromMinutes(5));
        trail.Append(new AuditEvent("Closed", "E0002", "佐藤 花子", "rec-1", "持出-2026-0001", "Approved", "Closed", "5.1(1)⑤", "act-3", "返却を確認"));
        return trail;
    }

    [Fact]
    public void Append_NumbersAndChainsTheEntries()
    {
        var trail = WithThreeEntries();

        var entries = trail.Entries();
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(AuditTrail.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal(64, entries[2].Hash.Length);
        Assert.Equal(_time.GetUtcNow(), entries[2].At);
        Assert.Equal(("佐藤 花子", "act-2", "Approved"), (entries[1].Event.ActorName, entries[1].Event.ActivityId, entries[1].Event.ToStatus));
    }

    [Fact]
    public void Verify_IsValid_WhenAFieldIsAnEmptyString()
    {
        // LiteDB reads "" back as null; the chain must not break on that.
        var trail = Trail();
        trail.Append(new AuditEvent("Submitted", "E0001", "", "rec-9", "", null, "", "5.1(1)③(イ)", "", ""));

        Assert.True(trail.Verify().IsValid);
    }

    [Fact]
    public void Finding9_Verify_IsValid_WhenAnActivityIdOrNameHasSurroundingWhitespace()
    {
        // LiteDB trims every string it stores: the hash must be of what is stored, not of what was handed in.
        var trail = Trail();
        var appended = trail.Append(new AuditEvent("Approved", " E0002", "佐藤 花子\t", "rec-1", "持出-2026-0001 ", null, "Approved", "5.1(1)③(イ)",
            "  f:1234567890abcdef \r\n", "\u3000承認\u3000"));
        trail.Append(new AuditEvent("Closed", "E0002", ActivityId: "act-2"));

        Assert.Equal(AuditVerification.Valid(2), trail.Verify());
        var stored = trail.Entries()[0];
        Assert.Equal(("E0002", "佐藤 花子", "f:1234567890abcdef", "承認"), (stored.Event.ActorId, stored.Event.ActorName, stored.Event.ActivityId, stored.Event.Detail));
        Assert.Equal(appended, stored);
    }

    [Fact]
    public void Finding9_AnEntryWithoutSurroundingWhitespace_HashesAsBefore_SoExistingChainsStillVerify()
    {
        // SHA-256 of [1,"2026-06-01T00:30:00.0000000+00:00","E0001",null,"Submitted","rec-1","X-2026-0001",null,
        // "PendingApproval","5.1","act-1",null,"000…0"] with the + escaped as \u002B, the form entries have always been hashed in
        // (worked out outside .NET).
        var entry = Trail().Append(new AuditEvent("Submitted", "E0001", null, "rec-1", "X-2026-0001", null, "PendingApproval", "5.1", "act-1"));

        Assert.Equal("cdba23d840cc96153b685cbf620f7b21a711b7b9f16bfb87a2cdad560905dd6c", entry.Hash);
    }

    [Fact]
    public void Verify_IsValid_ForAnUntouchedTrail()
    {
        Assert.Equal(AuditVerification.Valid(0), Trail().Verify());
        Assert.Equal(AuditVerification.Valid(3), WithThreeEntries().Verify());
    }

    [Fact]
    public void Verify_FindsAnEditedEntry()
    {
        var trail = WithThreeEntries();
        var second = Raw.FindById(2);
        second["ActorId"] = "E0005";
        Raw.Update(second);

        var result = trail.Verify();

        Assert.Equal((false, 2L, 1L), (result.IsValid, result.FirstBrokenSequence!.Value, result.EntryCount));
        Assert.Contains("書き換え", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FindsAnEditedEntryWhoseOwnHashWasRecomputed()
    {
        var trail = WithThreeEntries();
        var second = Raw.FindById(2);
        second["ToStatus"] = "Rejected";
        Raw.Update(second);
        var edited = _database.Collection<AuditTrail.AuditDocument>(AuditTrail.EntriesCollection).FindById(2);
        second["Hash"] = AuditTrail.HashOf(edited);
        Raw.Update(second);

        Assert.Equal(3L, trail.Verify().FirstBrokenSequence);
    }

    [Fact]
    public void Verify_FindsADeletedEntry()
    {
        var trail = WithThreeEntries();
        Raw.Delete(2);

        var result = trail.Verify();

        Assert.Equal(2L, result.FirstBrokenSequence);
        Assert.Contains("連番2の記録がありません", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FindsTheNewestEntryDeleted()
    {
        var trail = WithThreeEntries();
        Raw.Delete(3);

        var result = trail.Verify();

        Assert.False(result.IsValid);
        Assert.Equal(3L, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_FindsReorderedEntries()
    {
        var trail = WithThreeEntries();
        var second = Raw.FindById(2);
        var third = Raw.FindById(3);
        (second["_id"], third["_id"]) = (third["_id"], second["_id"]);
        Raw.Update(second);
        Raw.Update(third);

        Assert.Equal(2L, trail.Verify().FirstBrokenSequence);
    }

    [Fact]
    public async Task Append_IsSafeUnderConcurrency()
    {
        var trail = Trail();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++) trail.Append(new AuditEvent("Noted", $"E{worker}", RecordId: $"rec-{worker}-{i}"));
        })));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), trail.Entries().Select(e => e.Sequence));
        Assert.True(trail.Verify().IsValid);
    }

    [Fact]
    public void Chain_ContinuesAfterTheDatabaseIsReopened()
    {
        var file = Path.Combine(Path.GetTempPath(), $"isms-audit-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new IsmsDatabase(new LiteDatabase(file)))
                new AuditTrail(db, _time, NullLogger<AuditTrail>.Instance).Append(new AuditEvent("Submitted", "E0001"));
            using (var db = new IsmsDatabase(new LiteDatabase(file)))
            {
                var trail = new AuditTrail(db, _time, NullLogger<AuditTrail>.Instance);
                Assert.Equal(2L, trail.Append(new AuditEvent("Approved", "E0002")).Sequence);
                Assert.Equal(AuditVerification.Valid(2), trail.Verify());
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Append_LogsIdsAndKindsButNoNames()
    {
        var logger = new ListLogger();
        var trail = Trail(logger);

        trail.Append(new AuditEvent("Submitted", "E0001", "山田 太郎", "rec-9", Detail: "個人情報を含むメールを誤送信"));

        var message = Assert.Single(logger.Messages);
        Assert.Contains("rec-9", message, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", message, StringComparison.Ordinal);
        Assert.DoesNotContain("個人情報", message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<AuditTrail>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
