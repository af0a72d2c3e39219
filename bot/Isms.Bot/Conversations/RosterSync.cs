using System.Threading.Channels;
using Isms.Bot.Hosting;
using Isms.Bot.Notifications;
using Isms.Workflows.Org;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Conversations;

/// <summary>
/// Reads the member list (paged, as Teams serves it) of every team and group chat the bot is in: when it is added or
/// installed there, when people join, the first time it hears from a team it did not know, and for every known one at
/// start-up. Each member's Teams user id, Entra object id and tenant are kept (<see cref="TeamRosters"/>), the
/// directory learns the Teams ids of its people, and whatever waits in the outbox for someone listed gets an attempt
/// at once: the bot can now open a personal chat with them. Reads run one at a time, off the turn that asked for them.
/// </summary>
public sealed partial class RosterSync(IServiceProvider services, TimeProvider time, ILogger<RosterSync> logger) : BackgroundService
{
    /// <summary>Teams serves at most 500 members a page.</summary>
    public const int PageSize = 500;

    /// <summary>A bound on one read (200 pages: 100,000 members), against a connector that never stops paging.</summary>
    public const int MaxPages = 200;

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(2);

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _queued = [];
    private readonly Lock _queuedGate = new();

    /// <summary>Asks for a read of this roster; a read already waiting is not queued twice.</summary>
    public void Enqueue(string rosterId)
    {
        lock (_queuedGate)
        {
            if (!_queued.Add(rosterId))
            {
                return;
            }
        }

        _queue.Writer.TryWrite(rosterId);
    }

    /// <summary>Reads one roster now and returns how many members it listed (null when the read failed; the log says why).</summary>
    public async Task<int?> ReadAsync(string rosterId, CancellationToken cancellationToken)
    {
        var rosters = services.GetRequiredService<TeamRosters>();
        if (rosters.Find(rosterId) is not { } roster)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        var members = new List<TeamsChannelAccount>();
        Exception? failure = null;
        var adapter = services.GetRequiredService<IsmsCloudAdapter>();
        var appId = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.MicrosoftAppId ?? "";
        try
        {
            await adapter.ContinueConversationAsync(appId, roster.Reference, async (turnContext, token) =>
            {
                // Everything is caught inside the turn: the adapter's error handler would apologise in the team's channel.
                try
                {
                    await ReadPagesAsync(turnContext, roster, members, token);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            }, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            failure = exception;
        }

        if (failure is not null)
        {
            LogReadFailed(logger, rosterId, failure switch
            {
                ErrorResponseException refused => $"HTTP {(int?)refused.Response?.StatusCode}",
                Microsoft.Rest.HttpOperationException refused => $"HTTP {(int?)refused.Response?.StatusCode}",
                _ => failure.GetType().Name,
            });
            return null;
        }

        var learned = Keep(rosters, roster, members);
        rosters.MarkSynced(rosterId, time.GetUtcNow());
        LogRead(logger, rosterId, members.Count, learned);
        await services.GetRequiredService<NotificationOutbox>().DeliverQueuedForAsync(
            members.Select(m => (NormalisedAad(m.AadObjectId), m.Id)), cancellationToken);
        return members.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var roster in services.GetRequiredService<TeamRosters>().All())
        {
            Enqueue(roster.Id);
        }

        try
        {
            await foreach (var rosterId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                lock (_queuedGate)
                {
                    _queued.Remove(rosterId);
                }

                try
                {
                    await ReadAsync(rosterId, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One bad read must not stop the others; the roster is read again at the next start or event.
                    logger.LogError(exception, "Reading the member list of roster {RosterId} failed", rosterId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task ReadPagesAsync(ITurnContext turnContext, Roster roster, List<TeamsChannelAccount> members, CancellationToken cancellationToken)
    {
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = roster.IsTeam
                ? await TeamsInfo.GetPagedTeamMembersAsync(turnContext, roster.Id, continuation, PageSize, cancellationToken)
                : await TeamsInfo.GetPagedMembersAsync(turnContext, PageSize, continuation, cancellationToken);
            members.AddRange(page.Members?.Where(m => m?.Id is { Length: > 0 and <= 256 }) ?? []);
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation) && ++pages < MaxPages);
    }

    /// <summary>Stores the members; returns how many of them the directory knows.</summary>
    private int Keep(TeamRosters rosters, Roster roster, IReadOnlyList<TeamsChannelAccount> members)
    {
        var directory = services.GetRequiredService<OrgDirectoryService>();
        var now = time.GetUtcNow();
        var known = 0;
        foreach (var member in members)
        {
            var aadObjectId = NormalisedAad(member.AadObjectId);
            rosters.SaveMember(new RosterMember
            {
                Id = RosterMember.KeyOf(aadObjectId, member.Id),
                TeamsUserId = member.Id,
                AadObjectId = aadObjectId,
                TenantId = member.TenantId is { Length: > 0 and <= 64 } tenant ? tenant : roster.Reference.Conversation?.TenantId,
                ServiceUrl = roster.Reference.ServiceUrl,
                BotId = roster.Reference.Bot?.Id ?? "",
                RosterId = roster.Id,
                SeenAt = now,
            });
            if (aadObjectId is not null && directory.LearnTeamsUserId(aadObjectId, member.Id))
            {
                known++;
            }
        }

        return known;
    }

    /// <summary>An Entra object id is a GUID; anything else from the roster is not one.</summary>
    private static string? NormalisedAad(string? aadObjectId) => Guid.TryParse(aadObjectId, out var guid) ? guid.ToString("D") : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the member list of roster {RosterId}: {Members} members, {InDirectory} of them in the directory")]
    private static partial void LogRead(ILogger logger, string rosterId, int members, int inDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the member list of roster {RosterId}: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string rosterId, string reason);
}
