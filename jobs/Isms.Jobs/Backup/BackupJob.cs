using Hangfire;
using Isms.Jobs.Hosting;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Backup;

/// <summary>
/// The recurring backup (6.1(2)①: the 統括情報セキュリティ責任者 and 情報システム管理者 back up regularly). Safe to run
/// twice: each run makes a folder of its own and pruning keeps the newest N. A backup that does not verify fails the
/// job (the dashboard and the log show it) after its folder is kept as <c>…-failed</c>.
/// </summary>
public sealed class BackupJob(
    IsmsDatabase database,
    IOptions<BackupOptions> options,
    IOptions<JobsOptions> jobs,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<BackupJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public void Run()
    {
        var backup = Create(database, options.Value, jobs.Value, storage.Value, time, logger);
        var entry = backup.Create();
        if (!entry.Verified)
        {
            throw new InvalidOperationException($"Backup {entry.Name} does not verify: {entry.Manifest?.Problem}");
        }
    }

    public static DataBackup Create(IsmsDatabase database, BackupOptions options, JobsOptions jobs, StorageOptions storage, TimeProvider time, ILogger logger)
    {
        var directory = Path.GetDirectoryName(database.FilePath) ?? throw new InvalidOperationException("The database has no file to back up.");
        var jobsFile = jobs.Storage == JobStorageKind.Sqlite ? Path.Combine(directory, jobs.SqliteFileName) : null;
        return new DataBackup(database, jobsFile, string.IsNullOrEmpty(storage.Password) ? null : storage.Password, options, time, logger);
    }
}
