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
        var orgRole = ToOrgRole(role);
        return Task.FromResult(WithDeputies(orgRole, r => r.Role == orgRole && (department is null || !orgRole.IsDepartmental() || r.Department == department.Trim())));
    }

    public Task<IReadOnlyList<Recipient>> SystemAdministratorsAsync(string system, CancellationToken cancellationToken) =>
        Task.FromResult(WithDeputies(OrgRole.SystemAdministrator, r => r.Role == OrgRole.SystemAdministrator && r.System == system.Trim()));

    private IReadOnlyList<Recipient> WithDeputies(OrgRole orgRole, Func<RoleAssignment, bool> assignment)
    {
        var current = directory.Current;
        var today = JapanTime.Today(time);
        return current.Roles
            .Where(assignment)
            .Select(r => r.PersonId)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(id => current.FindById(id) is { } holder ? [holder, .. current.ActiveDeputies(id, orgRole, today)] : Array.Empty<Person>())
            .DistinctBy(p => p.Id)
            .Select(StaffIdentity.RecipientOf)
            .ToList();
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
