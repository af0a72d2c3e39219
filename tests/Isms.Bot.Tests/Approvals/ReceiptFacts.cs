using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Forms;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// One voice per event, for a request: after 送信 the applicant gets one message (the receipt) that says who has it,
/// what happens next and, once, whom it has not reached and their 内線; the receipt is then kept up to date in place, so
/// 次の対応 after a decision is what is next now. Through the real pipeline, answered the way Teams answers (each reply a
/// message of its own on the connector).
/// </summary>
public sealed class ReceiptFacts : TempDataDirectory
{
    [Fact]
    public async Task TheApplicant_GetsOneMessage_SayingWhoHasIt_AndItFollowsTheDecision()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");

        var (receiptId, receipt) = await SubmitTakeoutThroughConnector(host, ApprovalHost.Applicant);

        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん", Facts(receipt)["届いた相手"]);
        Assert.Equal("承認待ち", Facts(receipt)["状態"]);
        Assert.Contains("警防課の情報セキュリティ管理者の佐藤 花子さんが内容を確認し、承認するかどうかを判断します", AllText(receipt));
        Assert.DoesNotContain("まだ届いていません", AllText(receipt));
        AdaptiveCardValidator.AssertValid(receipt);

        var decisionCard = host.CardsPostedTo(PersonalConversationId(Manager)).Last().Card;
        await host.Invoke(Manager, decisionCard, "承認");

        var updated = UpdatedCard(host.Connector.Updated.Last(u => u.ActivityId == receiptId).Activity);
        var afterApproval = FormCatalog.Standard.Get(FormKind.TakeoutRequest).AfterApproval!;
        Assert.Equal("承認済み", Facts(updated)["状態"]);
        Assert.Contains(afterApproval, AllText(updated));
        Assert.DoesNotContain("承認するかどうかを判断します", AllText(updated));
        AdaptiveCardValidator.AssertValid(updated);

        // 申請状況 says the same.
        await host.Say(ApprovalHost.Applicant, "申請状況");
        var status = ReplyCards(host.LastReplies).Single();
        Assert.Equal(("承認済み", afterApproval), (Facts(status)["状態"], Facts(status)["次の対応"]));
    }

    [Fact]
    public async Task AnApproverTheBotCannotReach_IsNamedOnce_WithTheirExtension_AndNobodyIsSaidToHaveIt()
    {
        await using var host = await StartAsync(DataDirectory);

        var (_, receipt) = await SubmitTakeoutThroughConnector(host, ApprovalHost.Applicant);

        Assert.DoesNotContain("届いた相手", Facts(receipt).Keys);
        Assert.Single(CardTexts(receipt).Concat(Facts(receipt).Values), t => t.Contains("まだ届いていません", StringComparison.Ordinal));
        var warning = Assert.Single(CardTexts(receipt), t => t.Contains("まだ届いていません。", StringComparison.Ordinal));
        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん（内線 2102）にはまだ届いていません。ボットが時間をおいて再送します。お急ぎの場合は、直接お伝えください。", warning);
    }

    [Fact]
    public async Task TheManagersOwnRequest_GoesToTheOfficer_AndTheReceiptNamesTheOfficer()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Officer, "ヘルプ");

        var (_, receipt) = await SubmitTakeoutThroughConnector(host, Manager);

        Assert.Equal("警防課の情報セキュリティ責任者の鈴木 一郎さん", Facts(receipt)["届いた相手"]);
        var text = AllText(receipt);
        Assert.Contains("警防課の情報セキュリティ責任者の鈴木 一郎さんが内容を確認し", text);
        Assert.Contains("兼務の禁止（1(8)①）", text);
        Assert.DoesNotContain("情報セキュリティ管理者が確認し", text);
    }

    /// <summary>Files 山田's 持ち出し申請 with the last press answered the way Teams answers; returns the receipt and its activity id.</summary>
    private static async Task<(string ActivityId, JsonObject Card)> SubmitTakeoutThroughConnector(BotHost host, TeamsUser applicant)
    {
        var replies = await host.Say(applicant, "持ち出し申請");
        var today = Isms.Workflows.JapanTime.Today(host.Time);
        var confirmation = await FillIn(ReplyCards(replies).Last(),
        [
            ("itemKind", "usb"), ("assetNumber", "USB-012"), ("confidentiality", "1"), ("purpose", "県の会議で説明に使うため"),
            ("destination", "群馬県庁"), ("startDate", FieldValues.FormatDate(today.AddDays(1))), ("endDate", FieldValues.FormatDate(today.AddDays(2))),
            ("processOutside", "no"), ("otherMeasures", "パスワード付きで保存しました"),
        ], async value => ReplyCards(await host.Post(CardSubmit(applicant, value))).Last());
        var submit = CardSubmit(applicant, SubmitValue(confirmation, "送信"));
        submit.Remove("deliveryMode");
        var before = host.Connector.Posted.Count;
        await host.Post(submit);

        var answered = host.Connector.Posted.Skip(before).Where(p => p.ConversationId == PersonalConversationId(applicant)).ToList();
        var (_, activityId, activity, _) = Assert.Single(answered);
        return (activityId, UpdatedCard(activity));
    }
}
