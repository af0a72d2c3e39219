using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Workflows.Org;

/// <summary>
/// The current org directory: loaded from the YAML file at start, reloaded when the file changes (an invalid new
/// file keeps the previous directory), with the Teams user ids the bot learned kept in LiteDB across reloads.
/// </summary>
public sealed partial class OrgDirectoryService : IDisposable
{
    private const string LearnedCollection = "directory_teams_ids";
    private readonly DirectoryOptions _options;
    private readonly ILiteCollection<LearnedTeamsId> _learned;
    private readonly ILogger<OrgDirectoryService> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private OrgDirectory _fileDirectory;
    private volatile OrgDirectory _current;

    public OrgDirectoryService(IOptions<DirectoryOptions> options, IsmsDatabase database, TimeProvider time, ILogger<OrgDirectoryService> logger)
    {
        _options = options.Value;
        _learned = database.Collection<LearnedTeamsId>(LearnedCollection);
        _logger = logger;
        _time = time;
        _fileDirectory = OrgDirectoryLoader.LoadFile(_options.ResolvedPath);
        _current = WithLearned(_fileDirectory);
        LogLoaded(_logger, _current.People.Count, _current.Roles.Count, _current.Deputies.Count);
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        if (_options.Watch)
        {
            var path = _options.ResolvedPath;
            _watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
    }

    public OrgDirectory Current => _current;

    /// <summary>Raised after a successful reload.</summary>
    public event Action<OrgDirectory>? Reloaded;

    public Person? FindByAadObjectId(string? aadObjectId) => _current.FindByAadObjectId(aadObjectId);

    public Person? FindByTeamsUserId(string? teamsUserId) => _current.FindByTeamsUserId(teamsUserId);

    /// <summary>The sender as the directory knows them (<see cref="OrgDirectory.Match"/>: by Entra object id when the
    /// activity has one, a Teams user id only when it has none).</summary>
    public DirectoryIdentity Identify(string? aadObjectId, string? teamsUserId)
    {
        var directory = _current;
        var person = directory.Match(aadObjectId, teamsUserId);
        return person is not null ? new DirectoryIdentity(person, null) : new DirectoryIdentity(null, StrangerGuidance(directory));
    }

    /// <summary>Remembers the Teams user id of a person known by Entra object id. Returns false for strangers.</summary>
    public bool LearnTeamsUserId(string aadObjectId, string teamsUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(teamsUserId);
        if (!Guid.TryParse(aadObjectId, out var guid)) return false;
        var key = guid.ToString("D");
        lock (_gate)
        {
            var person = _current.FindByAadObjectId(key);
            if (person is null) return false;
            if (person.TeamsUserId == teamsUserId) return true;
            _learned.Upsert(new LearnedTeamsId { Id = key, TeamsUserId = teamsUserId, LearnedAt = _time.GetUtcNow() });
            _current = WithLearned(_fileDirectory);
            LogLearned(_logger, person.Id);
            return true;
        }
    }

    /// <summary>Reads the file again; on any problem keeps the current directory. Returns whether it changed.</summary>
    public bool Reload()
    {
        try
        {
            var loaded = OrgDirectoryLoader.LoadFile(_options.ResolvedPath);
            lock (_gate)
            {
                _fileDirectory = loaded;
                _current = WithLearned(loaded);
            }

            LogLoaded(_logger, _current.People.Count, _current.Roles.Count, _current.Deputies.Count);
            Reloaded?.Invoke(_current);
            return true;
        }
        catch (DirectoryLoadException e)
        {
            // The errors name directory ids and fields, not people's names, so they may go to the log.
            LogReloadRejected(_logger, e.Path, string.Join("; ", e.Errors));
            return false;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }

    internal static string StrangerGuidance(OrgDirectory directory)
    {
        var admin = directory.FindById(directory.AdministratorId);
        var contact = admin is not null
            ? $"{admin.Department}の{admin.Name}（{admin.Title}）"
            : "所属の情報セキュリティ管理者またはシステム管理者";
        return "組織名簿にあなたの登録が見つかりません。情報セキュリティ対策基準についての質問にはお答えできますが、" +
               $"申請・報告の提出や承認はできません。名簿への登録は{contact}に依頼してください。";
    }

    private OrgDirectory WithLearned(OrgDirectory directory) =>
        directory.WithLearnedTeamsUserIds(_learned.FindAll().ToDictionary(l => l.Id, l => l.TeamsUserId));

    private void OnFileEvent(object sender, FileSystemEventArgs e) =>
        _debounce.Change(Math.Max(0, _options.ReloadDelayMilliseconds), Timeout.Infinite);

    [LoggerMessage(Level = LogLevel.Information, Message = "Org directory loaded: {People} people, {Roles} role assignments, {Deputies} deputies")]
    private static partial void LogLoaded(ILogger logger, int people, int roles, int deputies);

    [LoggerMessage(Level = LogLevel.Error, Message = "Org directory {Path} was not reloaded, the previous one stays in use: {Errors}")]
    private static partial void LogReloadRejected(ILogger logger, string path, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Learned the Teams user id of directory person {PersonId}")]
    private static partial void LogLearned(ILogger logger, string personId);

    private sealed class LearnedTeamsId
    {
        /// <summary>Entra object id, lower case.</summary>
        public string Id { get; set; } = "";
        public string TeamsUserId { get; set; } = "";
        public DateTimeOffset LearnedAt { get; set; }
    }
}
