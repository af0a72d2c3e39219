using System.Globalization;

namespace Isms.Workflows.Audit;

/// <summary>Where an export was written and what it holds.</summary>
public sealed record AuditExportFile(string Path, string FileName, int EntryCount, AuditVerification Verification);

/// <summary>
/// Writes the whole audit trail as CSV into a folder of the data directory. Teams does not let a bot push a file into a
/// personal chat without the file-consent flow (and OneDrive), so the file stays on the server, next to the data it
/// comes from, and the person who asked is told its name; the administrator hands it to 監査 or 自己点検.
/// </summary>
public static class AuditFileExport
{
    public const string FolderName = "audit-exports";

    public static AuditExportFile Write(AuditTrail trail, string dataDirectory, DateTimeOffset now)
    {
        var entries = trail.Entries();
        var verification = trail.Verify();
        var folder = System.IO.Path.Combine(dataDirectory, FolderName);
        Directory.CreateDirectory(folder);
        var stamp = now.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var fileName = $"audit-trail-{stamp}.csv";
        var path = System.IO.Path.Combine(folder, fileName);
        for (var n = 2; File.Exists(path); n++)
        {
            fileName = $"audit-trail-{stamp}-{n}.csv";
            path = System.IO.Path.Combine(folder, fileName);
        }

        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            AuditCsvExporter.Write(entries, stream);
        }

        return new AuditExportFile(path, fileName, entries.Count, verification);
    }
}
