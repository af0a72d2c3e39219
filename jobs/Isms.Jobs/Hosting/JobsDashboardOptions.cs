namespace Isms.Jobs.Hosting;

/// <summary>
/// Who may open the Hangfire dashboard. Default deny: outside Development nobody may, until a role or a basic-auth
/// user and password are configured. In Development, requests from the local machine may.
/// </summary>
public sealed class JobsDashboardOptions
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/hangfire";

    /// <summary>Authenticated users in any of these roles may open it (the host's authentication decides who is who).</summary>
    public List<string> Roles { get; set; } = [];

    public string? BasicAuthUser { get; set; }

    /// <summary>At least 16 characters. Keep it out of appsettings: Jobs__Dashboard__BasicAuthPassword.</summary>
    public string? BasicAuthPassword { get; set; }

    public bool HasBasicAuth => !string.IsNullOrEmpty(BasicAuthUser) && !string.IsNullOrEmpty(BasicAuthPassword);

    public IEnumerable<string> Problems()
    {
        if (!Path.StartsWith('/') || Path.Length < 2)
        {
            yield return "Jobs:Dashboard:Path must start with / and name a path.";
        }

        if (string.IsNullOrEmpty(BasicAuthUser) != string.IsNullOrEmpty(BasicAuthPassword))
        {
            yield return "Jobs:Dashboard:BasicAuthUser and BasicAuthPassword are set together or not at all.";
        }

        if (BasicAuthPassword is { Length: > 0 and < 16 })
        {
            yield return "Jobs:Dashboard:BasicAuthPassword must be at least 16 characters.";
        }
    }
}
