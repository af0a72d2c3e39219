using Isms.Bot.AnswerCuration;
using Isms.Bot.Tests.Jobs;
using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Reporting;
using static Isms.Bot.Tests.AnswerCuration.Curators;
using static Isms.Bot.Tests.Jobs.JobHost;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.AnswerCuration;

/// <summary>The weekly job in the real host: the list reaches the 統括 and the 統一的な窓口 in their personal chats, once.</summary>
public sealed class CurationDigestFacts : TempDataDirectory
{
    [Fact]
    public async Task LastWeeksList_ReachesTheChiefOfficerAndTheDesk_OnceEach_HoweverOftenTheJobRuns()
    {
        var clock = new SettableClock(Jst("2026-11-25T10:00")); // a Wednesday
        await using var host = await BotHost.StartAsync(DataDirectory, time: clock);
        await host.Say(Takahashi, "ヘルプ"); // the bot learns how to reach them
        await host.Say(Kobayashi, "ヘルプ");
        await host.Say(BotHost.NewPerson("職員 九"), Declined);

        clock.Set(Jst("2026-11-30T09:00")); // the next Monday, after the digest time
        var job = host.Get<CurationDigestJob>();
        var first = await job.RunAsync(CancellationToken.None);
        var again = await job.RunAsync(CancellationToken.None);

        Assert.Equal((2, 2, 0), (first.Examined, first.Sent, again.Sent));
        foreach (var curator in new[] { Takahashi, Kobayashi })
        {
            var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(curator)), c => CardTexts(c.Card).Contains(CurationDigest.Title));
            Assert.Contains($"「{Declined}」", CardTexts(card));
            Assert.Contains("対象期間: 2026年11月23日〜2026年11月29日", CardTexts(card));
            AdaptiveCardValidator.AssertValid(card);
        }
    }

    [Fact]
    public async Task AQuietWeek_SendsNothing()
    {
        var clock = new SettableClock(Jst("2026-11-30T09:00"));
        await using var host = await BotHost.StartAsync(DataDirectory, time: clock);
        await host.Say(Takahashi, "ヘルプ");

        var run = await host.Get<CurationDigestJob>().RunAsync(CancellationToken.None);

        Assert.Equal(0, run.Sent);
        Assert.DoesNotContain(host.CardsPostedTo(PersonalConversationId(Takahashi)), c => CardTexts(c.Card).Contains(CurationDigest.Title));
    }
}
