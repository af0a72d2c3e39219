using Isms.Workflows;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Training;

namespace Isms.Bot.Jobs;

/// <summary>
/// The jobs' view of the org directory: who holds a role (per 所属 for the departmental ones), with the deputies
/// active today, and everyone for training. Reads the current directory on every call, so a reload counts at once.
/// </summary>
public sealed class DirectoryPeopleLookup(OrgDirectoryService directory, TimeProvider time) : IPeopleLookup
{
    public Task<IReadOnlyList<Recipient>> HoldersAsync(IsmsRole role, string? department, CancellationToken cancellationToken)
    {
        var current = directory.Current;
        var orgRole = ToOrgRole(role);
        var today = JapanTime.Today(time);
        var holders = current.Roles
            .Where(r => r.Role == orgRole && (department is null || !orgRole.IsDepartmental() || r.Department == department.Trim()))
            .Select(r => r.PersonId)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(id => current.FindById(id) is { } holder ? [holder, .. current.ActiveDeputies(id, orgRole, today)] : Array.Empty<Person>())
            .DistinctBy(p => p.Id)
            .Select(StaffIdentity.RecipientOf)
            .ToList();
        return Task.FromResult<IReadOnlyList<Recipient>>(holders);
    }

    public Task<IReadOnlyList<TrainingPerson>> StaffAsync(CancellationToken cancellationToken)
    {
        var current = directory.Current;
        return Task.FromResult<IReadOnlyList<TrainingPerson>>(current.People.Select(p => StaffIdentity.TrainingPersonOf(p, current)).ToList());
    }

    public static OrgRole ToOrgRole(IsmsRole role) => role switch
    {
        IsmsRole.Ciso => OrgRole.Ciso,
        IsmsRole.ChiefOfficer => OrgRole.ChiefSecurityOfficer,
        IsmsRole.SecurityResponsible => OrgRole.SecurityOfficer,
        IsmsRole.SecurityManager => OrgRole.SecurityManager,
        IsmsRole.SystemAdministrator => OrgRole.SystemAdministrator,
        IsmsRole.IncidentDesk => OrgRole.SecurityDesk,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
