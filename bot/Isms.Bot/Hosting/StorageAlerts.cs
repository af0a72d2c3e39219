using System.Globalization;
using System.Threading.Channels;
using Isms.Bot.Notifications;
using Isms.Workflows.Notifications;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Hosting;

/// <summary>
/// Tells the 管理者 channel (Channels:AdminChannelId) about a storage incident once: when it opened and whether it is
/// still open a few seconds later (an engine fault healed by the reopen gets one "recovered by itself" message), and once
/// more when an announced incident closes. A new incident of the same cause soon after the last one closed (a disk that
/// is nearly full, filling and freeing) is only logged. Without an admin channel the log is the only alert.
/// </summary>
/// <remarks>The database is resolved when the service starts, not when the host builds it: that happens before the options
/// are validated, and a bad setting must be reported as such.</remarks>
public sealed partial class StorageAlerts(
    IServiceProvider services,
    IOptions<NotificationChannelsOptions> channels,
    ILogger<StorageAlerts> logger) : BackgroundService
{
    /// <summary>How long an incident may take to heal by itself before it is announced as open.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan[] SendRetries = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    private readonly Channel<(bool Opened, StorageIncident Incident)> _events = Channel.CreateUnbounded<(bool, StorageIncident)>();
    private readonly HashSet<long> _announcedOpen = [];
    private (StorageCause Cause, DateTimeOffset At)? _lastAnnouncedClose;
    private IsmsDatabase? _database;

    private IsmsDatabase Database => _database ??= services.GetRequiredService<IsmsDatabase>();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var database = Database;
        database.Health.IncidentOpened += OnOpened;
        database.Health.IncidentClosed += OnClosed;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_database is { } database)
        {
            database.Health.IncidentOpened -= OnOpened;
            database.Health.IncidentClosed -= OnClosed;
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (opened, incident) in _events.Reader.ReadAllAsync(stoppingToken))
            {
                if (opened)
                {
                    await Task.Delay(SettleTime, stoppingToken);
                    await AnnounceOpenedAsync(incident, stoppingToken);
                }
                else if (_announcedOpen.Remove(incident.Number))
                {
                    await SendAsync(incident, Recovered(incident), stoppingToken);
                    _lastAnnouncedClose = (incident.Cause, incident.Recovered ?? DateTimeOffset.UtcNow);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnOpened(StorageIncident incident) => _events.Writer.TryWrite((true, incident));

    private void OnClosed(StorageIncident incident) => _events.Writer.TryWrite((false, incident));

    private async Task AnnounceOpenedAsync(StorageIncident incident, CancellationToken cancellationToken)
    {
        var stillOpen = Database.Health.Current is { } current && current.Number == incident.Number;
        if (_lastAnnouncedClose is { } last && last.Cause == incident.Cause && incident.Started - last.At < QuietPeriod)
        {
            LogQuiet(logger, incident.Number, StorageFailure.Code(incident.Cause));
            if (stillOpen)
            {
                _announcedOpen.Add(incident.Number);
            }

            return;
        }

        if (stillOpen)
        {
            _announcedOpen.Add(incident.Number);
            await SendAsync(incident, Opened(incident), cancellationToken);
        }
        else
        {
            var healed = Database.Health.LastClosed is { Number: var n } closed && n == incident.Number ? closed : incident;
            await SendAsync(incident, HealedAtOnce(healed), cancellationToken);
            _lastAnnouncedClose = (incident.Cause, healed.Recovered ?? incident.Started);
        }
    }

    private async Task SendAsync(StorageIncident incident, Notification notification, CancellationToken cancellationToken)
    {
        if (channels.Value.AdminChannelId is not { Length: > 0 } channelId)
        {
            LogNoChannel(logger, incident.Number);
            return;
        }

        var notifier = services.GetRequiredService<TeamsNotifier>();
        for (var attempt = 0; ; attempt++)
        {
            NotifyResult result;
            try
            {
                result = await notifier.NotifyChannelAsync(channelId, notification, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The channel's address is itself in the data file; while the store is down it may not be readable.
                LogSendFailed(logger, incident.Number, exception.GetType().Name);
                result = NotifyResult.Failed;
            }

            if (result == NotifyResult.Sent)
            {
                LogSent(logger, incident.Number, notification.SubjectId ?? "");
                return;
            }

            if (attempt >= SendRetries.Length)
            {
                LogGaveUp(logger, incident.Number);
                return;
            }

            await Task.Delay(SendRetries[attempt], cancellationToken);
        }
    }

    internal static Notification Opened(StorageIncident incident) => new(
        "【ボットのデータ保存で障害】",
        $"{Time(incident.Started)} に、データファイル {PathOf(incident)} で障害を検知しました。\n"
        + $"原因: {StorageFailure.Japanese(incident.Cause)}。\n"
        + "この間、ボットは職員の申請・報告を保存できず、おわびを返します。復旧したら改めてお知らせします。",
        Clause: "6.1(2)①", SubjectId: $"storage-{incident.Number}-opened");

    internal static Notification Recovered(StorageIncident incident) => new(
        "【ボットのデータ保存が復旧しました】",
        $"{Time(incident.Recovered ?? incident.Started)} に書き込みが再開しました（{Time(incident.Started)} からの障害）。"
        + "障害中に保存できなかった申請・報告は、職員にもう一度送ってもらう必要があります。",
        Clause: "6.1(2)①", SubjectId: $"storage-{incident.Number}-recovered");

    internal static Notification HealedAtOnce(StorageIncident incident) => new(
        "【ボットのデータ保存で障害を検知し、自動で復旧しました】",
        $"{Time(incident.Started)} に障害を検知し、データベースを開き直して続行しました（原因: {StorageFailure.Japanese(incident.Cause)}）。"
        + "対応は不要です。念のため「監査ログ検証」で記録のつながりを確認できます。",
        Clause: "6.1(2)①", SubjectId: $"storage-{incident.Number}-healed");

    private static string Time(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string PathOf(StorageIncident incident) => incident.Path;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage incident {Incident} ({Cause}) follows a recent one of the same cause; not announced again")]
    private static partial void LogQuiet(ILogger logger, long incident, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage incident {Incident}: no Channels:AdminChannelId is configured, so only this log tells the administrator")]
    private static partial void LogNoChannel(ILogger logger, long incident);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage incident {Incident}: telling the admin channel failed ({ExceptionType}); trying again")]
    private static partial void LogSendFailed(ILogger logger, long incident, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage incident {Incident}: the admin channel was told ({Subject})")]
    private static partial void LogSent(ILogger logger, long incident, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage incident {Incident}: the admin channel could not be told after several attempts")]
    private static partial void LogGaveUp(ILogger logger, long incident);
}
