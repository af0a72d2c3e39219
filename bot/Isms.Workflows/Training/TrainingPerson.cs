namespace Isms.Workflows.Training;

/// <summary>A member of staff as training needs them, supplied by the caller from the org directory.</summary>
/// <param name="Id">Teams user id or Entra object id; the key of completion records.</param>
/// <param name="Roles">Role codes as the course settings use them (the org directory's role names, e.g. "SecurityManager", "SystemStaff").</param>
public sealed record TrainingPerson(string Id, string Name, string Department, IReadOnlySet<string> Roles, DateOnly JoinedOn);
