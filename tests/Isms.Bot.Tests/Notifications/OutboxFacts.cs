using Isms.Bot.Hosting;
using Isms.Bot.Notifications;
using Isms.Bot.Tests.Approvals;
using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Notifications;

/// <summary>
/// Undelivered notifications through the real host with a fake clock: kept in the LiteDB outbox, retried after 1, 5
/// and 30 minutes, then reported (管理者 channel, else the applicant's 情報セキュリティ管理者), and delivered once
/// the person can be reached.
/// </summary>
public sealed class OutboxFacts : TempDataDirectory
{
    private const string Report = "佐藤 花子さんへの通知（申請 持出-2026-0001）が届きませんでした。ボットが未登録の可能性があります。";

    [Fact]
    public async Task AnUndeliveredCard_IsRetriedWithBackoff_ThenReportedInTheAdminChannel_AndKept()
    {
        await using var host = await StartAsync(DataDirectory, adminChannel: AdminChannel);
        await host.MentionInChannel(Officer, AdminChannel);
        var number = await host.FileTakeout(Applicant);
        Assert.Equal("持出-2026-0001", number);
        var outbox = host.Get<NotificationOutbox>();
        var store = host.Get<OutboxStore>();
        var entry = Assert.Single(store.All());
        Assert.Equal((OutboxKind.DecisionCard, 1, NotifyResult.Unreachable), (entry.Kind, entry.Attempts, entry.LastResult));

        async Task<OutboxEntry> After(TimeSpan wait)
        {
            host.FakeTime.Advance(wait);
            await outbox.RetryDueAsync(host.Time.GetUtcNow(), CancellationToken.None);
            return Assert.Single(store.All());
        }

        Assert.Equal(1, (await After(TimeSpan.FromSeconds(59))).Attempts);
        Assert.Equal(2, (await After(TimeSpan.FromSeconds(1))).Attempts);
        Assert.Equal(3, (await After(TimeSpan.FromMinutes(5))).Attempts);
        Assert.Equal(3, (await After(TimeSpan.FromMinutes(29))).Attempts);
        Assert.DoesNotContain(host.TextsPostedTo(AdminChannel), t => t.Contains(Report));

        var givenUp = await After(TimeSpan.FromMinutes(1));

        Assert.Equal(4, givenUp.Attempts);
        Assert.Null(givenUp.NextAttemptAt);
        Assert.True(givenUp.Reported);
        Assert.Single(host.TextsPostedTo(AdminChannel), t => t.Contains(Report));
        Assert.Contains(host.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains(givenUp.Id) && l.Message.Contains(givenUp.RecordId!));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("佐藤") || l.Message.Contains("通知（申請"));

        // Later passes neither retry nor report again; once 佐藤 talks to the bot the card reaches her.
        await After(TimeSpan.FromHours(2));
        Assert.Single(host.TextsPostedTo(AdminChannel), t => t.Contains(Report));
        await host.Say(Manager, "ヘルプ");
        host.FakeTime.Advance(TimeSpan.FromSeconds(1));
        await outbox.RetryDueAsync(host.Time.GetUtcNow(), CancellationToken.None);
        Assert.Empty(store.All());
        var (copy, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        await host.Invoke(Manager, card, "承認");
        Assert.Contains(host.Connector.Updated, u => u.ActivityId == copy);
    }

    [Fact]
    public async Task AnApproverWhoTalksToTheBotBeforeTheRetry_GetsTheCard_AndTheEntryLeavesTheOutbox()
    {
        await using var host = await StartAsync(DataDirectory);
        var number = await host.FileTakeout(Applicant);
        Assert.Contains("警防課の情報セキュリティ管理者の佐藤 花子さん（内線 2102）にはまだ届いていません。", Isms.Bot.Tests.Forms.FormConversation.AllText(Assert.Single(ReplyCards(host.LastReplies))));
        Assert.Single(host.Get<OutboxStore>().All());

        await host.Say(Manager, "ヘルプ");
        host.FakeTime.Advance(TimeSpan.FromMinutes(1));
        await host.Get<NotificationOutbox>().RetryDueAsync(host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(host.Get<OutboxStore>().All());
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        Assert.Contains(number, Json(card));
    }

    [Fact]
    public async Task WithoutAnAdminChannel_TheApplicantsManagerIsToldPersonally()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        host.Connector.StatusByConversation[PersonalConversationId(Applicant)] = 403;

        await host.Invoke(Manager, card, "承認");
        var entry = Assert.Single(host.Get<OutboxStore>().All());
        Assert.Equal((OutboxKind.Message, NotifyResult.Failed), (entry.Kind, entry.LastResult));
        foreach (var wait in new[] { 1, 5, 30 })
        {
            host.FakeTime.Advance(TimeSpan.FromMinutes(wait));
            await host.Get<NotificationOutbox>().RetryDueAsync(host.Time.GetUtcNow(), CancellationToken.None);
        }

        Assert.Contains(host.TextsPostedTo(PersonalConversationId(Manager)),
            t => t.Contains($"山田 太郎さんへの通知（申請 {number}）が届きませんでした。ボットが未登録の可能性があります。"));
        Assert.True(Assert.Single(host.Get<OutboxStore>().All()).Reported);
    }

    [Fact]
    public async Task ABadRetrySetting_StopsTheHostWithAClearMessage()
    {
        var error = await BotHost.StartupErrorAsync(DataDirectory, new Dictionary<string, string?> { ["Outbox:RetryDelays:0"] = "-00:01:00" });

        var validation = Assert.IsType<OptionsValidationException>(error);

        Assert.Equal(typeof(OutboxOptions), validation.OptionsType);
        Assert.Contains(validation.Failures, f => f.Contains("Outbox:RetryDelays must be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHostedLoop_RetriesOnItsOwn()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.FileTakeout(Applicant);
        await host.Say(Manager, "ヘルプ");

        host.FakeTime.Advance(TimeSpan.FromMinutes(1));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (host.CardsPostedTo(PersonalConversationId(Manager)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
    }
}
