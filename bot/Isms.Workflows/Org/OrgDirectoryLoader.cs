using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Isms.Workflows.Org;

/// <summary>The org directory file could not be used; <see cref="Errors"/> lists every problem found.</summary>
public sealed class DirectoryLoadException(string path, IReadOnlyList<string> errors)
    : Exception($"Org directory '{path}' is invalid: {string.Join("; ", errors)}")
{
    public string Path { get; } = path;
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Reads and validates the YAML org directory (format: data/org-directory.sample.yaml).</summary>
public static partial class OrgDirectoryLoader
{
    /// <summary>内線 2102, 外線 0276-72-0000, 0276-72-0000, +81 276 72 0000: digits with an optional 内線／外線 first.</summary>
    [GeneratedRegex(@"^(内線|外線)?\s?[0-9+][0-9\- ()]{1,23}$")]
    private static partial Regex PhonePattern();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static OrgDirectory LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DirectoryLoadException(path, [$"cannot read the file ({e.GetType().Name}: {e.Message})"]);
        }

        return Parse(text, path);
    }

    public static OrgDirectory Parse(string yaml, string source = "(text)")
    {
        DirectoryFile? file;
        try
        {
            file = Deserializer.Deserialize<DirectoryFile>(yaml);
        }
        catch (YamlException e)
        {
            throw new DirectoryLoadException(source, [$"line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}"]);
        }

        if (file is null) throw new DirectoryLoadException(source, ["the file is empty"]);
        var errors = new List<string>();
        var directory = Build(file, errors);
        if (errors.Count > 0) throw new DirectoryLoadException(source, errors);
        return directory;
    }

    private static OrgDirectory Build(DirectoryFile file, List<string> errors)
    {
        var departments = new List<Department>();
        foreach (var d in file.Departments ?? [])
        {
            if (string.IsNullOrWhiteSpace(d.Name)) { errors.Add("a department has no name"); continue; }
            if (departments.Any(x => x.Name == d.Name.Trim())) errors.Add($"department '{d.Name}' is listed twice");
            else departments.Add(new Department(d.Name.Trim(), string.IsNullOrWhiteSpace(d.Group) ? d.Name.Trim() : d.Group.Trim()));
        }

        var people = new List<Person>();
        var roles = new List<RoleAssignment>();
        var index = 0;
        foreach (var p in file.People ?? [])
        {
            index++;
            var where = $"people[{index}] (id '{p.Id}')";
            if (string.IsNullOrWhiteSpace(p.Id)) { errors.Add($"people[{index}] has no id"); continue; }
            if (people.Any(x => x.Id == p.Id.Trim())) { errors.Add($"{where}: duplicate id '{p.Id}'"); continue; }
            if (string.IsNullOrWhiteSpace(p.Name)) errors.Add($"{where}: name is missing");
            if (!departments.Any(d => d.Name == p.Department?.Trim())) errors.Add($"{where}: unknown department '{p.Department}'");
            string? aad = null;
            if (p.AadObjectId is not null)
            {
                if (!Guid.TryParse(p.AadObjectId, out var guid)) errors.Add($"{where}: aadObjectId '{p.AadObjectId}' is not a GUID");
                else if (people.Any(x => x.AadObjectId == guid.ToString("D"))) errors.Add($"{where}: duplicate aadObjectId '{p.AadObjectId}'");
                else aad = guid.ToString("D");
            }

            if (p.TeamsUserId is not null && people.Any(x => x.TeamsUserId == p.TeamsUserId.Trim()))
                errors.Add($"{where}: duplicate teamsUserId '{p.TeamsUserId}'");
            var joined = string.IsNullOrWhiteSpace(p.Joined) ? null : ParseDate(p.Joined, $"{where}: joined", errors);
            var phone = string.IsNullOrWhiteSpace(p.Phone) ? null : p.Phone.Trim();
            if (phone is not null && !PhonePattern().IsMatch(phone))
            {
                errors.Add($"{where}: phone '{phone}' is not a phone number or extension (e.g. 内線 2102, 0276-72-0000)");
                phone = null;
            }

            var person = new Person(p.Id.Trim(), p.Name?.Trim() ?? "", p.Department?.Trim() ?? "", p.Title?.Trim() ?? "", aad,
                string.IsNullOrWhiteSpace(p.TeamsUserId) ? null : p.TeamsUserId.Trim(), joined, phone);
            people.Add(person);
            foreach (var r in p.Roles ?? [])
            {
                if (!OrgRoles.TryParse(r.Role, out var role)) { errors.Add($"{where}: unknown role '{r.Role}'"); continue; }
                var department = role.IsDepartmental() ? (r.Department?.Trim() ?? person.Department) : null;
                if (role.IsDepartmental() && !departments.Any(d => d.Name == department))
                    errors.Add($"{where}: role {role} names unknown department '{department}'");
                if (role == OrgRole.SystemAdministrator && string.IsNullOrWhiteSpace(r.System))
                    errors.Add($"{where}: role SystemAdministrator needs a system (e.g. ネットワーク)");
                roles.Add(new RoleAssignment(person.Id, role, department, string.IsNullOrWhiteSpace(r.System) ? null : r.System.Trim()));
            }
        }

        foreach (var single in new[] { OrgRole.Ciso, OrgRole.ChiefSecurityOfficer, OrgRole.CsirtLead })
        {
            var holders = roles.Where(r => r.Role == single).Select(r => r.PersonId).Distinct().ToList();
            if (holders.Count > 1) errors.Add($"role {single} is held by more than one person ({string.Join(", ", holders)})");
        }

        var deputies = new List<DeputyAssignment>();
        index = 0;
        foreach (var d in file.Deputies ?? [])
        {
            index++;
            var where = $"deputies[{index}] ('{d.Deputy}' for '{d.For}')";
            var ok = true;
            if (!people.Any(p => p.Id == d.Deputy)) { errors.Add($"{where}: unknown deputy '{d.Deputy}'"); ok = false; }
            if (!people.Any(p => p.Id == d.For)) { errors.Add($"{where}: unknown person '{d.For}'"); ok = false; }
            if (d.Deputy == d.For) { errors.Add($"{where}: a person cannot deputise for themselves"); ok = false; }
            if (!OrgRoles.TryParse(d.Role, out var role)) { errors.Add($"{where}: unknown role '{d.Role}'"); ok = false; }
            else if (ok && !roles.Any(r => r.PersonId == d.For && r.Role == role)) { errors.Add($"{where}: '{d.For}' does not hold role {role}"); ok = false; }
            var from = ParseDate(d.From, $"{where}: from", errors);
            var until = ParseDate(d.Until, $"{where}: until", errors);
            if (from is null || until is null) continue;
            if (from > until) { errors.Add($"{where}: from {d.From} is after until {d.Until}"); continue; }
            if (ok) deputies.Add(new DeputyAssignment(d.Deputy!, d.For!, role, from.Value, until.Value, d.Reason));
        }

        if (file.Administrator is not null && !people.Any(p => p.Id == file.Administrator))
            errors.Add($"administrator '{file.Administrator}' is not in people");
        return new OrgDirectory(file.Organisation?.Trim() ?? "", departments, people, roles, deputies, file.Administrator);
    }

    private static DateOnly? ParseDate(string? text, string what, List<string> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add($"{what} '{text}' is not a date (yyyy-MM-dd)");
        return null;
    }

    private sealed class DirectoryFile
    {
        public string? Organisation { get; set; }
        public string? Administrator { get; set; }
        public List<DepartmentEntry>? Departments { get; set; }
        public List<PersonEntry>? People { get; set; }
        public List<DeputyEntry>? Deputies { get; set; }
    }

    private sealed class DepartmentEntry
    {
        public string? Name { get; set; }
        public string? Group { get; set; }
    }

    private sealed class PersonEntry
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Department { get; set; }
        public string? Title { get; set; }
        public string? AadObjectId { get; set; }
        public string? TeamsUserId { get; set; }
        /// <summary>入庁日 (yyyy-MM-dd), optional.</summary>
        public string? Joined { get; set; }
        /// <summary>内線 or phone number, optional: whom to call when a message does not reach them.</summary>
        public string? Phone { get; set; }
        public List<RoleEntry>? Roles { get; set; }
    }

    private sealed class RoleEntry
    {
        public string? Role { get; set; }
        public string? Department { get; set; }
        public string? System { get; set; }
    }

    private sealed class DeputyEntry
    {
        public string? Deputy { get; set; }
        public string? For { get; set; }
        public string? Role { get; set; }
        public string? From { get; set; }
        public string? Until { get; set; }
        public string? Reason { get; set; }
    }
}
