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

    /// <summary>Every request waiting for approval, projected to what the chase needs (read in one pass).</summary>
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
            .Where(Query.EQ(nameof(RequestRecord.Status), RequestStatus.PendingApproval.ToString()))
            .Select("{ _id, Number, Title, CreatedAt }")
            .ToEnumerable()
            .Select(d => new PendingRequest(
                d["_id"].AsString,
                d["Number"].AsString ?? "",
                d["Title"].AsString ?? "",
                new DateTimeOffset(d["CreatedAt"].AsDateTime.ToUniversalTime(), TimeSpan.Zero)));
}
