using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Jobs.Ports;

/// <summary>A pending request as the approval chase needs it: a few fields, not the answers or the history.</summary>
public sealed record PendingRequest(string Id, string Number, string Title, DateTimeOffset CreatedAt);

/// <summary>The records the chase jobs read. IRequestStore has no query by status; this reads the same collection.</summary>
public interface IChaseableRequests
{
    IEnumerable<RequestRecord> ListByStatus(RequestStatus status);

    /// <summary>Every request waiting for a decision, projected to what the chase needs (read in one pass): those
    /// PendingApproval, and the non-incident ones still Submitted (a 誤送信報告 waits there for the 管理者's 確認;
    /// a record without a pending approval has no assignment and is not chased).</summary>
    IEnumerable<PendingRequest> PendingApprovals();
}

public sealed class LiteDbChaseableRequests : IChaseableRequests
{
    private readonly ILiteCollection<RequestRecord> _records;
    private readonly ILiteCollection<BsonDocument> _documents;

    public LiteDbChaseableRequests(IsmsDatabase database)
    {
        _records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
        _records.EnsureIndex(r => r.Status);
        _documents = database.Database.GetCollection(LiteDbRequestStore.CollectionName);
    }

    public IEnumerable<RequestRecord> ListByStatus(RequestStatus status) => _records.Find(r => r.Status == status);

    // A projection in the query: LiteDB still reads each document, but maps four fields instead of the whole record
    // (answers and history were most of the time and memory of a chase pass over many pending requests).
    public IEnumerable<PendingRequest> PendingApprovals() =>
        _documents.Query()
            .Where(Query.Or(
                Query.EQ(nameof(RequestRecord.Status), RequestStatus.PendingApproval.ToString()),
                Query.And(Query.EQ(nameof(RequestRecord.Status), RequestStatus.Submitted.ToString()), Query.Not(nameof(RequestRecord.IsIncident), true))))
            .Select("{ _id, Number, Title, CreatedAt }")
            .ToEnumerable()
            .Select(d => new PendingRequest(
                d["_id"].AsString,
                d["Number"].AsString ?? "",
                d["Title"].AsString ?? "",
                new DateTimeOffset(d["CreatedAt"].AsDateTime.ToUniversalTime(), TimeSpan.Zero)));
}
