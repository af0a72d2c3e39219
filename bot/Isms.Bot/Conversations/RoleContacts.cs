using System.Globalization;
using Isms.Workflows;
using Isms.Workflows.Org;
using Isms.Workflows.Routing;

namespace Isms.Bot.Conversations;

/// <summary>
/// Says, for one member of staff, who holds a role the policy names (「情報セキュリティ管理者の許可」), from the org
/// directory as it is now: the holder in their own 所属 for a departmental role, the union's holder otherwise, and who
/// acts for them today. When nobody holds it, whom to ask instead: the next role up the rules' approverOrder (管理者 → 責任者 → 統括 → CISO),
/// else the person who keeps the directory. When the person holds the role themself, 兼務の禁止 (1(8)①) sends their own
/// matter one role up, and the sentence says so.
/// </summary>
public sealed class RoleContacts(OrgDirectoryService directory, RoutingRules rules, TimeProvider clock)
{
    /// <summary>A sentence naming the holder of <paramref name="roleName"/> for <paramref name="person"/>; null when the
    /// name is not a role of the directory.</summary>
    public string? For(Person person, string roleName)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Resolve(roleName) is not { } role)
        {
            return null;
        }

        var current = directory.Current;
        var today = JapanTime.Today(clock);
        // The policy's word leads; a role it names indirectly (利用申請の許可権限者) says which post that is.
        var subject = OrgRoles.TryParse(roleName, out _) ? roleName : $"{roleName}（{role.Label()}）";
        // Short, so that it takes one line of the answer card: 「警防課の情報セキュリティ管理者は佐藤 花子さんです。」
        var where = role.IsDepartmental() ? $"{person.Department}の" : "";
        var holders = Holders(current, role, person.Department);
        if (holders.Count > 0 && holders.All(h => h.Person.Id == person.Id))
        {
            var instead = FirstHeldAbove(current, role, person.Department);
            return $"{where}{subject}はあなたです。" + (instead is { } up
                ? $"ご自身のことは、兼務の禁止（1(8)①）により{up.Role.Label()}の{Names(current, up.Role, up.Holders, today)}が判断します。"
                : "");
        }

        if (holders.Count > 0)
        {
            return $"{where}{subject}は{Names(current, role, holders, today)}です。";
        }

        var vacant = role.IsDepartmental() ? $"{person.Department}には{subject}が登録されていません。" : $"{subject}が登録されていません。";
        if (FirstHeldAbove(current, role, person.Department) is { } next)
        {
            return $"{vacant}{next.Role.Label()}の{Names(current, next.Role, next.Holders, today)}にご相談ください。";
        }

        var keeper = current.FindById(current.AdministratorId);
        return keeper is not null
            ? $"{vacant}組織名簿を管理している{keeper.Department}の{keeper.Name}さんにご相談ください。"
            : $"{vacant}所属長にご相談ください。";
    }

    private OrgRole? Resolve(string roleName)
    {
        if (OrgRoles.TryParse(roleName, out var role))
        {
            return role;
        }

        // 8.3(5): the 利用申請の許可権限者 is whichever role the routing rules (or settings) make it.
        return roleName.EndsWith("許可権限者", StringComparison.Ordinal)
            && rules.Settings.TryGetValue("cloudPermissionAuthority", out var configured)
            && OrgRoles.TryParse(configured, out var authority)
                ? authority
                : null;
    }

    private static List<(Person Person, string? System)> Holders(OrgDirectory directory, OrgRole role, string department) =>
        directory.Roles.Where(r => r.Role == role && (!role.IsDepartmental() || r.Department == department))
            .Select(r => (Person: directory.FindById(r.PersonId), r.System))
            .Where(h => h.Person is not null)
            .Select(h => (h.Person!, h.System))
            .DistinctBy(h => (h.Item1.Id, h.System))
            .ToList();

    private (OrgRole Role, List<(Person Person, string? System)> Holders)? FirstHeldAbove(OrgDirectory directory, OrgRole role, string department)
    {
        for (var up = rules.NextUp(role); up is { } next; up = rules.NextUp(next))
        {
            var holders = Holders(directory, next, department);
            if (holders.Count > 0)
            {
                return (next, holders);
            }
        }

        return null;
    }

    /// <summary>「佐藤 花子さん」, with the system for per-system roles and who acts for them today.</summary>
    private static string Names(OrgDirectory directory, OrgRole role, IEnumerable<(Person Person, string? System)> holders, DateOnly today) =>
        string.Join("、", holders.Select(h =>
        {
            var name = $"{h.Person.Name}さん" + (role.IsPerSystem() && h.System is { Length: > 0 } system ? $"（{system}）" : "");
            var deputy = directory.Deputies.Where(d => d.PrincipalId == h.Person.Id && d.Role == role && d.IsActiveOn(today))
                .Select(d => (d.Until, Person: directory.FindById(d.DeputyId))).FirstOrDefault(d => d.Person is not null);
            return deputy.Person is { } acting
                ? name + $"（{deputy.Until.ToString("M月d日", CultureInfo.InvariantCulture)}までは代理の{acting.Name}さん）"
                : name;
        }));
}
