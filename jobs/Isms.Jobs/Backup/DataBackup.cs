using Isms.Workflows.Audit;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SQLite;

namespace Isms.Jobs.Backup;

/// <summary>
/// Takes one backup of every data file: the LiteDB file and its log as one consistent moment
/// (<see cref="IsmsDatabase.CopySnapshotTo"/>), and the SQLite job file through SQLite's online backup. The copy is then
/// verified where it lies (each file opens; the LiteDB copy's audit chain verifies; SQLite's integrity check passes)
/// before its folder gets its final name; a copy that fails verification is kept as <c>…-failed</c> for inspection and
/// never counts as a generation.
/// </summary>
public sealed class DataBackup(IsmsDatabase database, string? jobsFile, string? password, BackupOptions options, TimeProvider time, ILogger logger)
{
    public string DataDirectory => Path.GetDirectoryName(database.FilePath) ?? throw new InvalidOperationException("The database has no file.");

    public string Root => options.ResolveDirectory(DataDirectory);

    public BackupEntry Create()
    {
        var now = time.GetUtcNow();
        DataFiles.CreateFolder(Root);
        var name = BackupCatalog.FolderName(now);
        for (var n = 2; Directory.Exists(Path.Combine(Root, name)) || Directory.Exists(Path.Combine(Root, name + BackupCatalog.FailedSuffix)); n++)
        {
            name = $"{BackupCatalog.FolderName(now)}-{n}";
        }

        var partial = Path.Combine(Root, BackupCatalog.PartialPrefix + name);
        DataFiles.CreateFolder(partial);
        try
        {
            var files = database.CopySnapshotTo(partial, TimeSpan.FromSeconds(options.PauseTimeoutSeconds)).ToList();
            if (jobsFile is not null && File.Exists(jobsFile))
            {
                CopySqlite(jobsFile, Path.Combine(partial, Path.GetFileName(jobsFile)));
                files.Add(Path.GetFileName(jobsFile));
            }

            var manifest = Verify(partial, files, Path.GetFileName(database.FilePath!), password, now);
            manifest.Write(partial);
            var final = Path.Combine(Root, manifest.Verified ? name : name + BackupCatalog.FailedSuffix);
            Directory.Move(partial, final);
            var pruned = BackupCatalog.Prune(Root, options.Generations, now);
            logger.LogInformation("Backup {Name}: {Files} files, {Bytes} bytes, {Records} records, audit chain {AuditEntries} entries valid {AuditValid}, verified {Verified}; pruned {Pruned}",
                Path.GetFileName(final), manifest.Files.Count, manifest.Bytes, manifest.Records, manifest.AuditEntries, manifest.AuditChainValid, manifest.Verified, pruned.Count);
            return new BackupEntry(final, Path.GetFileName(final), now, manifest);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>
    /// Verifies a backup folder in place: every LiteDB file opens read-only and its audit chain verifies, the SQLite file
    /// passes its integrity check, and the manifest records each file's size and SHA-256 (taken after the checks).
    /// </summary>
    public static BackupManifest Verify(string folder, IReadOnlyList<string> files, string dataFileName, string? password, DateTimeOffset createdAt)
    {
        var problems = new List<string>();
        long records = 0, auditEntries = 0;
        var auditValid = false;
        if (!files.Contains(dataFileName))
        {
            problems.Add($"{dataFileName} is missing.");
        }
        else
        {
            try
            {
                var settings = new EngineSettings { Filename = Path.Combine(folder, dataFileName), Password = password, ReadOnly = true };
                using var copy = IsmsDatabase.OnEngine(() => new LiteEngine(settings), settings.Filename, null, null);
                records = copy.Database.GetCollection(LiteDbRequestStore.CollectionName).LongCount();
                var audit = new AuditTrail(copy, TimeProvider.System, NullLogger<AuditTrail>.Instance).Verify();
                auditEntries = audit.EntryCount;
                auditValid = audit.IsValid;
                if (!audit.IsValid)
                {
                    problems.Add($"The audit chain is broken at sequence {audit.FirstBrokenSequence}.");
                }
            }
            catch (Exception exception) when (exception is LiteException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{dataFileName} does not open: {exception.Message}");
            }
        }

        foreach (var sqlite in files.Where(f => f != dataFileName && f != Path.GetFileName(IsmsDatabase.LogFileOf(dataFileName))))
        {
            if (IntegrityProblem(Path.Combine(folder, sqlite)) is { } problem)
            {
                problems.Add(problem);
            }
        }

        var checksums = files.Select(f => BackupFile.Of(Path.Combine(folder, f))).ToList();
        return new BackupManifest(createdAt, checksums, problems.Count == 0, records, auditEntries, auditValid,
            problems.Count == 0 ? null : string.Join(" ", problems));
    }

    /// <summary>SQLite's online backup: a consistent copy while Hangfire keeps using the file.</summary>
    public static void CopySqlite(string source, string destination)
    {
        DataFiles.Protect(destination);
        using var connection = new SQLiteConnection(source) { BusyTimeout = TimeSpan.FromSeconds(30) };
        connection.Backup(destination);
    }

    private static string? IntegrityProblem(string path)
    {
        try
        {
            using var connection = new SQLiteConnection(path);
            var result = connection.ExecuteScalar<string>("PRAGMA integrity_check");
            return result == "ok" ? null : $"{Path.GetFileName(path)} fails SQLite's integrity check: {result}";
        }
        catch (SQLiteException exception)
        {
            return $"{Path.GetFileName(path)} does not open: {exception.Message}";
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next prune (partial folders older than a day go).
        }
    }
}
