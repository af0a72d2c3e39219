using Isms.Workflows.Forms;
using Isms.Workflows.Org;

namespace Isms.Bot.Conversations;

/// <summary>Whether the person holds a role a procedure asks of its applicants (<see cref="FormDefinition.ApplicantRoles"/>),
/// in the directory as it is now; if not, who files it and, by name, whom to ask. Used when the form starts and when it is sent.</summary>
public sealed class ApplicantRoleCheck(OrgDirectoryService directory, RoleContacts contacts) : IApplicantRoleCheck
{
    public string? Refusal(Applicant who, FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.ApplicantRoles.Count == 0)
        {
            return null;
        }

        var person = directory.Identify(who.AadObjectId, who.UserId).Person;
        if (person is not null && directory.Current.RolesOf(person.Id).Any(r => definition.ApplicantRoles.Contains(r.Role)))
        {
            return null;
        }

        var whom = person is null ? null : contacts.For(person, definition.ApplicantRoles[0].Label());
        return definition.ApplicantRolesSentence() + (whom is null ? "所属の情報セキュリティ管理者にご相談ください。" : $"{whom}ご相談ください。");
    }
}
