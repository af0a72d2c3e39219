using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Workflows.Tests;

public sealed class LiteDbRequestStoreFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly LiteDbRequestStore _store;

    public LiteDbRequestStoreFacts() => _store = new LiteDbRequestStore(_database);

    public void Dispose() => _database.Dispose();

    private static RequestRecord NewRecord(string key, string userId = "29:alice") => new()
    {
        Kind = FormKind.TakeoutRequest,
        Title = "持ち出し申請",
        Applicant = new RecordApplicant { UserId = userId, Name = "館林 花子" },
        SubmissionKey = key,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Numbers_CountPerPrefixAndYear()
    {
        Assert.Equal("持出-2026-0001", _store.CreateOnce(NewRecord("a"), "持出", 2026).Record.Number);
        Assert.Equal("持出-2026-0002", _store.CreateOnce(NewRecord("b"), "持出", 2026).Record.Number);
        Assert.Equal("誤送信-2026-0001", _store.CreateOnce(NewRecord("c"), "誤送信", 2026).Record.Number);
        Assert.Equal("持出-2027-0001", _store.CreateOnce(NewRecord("d"), "持出", 2027).Record.Number);
    }

    [Fact]
    public void SameSubmissionKey_ReturnsTheExistingRecord_AndUsesNoNumber()
    {
        var (first, created) = _store.CreateOnce(NewRecord("same"), "持出", 2026);
        var (second, createdAgain) = _store.CreateOnce(NewRecord("same"), "持出", 2026);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("持出-2026-0002", _store.CreateOnce(NewRecord("next"), "持出", 2026).Record.Number);
    }

    [Fact]
    public void ConcurrentCreates_GetDistinctConsecutiveNumbers()
    {
        var numbers = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => _store.CreateOnce(NewRecord($"k{i}"), "持出", 2026).Record.Number)
            .ToList();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"持出-2026-{i:D4}").Order(), numbers.Order());
    }

    [Fact]
    public void ListByApplicant_IsNewestFirst_AndOnlyTheirs()
    {
        var older = NewRecord("1");
        var newer = NewRecord("2");
        newer.CreatedAt = older.CreatedAt.AddDays(1);
        _store.CreateOnce(older, "持出", 2026);
        _store.CreateOnce(newer, "持出", 2026);
        _store.CreateOnce(NewRecord("3", userId: "29:bob"), "持出", 2026);

        Assert.Equal(["持出-2026-0002", "持出-2026-0001"], _store.ListByApplicant("29:alice", 10).Select(r => r.Number));
    }

    [Fact]
    public void Update_PersistsStatusAndHistory()
    {
        var (record, _) = _store.CreateOnce(NewRecord("u"), "持出", 2026);
        record.Status = RequestStatus.Approved;
        record.History.Add(new RequestHistoryEntry { At = DateTimeOffset.UnixEpoch, Actor = "29:boss", Action = "Approved" });
        _store.Update(record);

        var reloaded = _store.FindByNumber(record.Number)!;
        Assert.Equal(RequestStatus.Approved, reloaded.Status);
        Assert.Equal("Approved", Assert.Single(reloaded.History).Action);
    }
}
