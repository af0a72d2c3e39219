using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Jobs.Ports;

/// <summary>The records the chase jobs read. IRequestStore has no query by status; this reads the same collection.</summary>
public interface IChaseableRequests
{
    IEnumerable<RequestRecord> ListByStatus(RequestStatus status);
}

public sealed class LiteDbChaseableRequests : IChaseableRequests
{
    private readonly ILiteCollection<RequestRecord> _records;

    public LiteDbChaseableRequests(IsmsDatabase database)
    {
        _records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
        _records.EnsureIndex(r => r.Status);
    }

    public IEnumerable<RequestRecord> ListByStatus(RequestStatus status) => _records.Find(r => r.Status == status);
}
