using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Storage;
using LiteDB.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Storage;

/// <summary>
/// Issue 13 findings 1, 2 and 11 through the real host: a storage fault in a turn is healed and the turn answered; a full
/// disk is said plainly (apology, /healthz, the admin channel once) and recovers when space returns; a second instance on
/// the data directory does not start; the data files are owner-only.
/// </summary>
public sealed class StorageHostFacts : TempDataDirectory
{
    private const string AdminChannel = "19:storage-admin@thread.tacv2";
    private const string Apology = "申し訳ありません";

    private readonly FaultyStream _data = new(new MemoryStream());
    private readonly FaultyStream _log = new(new MemoryStream());

    [Fact]
    public async Task AFaultInATurn_IsHealed_TheTurnRunsAgain_AndTheAdminChannelIsToldOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var host = StartOnFaultyStreams(connector);
        var person = BotHost.NewPerson("障害 一郎");
        await host.MentionInChannel(person, AdminChannel);
        await host.Say(person, "ヘルプ");

        _log.FailNextWrites(2); // the write and the engine's own repeat fail: the turn itself must run again
        var replies = await host.Say(person, "ヘルプ");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(Texts(replies), t => t.Contains(Apology));
        Assert.Contains(host.Logs, l => l.Message.Contains("running it once more"));
        var database = host.Get<IsmsDatabase>();
        Assert.True(database.Engine!.Generations >= 3);
        Assert.Equal(StorageState.Healthy, database.Health.State);
        var told = await AdminMessagesAsync(connector, 1);
        Assert.Contains("自動で復旧しました", Assert.Single(told));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AFullDisk_IsSaidPlainly_AndWritingResumesWhenSpaceReturns_WithoutARestart()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var host = StartOnFaultyStreams(connector);
        var person = BotHost.NewPerson("容量 花子");
        await host.MentionInChannel(person, AdminChannel);
        _log.Error = () => new IOException("No space left on device", FaultyStream.Enospc);
        _log.FailAllWrites();

        var first = await host.Say(person, "ヘルプ");
        var second = await host.Say(person, "ヘルプ");
        using var degraded = await host.Client.GetAsync("/healthz");

        Assert.Contains(Texts(first), t => t.Contains(Apology));
        Assert.Contains(Texts(second), t => t.Contains(Apology));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, degraded.StatusCode);
        var body = JsonNode.Parse(await degraded.Content.ReadAsStringAsync())!;
        Assert.Equal("disk-full", (string?)body["storage"]!["cause"]);
        Assert.DoesNotContain(DataDirectory, body.ToJsonString());
        Assert.Contains(host.Logs, l => l.Message.Contains("the disk is full"));
        var opened = Assert.Single(await AdminMessagesAsync(connector, 1));
        Assert.Contains("ディスクの空き容量がありません", opened);

        _log.Heal();
        using var recovered = await host.Client.GetAsync("/healthz");
        var after = await host.Say(person, "ヘルプ");

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.DoesNotContain(Texts(after), t => t.Contains(Apology));
        var told = await AdminMessagesAsync(connector, 2);
        Assert.Equal(2, told.Count);
        Assert.Contains("復旧しました", told[1]);
    }

    [Fact]
    public async Task ASecondInstance_OnTheSameDataDirectory_DoesNotStart_AndSaysWhy()
    {
        using var first = BotHost.Start(DataDirectory);
        await first.Say(BotHost.NewPerson("一台目 太郎"), "ヘルプ");

        var refused = await BotHost.StartupErrorAsync(DataDirectory, new Dictionary<string, string?>());

        var error = Assert.IsType<StorageStartupException>(refused);
        Assert.Equal(StorageCause.InUse, error.Cause);
        Assert.Contains(DataDirectory, error.Message);
        Assert.Contains("another bot process is using the same data directory", error.Message);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task TheDataFiles_AreReadableByTheBotsUserOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        using var host = BotHost.Start(DataDirectory);
        await host.Say(BotHost.NewPerson("権限 次郎"), "ヘルプ");

        foreach (var name in new[] { "isms.db", "isms-log.db", "hangfire.db" })
        {
            var path = Path.Combine(DataDirectory, name);
            Assert.True(File.Exists(path), name);
            Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path));
        }
    }

    private BotHost StartOnFaultyStreams(FakeConnector connector) => BotHost.Start(
        settings: new Dictionary<string, string?> { ["Channels:AdminChannelId"] = AdminChannel },
        connector: connector,
        services: services =>
        {
            services.RemoveAll<IsmsDatabase>();
            services.AddSingleton(sp => IsmsDatabase.OnEngine(() => new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log }),
                null, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Isms.Storage"), null));
        });

    private static async Task<List<string>> AdminMessagesAsync(FakeConnector connector, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string> found;
        do
        {
            await Task.Delay(200);
            found = connector.Posted
                .Select(p => (string?)p.Activity["text"] ?? "")
                .Where(t => t.Contains("【ボットのデータ保存"))
                .ToList();
        }
        while (found.Count < atLeast && DateTime.UtcNow < deadline);

        await Task.Delay(StorageAlertsSettle); // room for a wrong extra message to show
        return connector.Posted.Select(p => (string?)p.Activity["text"] ?? "").Where(t => t.Contains("【ボットのデータ保存")).ToList();
    }

    private static readonly TimeSpan StorageAlertsSettle = Isms.Bot.Hosting.StorageAlerts.SettleTime + TimeSpan.FromSeconds(1);
}
