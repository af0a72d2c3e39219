using System.Globalization;
using Isms.Workflows.Storage;

namespace Isms.Jobs.Backup;

/// <summary>What a restore did: the backup it restored, where the files it replaced went, and what the restored files hold.</summary>
public sealed record RestoreResult(BackupManifest Manifest, string SetAside, IReadOnlyList<string> Restored);

/// <summary>
/// Puts a backup back into the data directory, for the <c>restore</c> command. Refuses while a bot holds the directory
/// (its lock), when the backup's files do not match their checksums, or when they do not verify (the files open, the
/// audit chain holds). The files it replaces are moved aside into <c>pre-restore-…</c> first, never deleted, so a
/// restore can itself be undone.
/// </summary>
public static class BackupRestore
{
    public static RestoreResult Restore(string backupFolder, string dataDirectory, string dataFileName, string? jobsFileName, string? password, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(backupFolder);
        var manifest = BackupManifest.Read(folder)
            ?? throw new InvalidOperationException($"{folder} は バックアップではありません（{BackupManifest.FileName} がありません）。 / {folder} is not a backup (no {BackupManifest.FileName}).");
        DataFiles.CreateFolder(dataDirectory);
        using var held = DataDirectoryLock.Acquire(dataDirectory);

        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path) || BackupFile.Of(path) != file)
            {
                throw new InvalidOperationException($"{file.Name} がバックアップ作成時と一致しません。 / {file.Name} does not match its checksum in the manifest.");
            }
        }

        var check = DataBackup.Verify(folder, manifest.Files.Select(f => f.Name).ToList(), dataFileName, password, manifest.CreatedAt);
        if (!check.Verified)
        {
            throw new InvalidOperationException($"バックアップを検証できません / the backup does not verify: {check.Problem}");
        }

        var aside = Path.Combine(dataDirectory, "pre-restore-" + now.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        DataFiles.CreateFolder(aside);
        var current = new[] { dataFileName, Path.GetFileName(IsmsDatabase.LogFileOf(dataFileName)) }
            .Concat(jobsFileName is null ? [] : new[] { jobsFileName, jobsFileName + "-wal", jobsFileName + "-shm", jobsFileName + "-journal" });
        foreach (var name in current)
        {
            var path = Path.Combine(dataDirectory, name);
            if (File.Exists(path))
            {
                File.Move(path, Path.Combine(aside, name));
            }
        }

        foreach (var file in manifest.Files)
        {
            DataFiles.CopyTo(Path.Combine(folder, file.Name), Path.Combine(dataDirectory, file.Name));
        }

        return new RestoreResult(check, aside, manifest.Files.Select(f => f.Name).ToList());
    }
}
