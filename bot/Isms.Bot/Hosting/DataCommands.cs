using System.Globalization;
using Isms.Jobs.Backup;
using Isms.Jobs.Hosting;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isms.Bot.Hosting;

/// <summary>
/// The bot's maintenance verbs, run instead of the host with the same settings (appsettings, environment variables):
/// <c>backups</c> lists the backups, <c>backup</c> takes one now (the bot must be stopped; while it runs, its own
/// recurring job does this), and <c>restore &lt;backup&gt;</c> puts one back (a folder, a backup's name, or
/// <c>latest</c>). Both refuse while a bot holds the data directory.
/// </summary>
public static class DataCommands
{
    private const int Ok = 0, Failed = 1, Usage = 64, InUse = 75;

    public static bool IsCommand(string[] args) => args is ["restore", ..] or ["backup", ..] or ["backups", ..];

    public static int Run(string[] args)
    {
        var verb = args[0];
        if (verb == "restore" && (args.Length < 2 || args[1].StartsWith('-')))
        {
            Console.Error.WriteLine("使い方 / usage: restore <backup folder | backup name | latest>");
            return Usage;
        }

        var builder = WebApplication.CreateBuilder(args.Skip(verb == "restore" ? 2 : 1).ToArray());
        var settings = Settings.From(builder.Configuration, builder.Environment.ContentRootPath);
        try
        {
            return verb switch
            {
                "backups" => List(settings),
                "backup" => Backup(settings),
                _ => Restore(settings, args[1]),
            };
        }
        catch (StorageStartupException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return exception.Cause == StorageCause.InUse ? InUse : Failed;
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return Failed;
        }
    }

    private static int List(Settings settings)
    {
        var entries = BackupCatalog.List(settings.BackupRoot);
        Console.WriteLine($"バックアップ / backups in {settings.BackupRoot}: {entries.Count}");
        foreach (var entry in entries)
        {
            Console.WriteLine(Describe(entry));
        }

        return Ok;
    }

    private static int Backup(Settings settings)
    {
        using var held = DataDirectoryLock.Acquire(settings.DataDirectory);
        using var database = IsmsDatabase.Open(settings.Storage, settings.DataDirectory);
        var entry = BackupJob.Create(database, settings.Backup, settings.Jobs, settings.Storage, TimeProvider.System, NullLogger.Instance).Create();
        Console.WriteLine(Describe(entry));
        return entry.Verified ? Ok : Failed;
    }

    private static int Restore(Settings settings, string which)
    {
        var folder = Resolve(settings.BackupRoot, which)
            ?? throw new InvalidOperationException($"バックアップ {which} が見つかりません / no backup {which} in {settings.BackupRoot}.");
        var result = BackupRestore.Restore(folder, settings.DataDirectory, settings.Storage.FileName,
            settings.Jobs.Storage == JobStorageKind.Sqlite ? settings.Jobs.SqliteFileName : null,
            string.IsNullOrEmpty(settings.Storage.Password) ? null : settings.Storage.Password, DateTimeOffset.UtcNow);
        Console.WriteLine($"復元しました / restored {Path.GetFileName(folder)} into {settings.DataDirectory}: {string.Join(", ", result.Restored)}.");
        Console.WriteLine($"記録 / records: {result.Manifest.Records}, 監査ログ / audit entries: {result.Manifest.AuditEntries} (chain valid).");
        Console.WriteLine($"置き換えたファイルの退避先 / replaced files moved to: {result.SetAside}");
        return Ok;
    }

    private static string? Resolve(string root, string which)
    {
        if (which == "latest")
        {
            return BackupCatalog.List(root).FirstOrDefault(e => e.Verified)?.Path;
        }

        return Directory.Exists(which) ? which : Directory.Exists(Path.Combine(root, which)) ? Path.Combine(root, which) : null;
    }

    private static string Describe(BackupEntry entry) => entry.Manifest is { } m
        ? string.Create(CultureInfo.InvariantCulture,
            $"{entry.Name}  {entry.CreatedAt.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm:ss} JST  {m.Bytes / 1048576.0:F1} MiB  records {m.Records}  audit {m.AuditEntries}  {(m.Verified ? "verified" : "FAILED: " + m.Problem)}")
        : $"{entry.Name}  (no manifest)";

    private sealed record Settings(StorageOptions Storage, JobsOptions Jobs, BackupOptions Backup, string DataDirectory)
    {
        public string BackupRoot => Backup.ResolveDirectory(DataDirectory);

        public static Settings From(IConfiguration configuration, string contentRoot)
        {
            var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            return new Settings(storage,
                configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions(),
                configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>() ?? new BackupOptions(),
                storage.ResolveDirectory(contentRoot));
        }
    }
}
