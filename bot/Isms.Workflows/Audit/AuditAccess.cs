using Isms.Workflows.Org;

namespace Isms.Workflows.Audit;

/// <summary>
/// Who may verify and export the audit trail. The trail covers the whole union, so only roles that audit or self-check
/// the whole of it: the CISO, who has 監査 carried out (9.1(1)), and the 副CISO acting for them; the 統括情報セキュリティ
/// 責任者 and the 情報システム管理者, who self-check the networks and systems and report it (9.2(1)①, 9.2(2)). The
/// 情報セキュリティ管理者 and 責任者 self-check their own 所属 only (9.2(1)②), so they do not get the union-wide trail.
/// </summary>
public static class AuditAccess
{
    public static readonly IReadOnlyList<OrgRole> AuditorRoles =
        [OrgRole.Ciso, OrgRole.DeputyCiso, OrgRole.ChiefSecurityOfficer, OrgRole.SystemAdministrator];

    public const string Clauses = "9.1(1)、9.2(1)①、9.2(2)";

    public static bool MayAudit(OrgDirectory directory, Person? person) =>
        person is not null && directory.RolesOf(person.Id).Any(r => AuditorRoles.Contains(r.Role));

    /// <summary>The people who may, for telling someone refused whom to ask.</summary>
    public static IReadOnlyList<Person> Auditors(OrgDirectory directory) =>
        AuditorRoles.SelectMany(role => directory.Holders(role)).Distinct().ToList();
}
