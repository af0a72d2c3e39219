using Isms.Bot.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>承認待ち: what waits for the sender's decision, each decision card shown again (and kept in step like every copy).</summary>
public sealed class WaitingApprovalsFacts : TempDataDirectory
{
    [Fact]
    public async Task AnApproverWhoMissedTheCard_GetsItAgain_AndItIsUpdatedAfterTheDecision()
    {
        await using var host = await StartAsync(DataDirectory);
        var number = await host.FileTakeout(Applicant);
        Assert.Single(host.Get<OutboxStore>().All());

        await host.SayThroughConnector(Manager, "承認待ち");

        Assert.Contains(host.TextsPostedTo(PersonalConversationId(Manager)), t => t.Contains("1件") && t.Contains(number) && t.Contains("山田 太郎さん"));
        var (copy, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        AdaptiveCardValidator.AssertValid(card);
        Assert.Empty(host.Get<OutboxStore>().All());

        await host.Invoke(Manager, card, "承認", replyToId: copy);

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        var update = Assert.Single(host.Connector.Updated);
        Assert.Equal((PersonalConversationId(Manager), copy), (update.ConversationId, update.ActivityId));
        await host.SayThroughConnector(Manager, "承認待ち");
        Assert.Contains(host.TextsPostedTo(PersonalConversationId(Manager)), t => t == "あなたの判断を待っている申請はありません。");
    }

    [Fact]
    public async Task ShowingTheCardAgain_KeepsOneCopyPerConversation_AndTheOlderMessageBecomesTheStatus()
    {
        await using var host = await StartAsync(DataDirectory);
        var number = await host.FileTakeout(Applicant);
        await host.SayThroughConnector(Manager, "承認待ち");
        var (first, _) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));

        await host.SayThroughConnector(Manager, "承認待ち");

        var (second, card) = host.CardsPostedTo(PersonalConversationId(Manager)).Last();
        Assert.NotEqual(first, second);
        var copies = host.Get<ApprovalCardCopies>().ForRecord(host.Record(number).Id);
        Assert.Equal([second], copies.Select(c => c.ActivityId));
        var replaced = Assert.Single(host.Connector.Updated);
        Assert.Equal((PersonalConversationId(Manager), first), (replaced.ConversationId, replaced.ActivityId));
        AdaptiveCardValidator.AssertValid(replaced.Activity["attachments"]![0]!["content"]!);

        await host.Invoke(Manager, card, "承認", replyToId: second);

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        Assert.Equal([first, second], host.Connector.Updated.Select(u => u.ActivityId));
    }

    [Fact]
    public async Task AnActiveDeputy_SeesWhatWaitsForTheManager_OthersSeeNothing_AndAStrangerIsGuided()
    {
        await using var host = await StartAsync(DataDirectory, deputyActive: true);
        var number = await host.FileTakeout(Applicant);

        var deputy = await host.Say(Deputy, "承認待ち");
        var applicant = await host.Say(Applicant, "承認待ち");
        var colleague = await host.Say(Officer, "承認待ち");
        var stranger = await host.Say(Stranger, "承認待ち");

        Assert.Contains(Texts(deputy), t => t.Contains(number));
        Assert.Single(ReplyCards(deputy), c => Json(c).Contains(number));
        Assert.Contains("あなたの判断を待っている申請はありません。", Texts(applicant));
        Assert.Contains("あなたの判断を待っている申請はありません。", Texts(colleague));
        Assert.Contains(Texts(stranger), t => t.Contains("組織名簿にあなたの登録が見つかりません"));
        Assert.Empty(ReplyCards(stranger));
    }
}
