namespace Isms.Workflows.Org;

/// <summary>A member of staff as the org directory lists them.</summary>
/// <param name="Id">The directory's own stable id (e.g. 職員番号), used by deputies and role assignments.</param>
/// <param name="Department">所属, e.g. 警防課 or 館林消防署.</param>
/// <param name="Title">職位, e.g. 課長補佐.</param>
/// <param name="AadObjectId">Entra object id: how people who talk to the bot are matched.</param>
/// <param name="TeamsUserId">Teams user id, from the file or learned when they talk to the bot.</param>
/// <param name="JoinedOn">The day they joined (入庁日), when the directory says: new-hire training (5.2(2)②) counts from it.</param>
/// <param name="Phone">How to call them (内線 2102, or a number), when the directory says: told to whoever must call them
/// because a message did not reach them.</param>
public sealed record Person(string Id, string Name, string Department, string Title, string? AadObjectId, string? TeamsUserId, DateOnly? JoinedOn = null,
    string? Phone = null);

/// <summary>A 所属 and the group it belongs to (消防本部, or the 消防署 itself).</summary>
public sealed record Department(string Name, string Group);

/// <summary>A role held by a person; <see cref="Department"/> for departmental roles, <see cref="System"/> for per-system ones.</summary>
public sealed record RoleAssignment(string PersonId, OrgRole Role, string? Department, string? System);

/// <summary>代理・代決: <see cref="DeputyId"/> acts for <see cref="PrincipalId"/> in <see cref="Role"/> from..until (both inclusive).</summary>
public sealed record DeputyAssignment(string DeputyId, string PrincipalId, OrgRole Role, DateOnly From, DateOnly Until, string? Reason)
{
    public bool IsActiveOn(DateOnly day) => From <= day && day <= Until;
}
