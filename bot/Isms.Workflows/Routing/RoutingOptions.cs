namespace Isms.Workflows.Routing;

/// <summary>Where the routing rules are and the settings that override theirs. Bound from the "Routing" section.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>The YAML rules; relative paths are resolved against the application's base directory.</summary>
    public string RulesPath { get; set; } = Path.Combine("data", "routing-rules.yaml");

    /// <summary>Overrides the rules' cloudPermissionAuthority: the 利用申請の許可権限者 of 8.3(5), a role name.</summary>
    public string? CloudPermissionAuthority { get; set; }

    /// <summary>Overrides the rules' webMeetingApprover: the approver the 利用手順 names (6.1(21)④), a role name.</summary>
    public string? WebMeetingApprover { get; set; }

    public string ResolvedRulesPath => Path.IsPathRooted(RulesPath) ? RulesPath : Path.Combine(AppContext.BaseDirectory, RulesPath);

    public IReadOnlyDictionary<string, string?> SettingOverrides => new Dictionary<string, string?>
    {
        ["cloudPermissionAuthority"] = CloudPermissionAuthority,
        ["webMeetingApprover"] = WebMeetingApprover,
    };
}
