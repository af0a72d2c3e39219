namespace Isms.Workflows.Org;

/// <summary>Where the org directory file is. Bound from the "Directory" configuration section.</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>The YAML file; relative paths are resolved against the application's base directory.
    /// Defaults to the shipped sample.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "org-directory.sample.yaml");

    /// <summary>Reload when the file changes.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long to wait after a change before reading, so a half-written file is not read.</summary>
    public int ReloadDelayMilliseconds { get; set; } = 500;

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
