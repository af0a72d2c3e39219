using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Training;

namespace Isms.Bot.Jobs;

/// <summary>How a directory person is keyed and reached by the jobs and the training records.</summary>
public static class StaffIdentity
{
    /// <summary>
    /// The Entra object id when the directory has one (what Teams vouches for, and what <see cref="Notifications.TeamsNotifier"/>
    /// finds a personal chat by), else the Teams user id from the file, else the directory id (then not reachable).
    /// Stable across reloads: a Teams id the bot learns later never changes it.
    /// </summary>
    public static string KeyOf(Person person) => person.AadObjectId ?? person.TeamsUserId ?? person.Id;

    public static Recipient RecipientOf(Person person) => Recipient.Of(person);

    /// <summary>
    /// A person as training sees them. Role codes are the directory's role names (Training:Courses:Roles uses them).
    /// The new-hire course counts from the directory's joined date; yearly courses apply to everyone.
    /// </summary>
    public static TrainingPerson TrainingPersonOf(Person person, OrgDirectory directory) => new(
        KeyOf(person),
        person.Name,
        person.Department,
        directory.RolesOf(person.Id).Select(r => r.Role.ToString()).ToHashSet(StringComparer.Ordinal),
        // No 入庁日 in the directory: treated as long-serving, so the new-hire course does not apply.
        person.JoinedOn ?? DateOnly.MinValue);
}
