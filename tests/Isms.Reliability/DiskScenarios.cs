using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Isms.Jobs.Backup;

namespace Isms.Reliability;

/// <summary>A disk that fills up, one that turns read-only, and a backup restored.</summary>
public static class DiskScenarios
{
    public static async Task DiskFullAsync(Context c, Figures f)
    {
        using var disk = Tmpfs.TryMount(Path.Combine(c.Paths.Run, "diskfull"), 64, out var why);
        if (disk is null)
        {
            f.Note("skipped: " + why);
            return;
        }

        f.Note("a 64 MiB tmpfs, filled with a file until ENOSPC");
        var data = Path.Combine(disk.Path, "data");
        var acknowledged = new ConcurrentBag<string>();
        await using (var bot = await c.StartAsync(data, "diskfull", f))
        {
            using var http = c.Http(bot);
            f.RssStart = bot.RssMiB();
            await SubmitAsync(c, http, 1, 5, acknowledged);
            f.Note($"filled {disk.Fill() / 1048576.0:F1} MiB");
            var full = new Figures("full");
            await c.TalkAsync(http, full, 1, 5, DateTime.UtcNow.AddSeconds(10));
            var (status, cause) = await HealthAsync(http);
            f.Note($"while full: {full.Turns} turns, {full.Errors} answered with the apology; /healthz {(int?)status} {cause}");
            f.Check(status == HttpStatusCode.ServiceUnavailable && cause == "disk-full", "/healthz says 503 disk-full");
            f.Check(File.ReadAllText(bot.LogPath).Contains("the disk is full", StringComparison.Ordinal), "the log says the disk is full");
            f.Check(bot.HasExited == false, "the bot keeps running");

            disk.Free();
            var recovered = await WaitForAsync(async () => (await HealthAsync(http)).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            f.Check(recovered, "/healthz back to 200 once space returns, without a restart");
            var after = new Figures("after");
            await c.TalkAsync(http, after, 1, 5, DateTime.UtcNow.AddSeconds(10));
            foreach (var source in new[] { full, after })
            {
                f.Note($"{(source == full ? "full" : "after")}: {source.Turns} turns, {source.Errors} errors");
            }

            f.Check(after.Errors == 0 && after.Turns > 0, "every turn answered after space returned");
            await SubmitAsync(c, http, 6, 5, acknowledged);
            f.RssEnd = bot.RssMiB();
        }

        disk.Fill();
        await using (var refused = BotUnderTest.Launch(c.Paths, data, Path.Combine(c.Paths.Run, "diskfull-start.log")))
        {
            var code = await refused.WaitForExitAsync(TimeSpan.FromMinutes(3));
            var log = File.ReadAllText(refused.LogPath);
            f.Check(code == 2 && log.Contains(data, StringComparison.Ordinal) && log.Contains("the disk is full", StringComparison.Ordinal),
                $"a start on the full disk stops with code 2 naming the path and the cause ({code})");
        }

        disk.Free();
        f.Acknowledged = acknowledged.Count;
        f.Stored = Context.CountStored(data, acknowledged);
        f.Check(f.Stored == f.Acknowledged, "every acknowledged record stored");
    }

    public static async Task ReadOnlyAsync(Context c, Figures f)
    {
        using var disk = Tmpfs.TryMount(Path.Combine(c.Paths.Run, "readonly"), 64, out var why);
        if (disk is null)
        {
            f.Note("skipped: " + why);
            return;
        }

        // Linux refuses to remount a file system read-only while a file on it is open for writing (EBUSY), and the
        // running bot holds its data files open: so the disk turns read-only between two runs, and the start is checked.
        var data = Path.Combine(disk.Path, "data");
        var acknowledged = new ConcurrentBag<string>();
        await using (var bot = await c.StartAsync(data, "readonly", f))
        {
            using var http = c.Http(bot);
            await SubmitAsync(c, http, 1, 3, acknowledged);
            f.Check(!disk.ReadOnly(), "a remount read-only under the running bot is refused (files open for writing)");
        }

        f.Check(disk.ReadOnly(), "remounted read-only once the bot stopped");
        await using (var refused = BotUnderTest.Launch(c.Paths, data, Path.Combine(c.Paths.Run, "readonly-start.log")))
        {
            var code = await refused.WaitForExitAsync(TimeSpan.FromMinutes(3));
            var log = File.ReadAllText(refused.LogPath);
            f.Note(log.Split('\n').FirstOrDefault(l => l.Contains("Cannot start", StringComparison.Ordinal))?.Trim() ?? "(no message)");
            f.Check(code == 2 && log.Contains(data, StringComparison.Ordinal) && log.Contains("read-only", StringComparison.Ordinal),
                $"a start on the read-only disk stops with code 2 naming the path and the cause ({code})");
        }

        f.Check(disk.Writable(), "remounted writable");
        await using (var again = await c.StartAsync(data, "readonly-again", f))
        {
            using var http = c.Http(again);
            await SubmitAsync(c, http, 4, 3, acknowledged);
            f.Check(acknowledged.Count == 6, $"submissions work once the disk is writable ({acknowledged.Count} of 6)");
        }

        f.Acknowledged = acknowledged.Count;
        f.Stored = Context.CountStored(data, acknowledged);
        f.Check(f.Stored == f.Acknowledged, "every acknowledged record stored");
    }

    public static async Task BackupRestoreAsync(Context c, Figures f)
    {
        var data = c.Paths.NewDataDirectory("backup");
        var settings = new Dictionary<string, string>
        {
            ["Jobs__RunServer"] = "true",
            ["Jobs__PollingSeconds"] = "1",
            ["Backup__Cron"] = "* * * * *",
            ["Backup__Generations"] = "3",
        };
        var before = new ConcurrentBag<string>();
        var later = new ConcurrentBag<string>();
        BackupEntry? backup;
        await using (var bot = await c.StartAsync(data, "backup", f, settings))
        {
            using var http = c.Http(bot);
            var load = c.TalkAsync(http, f, 100, 5, DateTime.UtcNow.AddSeconds(20));
            await SubmitAsync(c, http, 1, 10, before);
            await load;
            var submitted = DateTimeOffset.UtcNow;
            var root = Path.Combine(data, "backups");
            await WaitForAsync(() => Task.FromResult(BackupCatalog.List(root).Any(b => b.Verified && b.CreatedAt > submitted)), TimeSpan.FromMinutes(3));
            backup = BackupCatalog.List(root).FirstOrDefault(b => b.Verified && b.CreatedAt > submitted);
            f.Check(backup is not null, "the recurring job took a verified backup after the submissions");
            if (backup?.Manifest is { } m)
            {
                f.Note(string.Create(CultureInfo.InvariantCulture,
                    $"{backup.Name}: {string.Join(", ", m.Files.Select(x => x.Name))}, {m.Bytes / 1048576.0:F1} MiB, {m.Records} records, audit chain {m.AuditEntries} entries valid"));
            }

            await SubmitAsync(c, http, 11, 3, later);
            f.Check(await RestoreAsync(c, data, "restore-running") == 75, "restore refuses while the bot runs (exit code 75)");
        }

        f.Check(await RestoreAsync(c, data, "restore") == 0, "restore latest succeeds once the bot stopped");
        await using (var restarted = await c.StartAsync(data, "backup-restarted", f))
        {
            using var http = c.Http(restarted);
            f.Check((await new TeamsClient(http, c.Connector.ServiceUrl, 1).SayAsync("申請状況")).Ok, "the restored bot answers");
        }

        f.Acknowledged = before.Count;
        f.Stored = Context.CountStored(data, before);
        var laterStored = Context.CountStored(data, later);
        f.Check(f.Stored == f.Acknowledged, "every record acknowledged before the backup is back");
        f.Note($"{laterStored} of {later.Count} records made after the backup are in the restored data (expected: those the latest backup caught)");
    }

    private static async Task<int> RestoreAsync(Context c, string data, string name)
    {
        await using var restore = BotUnderTest.Launch(c.Paths, data, Path.Combine(c.Paths.Run, name + ".log"), arguments: ["restore", "latest", "--contentRoot", c.Paths.BotProject]);
        return await restore.WaitForExitAsync(TimeSpan.FromMinutes(3));
    }

    private static async Task SubmitAsync(Context c, HttpClient http, int first, int count, ConcurrentBag<string> acknowledged) =>
        await Task.WhenAll(Enumerable.Range(first, count).Select(async p =>
        {
            if (await new TeamsClient(http, c.Connector.ServiceUrl, p).SubmitTakeoutAsync() is { } number)
            {
                acknowledged.Add(number);
            }
        }));

    private static async Task<(HttpStatusCode? Status, string? Cause)> HealthAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/healthz");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, (string?)body?["storage"]?["cause"]);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return (null, null);
        }
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }
}
