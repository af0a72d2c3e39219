using Isms.Bot.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Incidents;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Incidents.IncidentTeams;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// A CSIRT card that could not be delivered at once (no CSIRT channel, and 斎藤 had never written to the bot) reaches
/// 斎藤 when he first writes, minutes later, after the 管理者 has acknowledged the report: drawn from the case as it
/// is then, so its first press counts.
/// </summary>
public sealed class LateIncidentCardFacts : TempDataDirectory
{
    [Fact]
    public async Task ACsirtCardDeliveredLate_IsDrawnFromTheCaseAsItIsThen_AndItsFirstPressCounts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(DataDirectory, new Dictionary<string, string?> { ["Channels:CsirtChannelId"] = null }, time);
        await Hello(host, Sato);
        var (number, _) = await IncidentTeams.Report(host.Client);
        var queued = Assert.Single(host.Get<OutboxStore>().All(), e => e.RecipientName == Saito.Name);
        Assert.Equal((IncidentText.RefreshVerb, null), (queued.CardVerb, queued.CardJson));
        var managerCard = CardOf(host.Connector.Received.Last(s => s.ConversationId == TeamsActivities.PersonalConversationId(Sato)).Activity);
        await Press(host, Sato, managerCard, "確認");
        time.Advance(TimeSpan.FromMinutes(4));

        await host.Say(Saito, "ヘルプ");

        // The turn delivers what waits for him; when the outbox's own retry pass (due after the 4 minutes) holds the
        // delivery at that moment, the card comes from that pass instead, or, when the pass tried before the turn had
        // stored his chat, from its next pass: either way, once.
        var chat = TeamsActivities.PersonalConversationId(Saito);
        await WaitForCard(host, chat);
        if (host.CardsPostedTo(chat).Count == 0)
        {
            time.Advance(TimeSpan.FromMinutes(6));
            await WaitForCard(host, chat);
        }
        var (_, card) = Assert.Single(host.CardsPostedTo(chat));
        Assert.Contains("報告を確認", Text(card));
        Assert.Contains(Saito.Id, card["refresh"]!["userIds"]!.AsArray().Select(id => (string?)id));
        var (_, triaged) = await Press(host, Saito, card, "評価を記録", ("isIncident", "yes"), ("severity", "high"));
        Assert.Contains($"{number}の評価を記録しました。", Text(ResponseCard(triaged)!));
        AdaptiveCardValidator.AssertValid(card);
    }

    private static async Task WaitForCard(BotHost host, string chat)
    {
        for (var waited = 0; host.CardsPostedTo(chat).Count == 0 && waited < 150; waited++) await Task.Delay(100);
    }
}
