namespace Isms.Jobs.Backup;

/// <summary>Backups of the data files (6.1(2)①). Bound from the "Backup" section; checked at start-up.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    public bool Enabled { get; set; } = true;

    /// <summary>Where the backups go; relative paths are inside Storage:DataDirectory. In production, another disk.</summary>
    public string Directory { get; set; } = "backups";

    /// <summary>How many verified backups are kept; older ones are deleted after each new one.</summary>
    public int Generations { get; set; } = 7;

    /// <summary>When the backup runs (cron, Japan time). Daily at 02:30 by default.</summary>
    public string Cron { get; set; } = "30 2 * * *";

    /// <summary>How long the backup waits for writes in progress before it postpones itself.</summary>
    public int PauseTimeoutSeconds { get; set; } = 30;

    public string ResolveDirectory(string dataDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(Directory) ? Directory : Path.Combine(dataDirectory, Directory));

    public IEnumerable<string> Problems()
    {
        if (Generations is < 1 or > 365)
        {
            yield return "Backup:Generations must be between 1 and 365.";
        }

        if (PauseTimeoutSeconds is < 1 or > 600)
        {
            yield return "Backup:PauseTimeoutSeconds must be between 1 and 600.";
        }

        if (string.IsNullOrWhiteSpace(Cron) || Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            yield return "Backup:Cron must be a cron expression.";
        }

        if (string.IsNullOrWhiteSpace(Directory))
        {
            yield return "Backup:Directory must not be empty.";
        }
    }
}
