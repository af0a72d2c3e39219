using Isms.Workflows.Incidents;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Jobs.Ports;

/// <summary>Incident cases not closed yet, as the incident chain stores them (collection <c>incidents</c>).</summary>
public interface IOpenIncidents
{
    IEnumerable<IncidentCase> Open();
}

public sealed class LiteDbOpenIncidents : IOpenIncidents
{
    private readonly ILiteCollection<IncidentCase> _cases;

    public LiteDbOpenIncidents(IsmsDatabase database)
    {
        _cases = database.Collection<IncidentCase>(IncidentService.CollectionName);
        _cases.EnsureIndex(c => c.Status);
    }

    public IEnumerable<IncidentCase> Open() => _cases.Find(c => c.Status != IncidentStatus.Closed);
}
