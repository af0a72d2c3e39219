using System.Globalization;

namespace Isms.Jobs.Backup;

/// <summary>One backup folder and its manifest (null when it has none).</summary>
public sealed record BackupEntry(string Path, string Name, DateTimeOffset CreatedAt, BackupManifest? Manifest)
{
    public bool Verified => Manifest?.Verified == true;
}

/// <summary>
/// The backups in a folder: <c>isms-backup-yyyyMMdd-HHmmss</c> (Japan time), <c>…-failed</c> when verification failed,
/// <c>.partial-…</c> while one is being written. Keeps the newest N verified ones and the newest two failed ones.
/// </summary>
public static class BackupCatalog
{
    public const string Prefix = "isms-backup-";
    public const string FailedSuffix = "-failed";
    public const string PartialPrefix = ".partial-";
    private const string Stamp = "yyyyMMdd-HHmmss";
    private const int FailedKept = 2;

    public static string FolderName(DateTimeOffset at) =>
        Prefix + at.ToOffset(TimeSpan.FromHours(9)).ToString(Stamp, CultureInfo.InvariantCulture);

    /// <summary>Backups newest first.</summary>
    public static IReadOnlyList<BackupEntry> List(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root, Prefix + "*")
            .Select(path => (path, name: Path.GetFileName(path)))
            .Select(d => (d.path, d.name, at: ParseStamp(d.name)))
            .Where(d => d.at is not null)
            .Select(d => new BackupEntry(d.path, d.name, d.at!.Value, BackupManifest.Read(d.path)))
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Deletes verified backups beyond the newest <paramref name="generations"/>, failed ones beyond the newest
    /// two, and partial ones left by an interrupted run more than a day ago. Returns the names deleted.</summary>
    public static IReadOnlyList<string> Prune(string root, int generations, DateTimeOffset now)
    {
        var entries = List(root);
        var doomed = entries.Where(e => e.Verified).Skip(generations)
            .Concat(entries.Where(e => !e.Verified).Skip(FailedKept))
            .Select(e => e.Path)
            .Concat(Directory.Exists(root)
                ? Directory.EnumerateDirectories(root, PartialPrefix + "*").Where(p => Directory.GetLastWriteTimeUtc(p) < now.UtcDateTime.AddDays(-1))
                : [])
            .ToList();
        foreach (var path in doomed)
        {
            Directory.Delete(path, recursive: true);
        }

        return doomed.Select(Path.GetFileName).OfType<string>().ToList();
    }

    private static DateTimeOffset? ParseStamp(string name)
    {
        var stamp = name[Prefix.Length..];
        if (stamp.EndsWith(FailedSuffix, StringComparison.Ordinal))
        {
            stamp = stamp[..^FailedSuffix.Length];
        }

        if (stamp.Length > Stamp.Length && stamp[Stamp.Length] == '-')
        {
            stamp = stamp[..Stamp.Length]; // a second backup in the same second gets "-2"
        }

        return DateTime.TryParseExact(stamp, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(9))
            : null;
    }
}
