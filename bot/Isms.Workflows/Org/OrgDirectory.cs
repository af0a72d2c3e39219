namespace Isms.Workflows.Org;

/// <summary>One loaded, validated version of the org directory. Immutable: a reload builds a new one.</summary>
public sealed class OrgDirectory
{
    private readonly Dictionary<string, Person> _byId;
    private readonly Dictionary<string, Person> _byAadObjectId;
    private readonly Dictionary<string, Person> _byTeamsUserId;

    public OrgDirectory(
        string organisation,
        IReadOnlyList<Department> departments,
        IReadOnlyList<Person> people,
        IReadOnlyList<RoleAssignment> roles,
        IReadOnlyList<DeputyAssignment> deputies,
        string? administratorId)
    {
        Organisation = organisation;
        Departments = departments;
        People = people;
        Roles = roles;
        Deputies = deputies;
        AdministratorId = administratorId;
        _byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _byAadObjectId = people.Where(p => p.AadObjectId is not null)
            .ToDictionary(p => p.AadObjectId!, StringComparer.OrdinalIgnoreCase);
        _byTeamsUserId = people.Where(p => p.TeamsUserId is not null)
            .GroupBy(p => p.TeamsUserId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string Organisation { get; }
    public IReadOnlyList<Department> Departments { get; }
    public IReadOnlyList<Person> People { get; }
    public IReadOnlyList<RoleAssignment> Roles { get; }
    public IReadOnlyList<DeputyAssignment> Deputies { get; }

    /// <summary>The person who keeps the directory (whom strangers are told to ask); may be null.</summary>
    public string? AdministratorId { get; }

    public Person? FindById(string? id) => id is not null && _byId.TryGetValue(id, out var p) ? p : null;

    public Person? FindByAadObjectId(string? aadObjectId) =>
        aadObjectId is not null && _byAadObjectId.TryGetValue(aadObjectId.Trim(), out var p) ? p : null;

    public Person? FindByTeamsUserId(string? teamsUserId) =>
        teamsUserId is not null && _byTeamsUserId.TryGetValue(teamsUserId, out var p) ? p : null;

    public bool HasDepartment(string? name) => name is not null && Departments.Any(d => d.Name == name.Trim());

    /// <summary>Who holds <paramref name="role"/>: for departmental roles in <paramref name="department"/>, for
    /// per-system roles for <paramref name="system"/> (any system when null).</summary>
    public IReadOnlyList<Person> Holders(OrgRole role, string? department = null, string? system = null) =>
        Roles.Where(r => r.Role == role
                && (!role.IsDepartmental() || r.Department == department?.Trim())
                && (!role.IsPerSystem() || system is null || r.System == system))
            .Select(r => _byId[r.PersonId])
            .Distinct()
            .ToList();

    /// <summary>The information systems someone is 情報システム管理者 for (1(5)①②), in the order the file lists them.</summary>
    public IReadOnlyList<string> Systems =>
        Roles.Where(r => r.Role == OrgRole.SystemAdministrator && r.System is not null).Select(r => r.System!).Distinct().ToList();

    /// <summary>The current choices of a form field's <see cref="Forms.ChoiceSource"/>.</summary>
    public IReadOnlyList<Forms.ChoiceOption> Choices(Forms.ChoiceSource source) => source switch
    {
        Forms.ChoiceSource.InformationSystems => Systems.Select(s => new Forms.ChoiceOption(s, s)).ToList(),
        _ => [],
    };

    public IReadOnlyList<RoleAssignment> RolesOf(string personId) => Roles.Where(r => r.PersonId == personId).ToList();

    /// <summary>People acting for <paramref name="principalId"/> in <paramref name="role"/> on <paramref name="day"/>.</summary>
    public IReadOnlyList<Person> ActiveDeputies(string principalId, OrgRole role, DateOnly day) =>
        Deputies.Where(d => d.PrincipalId == principalId && d.Role == role && d.IsActiveOn(day))
            .Select(d => _byId[d.DeputyId])
            .Distinct()
            .ToList();

    /// <summary>A copy where people without a Teams user id in the file get the one the bot learned.</summary>
    public OrgDirectory WithLearnedTeamsUserIds(IReadOnlyDictionary<string, string> teamsUserIdByAadObjectId)
    {
        var people = People.Select(p =>
                p.TeamsUserId is null && p.AadObjectId is not null
                && teamsUserIdByAadObjectId.TryGetValue(p.AadObjectId.ToLowerInvariant(), out var learned)
                    ? p with { TeamsUserId = learned }
                    : p)
            .ToList();
        return new OrgDirectory(Organisation, Departments, people, Roles, Deputies, AdministratorId);
    }
}
