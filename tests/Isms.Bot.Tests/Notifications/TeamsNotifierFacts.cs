using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Notifications;

public sealed class TeamsNotifierFacts : TempDataDirectory
{
    private static readonly Notification ApprovalRequest =
        new("承認のお願い", "持出-2026-0001 の承認をお願いします。", Clause: "5.1(1)③(イ)", SubjectId: "request-1");

    [Fact]
    public async Task APersonWhoTalkedToTheBot_IsReachedInTheirPersonalChat()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        await host.Say(Yamada, "ヘルプ");

        var result = await host.Services.GetRequiredService<INotifier>()
            .NotifyAsync(Recipient.ById(Yamada.AadObjectId), ApprovalRequest, CancellationToken.None);

        Assert.Equal(NotifyResult.Sent, result);
        var (conversationId, activity) = Assert.Single(connector.Received);
        Assert.Equal(PersonalConversationId(Yamada), conversationId);
        var text = (string?)activity["text"];
        Assert.Contains("承認のお願い", text);
        Assert.Contains("5.1(1)③(イ)", text);
    }

    [Fact]
    public async Task ATextNotice_StartsWithItsPlainTitle_AndSeparatesParagraphsWithABlankLine()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        await host.Say(Yamada, "ヘルプ");
        var returned = new Notification("申請が差し戻されました",
            "持ち出し申請（持出-2026-0001）が佐藤 花子さんにより差し戻されました。\nコメント: 持ち出し先を記入してください", Clause: "5.1(1)③(イ)");

        await host.Services.GetRequiredService<INotifier>().NotifyAsync(Recipient.ById(Yamada.AadObjectId), returned, CancellationToken.None);

        var (_, activity) = Assert.Single(connector.Received);
        Assert.Equal("申請が差し戻されました\n\n持ち出し申請（持出-2026-0001）が佐藤 花子さんにより差し戻されました。\n\nコメント: 持ち出し先を記入してください"
            + "\n\n（根拠: 5.1(1)③(イ)）", (string?)activity["text"]);
        Assert.Equal("申請が差し戻されました", (string?)activity["summary"]);
    }

    [Fact]
    public async Task APersonIsAlsoFoundByTheirTeamsUserId()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        await host.Say(Sato, "ヘルプ");

        var result = await host.Services.GetRequiredService<INotifier>()
            .NotifyAsync(Recipient.ById(Sato.Id), ApprovalRequest, CancellationToken.None);

        Assert.Equal(NotifyResult.Sent, result);
        Assert.Single(connector.Received);
    }

    [Fact]
    public async Task SomeoneWhoNeverTalkedToTheBot_IsUnreachable()
    {
        using var host = BotHost.Start(DataDirectory);

        var result = await host.Services.GetRequiredService<INotifier>()
            .NotifyAsync(Recipient.ById("aad-nobody"), ApprovalRequest, CancellationToken.None);

        Assert.Equal(NotifyResult.Unreachable, result);
    }

    [Fact]
    public async Task TeamsRefusing_IsAFailure_TheCallerCanRetryAndReport()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        await host.Say(Yamada, "ヘルプ");
        connector.StatusCode = 403;

        var result = await host.Services.GetRequiredService<INotifier>()
            .NotifyAsync(Recipient.ById(Yamada.AadObjectId), ApprovalRequest, CancellationToken.None);

        Assert.Equal(NotifyResult.Failed, result);
        Assert.Contains(host.Logs, e => e.Level == LogLevel.Warning && e.Message.Contains("HTTP 403"));
        Assert.DoesNotContain(host.Logs, e => e.Message.Contains(Yamada.Name) || e.Message.Contains("承認をお願い"));
    }

    [Fact]
    public async Task AChannelTheBotHasSeen_GetsANewThread_AndAnUnseenOneIsUnreachable()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        var notifier = host.Services.GetRequiredService<Isms.Bot.Notifications.TeamsNotifier>();
        Assert.Equal(NotifyResult.Unreachable, await notifier.NotifyChannelAsync("19:general@thread.tacv2", ApprovalRequest, CancellationToken.None));

        var mention = ChannelMention(Yamada, "ヘルプ");
        mention["serviceUrl"] = connector.ServiceUrl;
        var (status, _) = await PostAsync(host.Client, mention);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var before = connector.Received.Count;

        var result = await notifier.NotifyChannelAsync("19:general@thread.tacv2", ApprovalRequest, CancellationToken.None);

        Assert.Equal(NotifyResult.Sent, result);
        var (conversationId, activity) = connector.Received.Skip(before).Single();
        Assert.Equal("19:general@thread.tacv2", conversationId);
        Assert.Contains("承認のお願い", (string?)activity["text"]);
        Assert.Equal(NotifyResult.Unreachable, await notifier.NotifyChannelAsync("19:other@thread.tacv2", ApprovalRequest, CancellationToken.None));
    }
}
