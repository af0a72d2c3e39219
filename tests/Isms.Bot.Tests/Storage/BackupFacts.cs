using Isms.Bot.Hosting;
using Isms.Bot.Tests.Jobs;
using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Backup;
using Isms.Workflows.Audit;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Jobs.JobHost;

namespace Isms.Bot.Tests.Storage;

/// <summary>
/// Issue 13 finding 3 (6.1(2)①): the backup job copies every data file as one moment and verifies the copy; the restore
/// command puts a backup back, refusing while the bot runs and refusing a backup that does not match what was taken.
/// </summary>
public sealed class BackupFacts : TempDataDirectory
{
    private readonly SettableClock _clock = new(Jst("2026-12-01T02:30"));

    [Fact]
    public void TheBackupJob_CopiesEveryDataFile_VerifiesIt_AndKeepsTheNewestGenerations()
    {
        using var host = Start(DataDirectory, _clock, new Dictionary<string, string?> { ["Backup:Generations"] = "2" });
        var numbers = Enumerable.Range(1, 3).Select(i => FileTakeout(host.Services, $"backup-{i}").Number).ToList();

        for (var day = 0; day < 3; day++)
        {
            _clock.Set(Jst("2026-12-01T02:30").AddDays(day));
            host.Get<BackupJob>().Run();
        }

        var backups = BackupCatalog.List(Path.Combine(DataDirectory, "backups"));
        Assert.Equal(["isms-backup-20261203-023000", "isms-backup-20261202-023000"], backups.Select(b => b.Name));
        var newest = backups[0].Manifest!;
        Assert.True(newest.Verified, newest.Problem);
        Assert.True(newest.AuditChainValid);
        Assert.Equal(3, newest.Records);
        Assert.True(newest.AuditEntries >= 3);
        Assert.Contains(newest.Files, f => f.Name == "isms.db");
        Assert.Contains(newest.Files, f => f.Name == "hangfire.db");
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(backups[0].Path))
            {
                Assert.Equal(Isms.Workflows.Storage.DataFiles.OwnerOnly, File.GetUnixFileMode(file));
            }
        }

        Assert.All(numbers, n => Assert.NotNull(host.Records.FindByNumber(n)));
    }

    [Fact]
    public void Restore_RefusesWhileTheBotRuns_ThenBringsBackWhatTheBackupHeld()
    {
        string kept, later;
        using (var host = Start(DataDirectory, _clock))
        {
            kept = FileTakeout(host.Services, "restore-1").Number;
            host.Get<BackupJob>().Run();
            _clock.Set(Jst("2026-12-01T09:00"));
            later = FileTakeout(host.Services, "restore-2").Number;

            Assert.Equal(75, DataCommands.Run(Restore("latest")));
        }

        Assert.Equal(0, DataCommands.Run(Restore("latest")));

        using var restored = Start(DataDirectory, _clock);
        Assert.NotNull(restored.Records.FindByNumber(kept));
        Assert.Null(restored.Records.FindByNumber(later));
        Assert.True(restored.Get<AuditTrail>().Verify().IsValid);
        var aside = Assert.Single(Directory.GetDirectories(DataDirectory, "pre-restore-*"));
        Assert.True(File.Exists(Path.Combine(aside, "isms.db")));
    }

    [Fact]
    public void Restore_RefusesABackupThatNoLongerMatchesWhatWasTaken()
    {
        string number;
        string backup;
        using (var host = Start(DataDirectory, _clock))
        {
            number = FileTakeout(host.Services, "tamper-1").Number;
            host.Get<BackupJob>().Run();
            backup = BackupCatalog.List(Path.Combine(DataDirectory, "backups")).Single().Path;
        }

        var copy = Path.Combine(backup, "isms.db");
        var bytes = File.ReadAllBytes(copy);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(copy, bytes);

        Assert.Equal(1, DataCommands.Run(Restore(backup)));

        using var untouched = Start(DataDirectory, _clock);
        Assert.NotNull(untouched.Records.FindByNumber(number));
        Assert.Empty(Directory.GetDirectories(DataDirectory, "pre-restore-*"));
    }

    private string[] Restore(string which) => ["restore", which, $"--Storage:DataDirectory={DataDirectory}"];
}
