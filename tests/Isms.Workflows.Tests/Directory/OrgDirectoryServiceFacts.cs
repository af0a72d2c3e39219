using Isms.Workflows.Org;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Org;

public sealed class OrgDirectoryServiceFacts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-org-").FullName;
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly List<OrgDirectoryService> _services = [];

    private string FilePath => Path.Combine(_folder, "org.yaml");

    public void Dispose()
    {
        foreach (var service in _services) service.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private OrgDirectoryService Start(string yaml, bool watch = false, ILogger<OrgDirectoryService>? logger = null)
    {
        File.WriteAllText(FilePath, yaml);
        var options = Options.Create(new DirectoryOptions { Path = FilePath, Watch = watch, ReloadDelayMilliseconds = 50 });
        var service = new OrgDirectoryService(options, _database, new FakeTimeProvider(), logger ?? NullLogger<OrgDirectoryService>.Instance);
        _services.Add(service);
        return service;
    }

    [Fact]
    public void Ctor_Throws_WhenTheFileIsInvalid()
    {
        var error = Assert.Throws<DirectoryLoadException>(() => Start(OrgTestData.Minimal().Replace("SecurityManager", "Boss")));

        Assert.Contains("unknown role 'Boss'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_KeepsTheOldDirectoryAndLogsWhy_WhenTheNewFileIsInvalid()
    {
        var logger = new ListLogger();
        var service = Start(OrgTestData.Minimal(), logger: logger);
        File.WriteAllText(FilePath, OrgTestData.Minimal(managerName: "新任 管理者").Replace("id: A2", "id: A1"));

        Assert.False(service.Reload());

        Assert.Equal("佐藤 花子", service.Current.FindById("A2")?.Name);
        var entry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("duplicate id 'A1'", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("新任", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PicksUpAChangedFile()
    {
        var service = Start(OrgTestData.Minimal(), watch: true);
        var reloaded = new TaskCompletionSource<OrgDirectory>(TaskCreationOptions.RunContinuationsAsynchronously);
        service.Reloaded += d => reloaded.TrySetResult(d);

        await File.WriteAllTextAsync(FilePath, OrgTestData.Minimal(managerName: "新任 管理者"));

        var directory = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("新任 管理者", directory.FindById("A2")?.Name);
        Assert.Equal("新任 管理者", service.Current.FindById("A2")?.Name);
    }

    [Fact]
    public void LearnTeamsUserId_SurvivesAReloadAndARestart()
    {
        var service = Start(OrgTestData.Minimal());

        Assert.True(service.LearnTeamsUserId(OrgTestData.Aad(2).ToUpperInvariant(), "29:manager"));
        Assert.Equal("A2", service.FindByTeamsUserId("29:manager")?.Id);

        File.WriteAllText(FilePath, OrgTestData.Minimal(managerName: "新任 管理者"));
        Assert.True(service.Reload());
        Assert.Equal("新任 管理者", service.FindByTeamsUserId("29:manager")?.Name);

        var restarted = Start(OrgTestData.Minimal());
        Assert.Equal("A2", restarted.FindByTeamsUserId("29:manager")?.Id);
    }

    [Fact]
    public void LearnTeamsUserId_IgnoresStrangers()
    {
        var service = Start(OrgTestData.Minimal());

        Assert.False(service.LearnTeamsUserId(OrgTestData.Aad(99), "29:stranger"));
        Assert.Null(service.FindByTeamsUserId("29:stranger"));
    }

    [Fact]
    public void Identify_MatchesByEntraObjectIdFirst()
    {
        var service = Start(OrgTestData.Minimal());
        service.LearnTeamsUserId(OrgTestData.Aad(2), "29:manager");

        var identity = service.Identify(OrgTestData.Aad(1), "29:manager");

        Assert.True(identity.MayFileOrApprove);
        Assert.Equal("A1", identity.Person?.Id);
        Assert.Null(identity.Guidance);
    }

    [Fact]
    public void Identify_TellsAStrangerWhatTheyCanDoAndWhomToAsk()
    {
        var directory = OrgTestData.Sample();
        var service = Start(OrgTestData.SampleText);

        var identity = service.Identify(OrgTestData.Aad(999), "29:nobody");

        Assert.False(identity.IsKnown);
        Assert.False(identity.MayFileOrApprove);
        Assert.Contains("質問にはお答えできます", identity.Guidance, StringComparison.Ordinal);
        Assert.Contains("申請・報告の提出や承認はできません", identity.Guidance, StringComparison.Ordinal);
        Assert.Contains(directory.FindById(directory.AdministratorId)!.Name, identity.Guidance, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_FallsBackToAGenericContact_WhenNoAdministratorIsNamed()
    {
        var service = Start(OrgTestData.Minimal());

        Assert.Contains("情報セキュリティ管理者", service.Identify(null, null).Guidance, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<OrgDirectoryService>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
