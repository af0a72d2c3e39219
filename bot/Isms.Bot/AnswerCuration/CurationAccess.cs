using Isms.Workflows;
using Isms.Workflows.Org;

namespace Isms.Bot.AnswerCuration;

/// <summary>
/// Who may see the list of unserved questions and teach the answerer: the 統括情報セキュリティ責任者, who runs the
/// policy's day-to-day operation (1(2)), the 統一的な窓口 that staff's questions and reports reach (1(9)③), and the
/// CISO and 副CISO above them (1(1)); someone acting for one of them today (deputies) too. The list holds staff's own
/// words, so nobody else sees it.
/// </summary>
public static class CurationAccess
{
    public static readonly IReadOnlyList<OrgRole> CuratorRoles =
        [OrgRole.ChiefSecurityOfficer, OrgRole.SecurityDesk, OrgRole.Ciso, OrgRole.DeputyCiso];

    public const string RoleNames = "統括情報セキュリティ責任者、統一的な窓口、CISO、副CISO";

    public static bool MayCurate(OrgDirectory directory, Person? person, TimeProvider time)
    {
        if (person is null)
        {
            return false;
        }

        if (directory.RolesOf(person.Id).Any(r => CuratorRoles.Contains(r.Role)))
        {
            return true;
        }

        var today = JapanTime.Today(time);
        return directory.Deputies.Any(d => d.DeputyId == person.Id && CuratorRoles.Contains(d.Role) && d.IsActiveOn(today));
    }
}
