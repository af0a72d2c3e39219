using System.Text.Json.Nodes;
using Isms.Bot.Conversations;
using Isms.Bot.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Notifications;

/// <summary>
/// Reaching people who never wrote to the bot: the member lists of the teams it is in (read through the loopback
/// connector's pagedmembers, at install and at start-up) give their Teams ids and tenant, and the bot opens their
/// personal chat (POST /v3/conversations) for the first notice; what waits for someone is delivered in the turn in
/// which they write to the bot or install it.
/// </summary>
public sealed class ReachFacts : TempDataDirectory
{
    private const string Team = "19:staff-team@thread.tacv2";

    [Fact]
    public async Task TheBotAddedToATeam_ReadsItsMembers_AndOpensAChatWithTheApproverWhoNeverWrote()
    {
        await using var host = await StartAsync(DataDirectory);
        var connector = host.Connector;
        connector.Rosters[Team] = Members(Applicant, Manager, Officer, Stranger);
        connector.RosterPageSize = 3;

        await host.Post(BotAddedToTeam(Officer, Team));
        await RosterRead(host, Team);

        Assert.Equal([(Team, null), (Team, "3")], connector.RosterReads);
        Assert.Equal(Manager.Id, host.Get<OrgDirectoryService>().FindByAadObjectId(Manager.AadObjectId)!.TeamsUserId);
        Assert.Equal(4, host.Get<TeamRosters>().MemberCount());

        var number = await host.FileTakeout(Applicant);

        Assert.DoesNotContain(Texts(host.LastReplies), t => t.Contains("通知できませんでした"));
        Assert.Empty(host.Get<OutboxStore>().All());
        var (parameters, status) = Assert.Single(connector.Created);
        Assert.Equal(201, status);
        Assert.Equal((false, Manager.Id, TenantId, BotId),
            ((bool?)parameters["isGroup"], (string?)parameters["members"]![0]!["id"], (string?)parameters["tenantId"], (string?)parameters["bot"]!["id"]));
        var chat = FakeConnector.CreatedChatId(Manager.Id);
        var (copy, card) = Assert.Single(host.CardsPostedTo(chat));
        Assert.Contains(number, Json(card));

        // The card works like any other: the decision updates the copy in the chat the bot opened.
        await host.Invoke(Manager, card, "承認");
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        Assert.Contains(connector.Updated, u => u.ConversationId == chat && u.ActivityId == copy);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(Manager.Name) || l.Message.Contains(Stranger.Name));
    }

    [Fact]
    public async Task KnownTeams_AreReadAgainAtStartUp()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Rosters[Team] = Members(Officer);
        using (var first = BotHost.Start(DataDirectory, Settings(), connector: connector))
        {
            await first.Post(BotAddedToTeam(Officer, Team));
            await RosterRead(first, Team);
        }

        connector.Rosters[Team] = Members(Officer, Manager);
        var reads = connector.RosterReads.Count;

        using var second = BotHost.Start(DataDirectory, Settings(), connector: connector);
        await WaitFor(() => connector.RosterReads.Count > reads && second.Get<TeamRosters>().FindMember(Manager.AadObjectId, null) is not null);

        Assert.Equal(Manager.Id, second.Get<TeamRosters>().FindMember(Manager.AadObjectId, null)!.TeamsUserId);
    }

    [Fact]
    public async Task WhenTeamsRefusesTheChat_TheCardWaits_AndInstallingTheAppDeliversItInThatTurn()
    {
        await using var host = await StartAsync(DataDirectory);
        var connector = host.Connector;
        connector.Rosters[Team] = Members(Applicant, Manager);
        connector.CreateStatusByMember[Manager.Id] = 403;
        await host.Post(BotAddedToTeam(Applicant, Team));
        await RosterRead(host, Team);

        await host.FileTakeout(Applicant);

        // The receipt says, once, that 佐藤 has not been reached yet (the one message after a submission).
        var receipt = string.Join("\n", ReplyCards(host.LastReplies).Select(Incidents.IncidentTeams.Text));
        Assert.Contains("佐藤 花子さん", receipt);
        Assert.Contains("まだ届いていません", receipt);
        var entry = Assert.Single(host.Get<OutboxStore>().All());
        Assert.Equal(NotifyResult.Unreachable, entry.LastResult);
        Assert.Contains(host.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Teams refused to open a personal chat with person E0002: HTTP 403"));

        // The administrator installs the app for 佐藤: Teams tells the bot, and the card arrives in that turn.
        await host.Post(InstallationAdd(Manager));

        Assert.Empty(host.Get<OutboxStore>().All());
        Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
    }

    [Fact]
    public async Task WhatWaitsForSomeone_IsDeliveredInTheTurnInWhichTheyFirstWrite()
    {
        await using var host = await StartAsync(DataDirectory);
        var number = await host.FileTakeout(Applicant);
        Assert.Single(host.Get<OutboxStore>().All());

        await host.Say(Manager, "ヘルプ");

        // No clock moved and no retry pass ran: the card came with the answer to 佐藤's first message.
        Assert.Empty(host.Get<OutboxStore>().All());
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        Assert.Contains(number, Json(card));
        Assert.Contains(host.LastReplies.OfType<JsonObject>(), r => r["attachments"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public async Task ABotRemovedFromATeam_DoesNotReadItAgain()
    {
        await using var host = await StartAsync(DataDirectory);
        host.Connector.Rosters[Team] = Members(Officer);
        await host.Post(BotAddedToTeam(Officer, Team));
        await RosterRead(host, Team);

        var removed = BotAddedToTeam(Officer, Team);
        removed["membersRemoved"] = removed["membersAdded"]!.DeepClone();
        removed.Remove("membersAdded");
        await host.Post(removed);

        Assert.Null(host.Get<TeamRosters>().Find(Team));
    }

    [Fact]
    public async Task AMemberListThatCannotBeRead_IsLogged_AndNothingIsSaidInTheTeam()
    {
        await using var host = await StartAsync(DataDirectory);

        await host.Post(BotAddedToTeam(Officer, Team));
        await WaitFor(() => host.Logs.Any(l => l.Message.Contains($"Could not read the member list of roster {Team}: HTTP 404")));

        Assert.DoesNotContain(host.Connector.Posted, p => p.ConversationId.StartsWith(Team, StringComparison.Ordinal));
        Assert.Null(host.Get<TeamRosters>().Find(Team)!.SyncedAt);
    }

    private static Dictionary<string, string?> Settings() => new() { ["Directory:Watch"] = "false" };

    private static List<JsonObject> Members(params TeamsUser[] users) =>
        users.Select(u => FakeConnector.Member(u.Id, u.Name, u.AadObjectId, TenantId)).ToList();

    private static Task RosterRead(BotHost host, string rosterId) =>
        WaitFor(() => host.Get<TeamRosters>().Find(rosterId)?.SyncedAt is not null);

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
