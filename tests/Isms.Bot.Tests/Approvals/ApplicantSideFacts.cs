using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Approvals.ApprovalFlowFacts;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// The applicant's side of approvals through the real host: strangers file nothing, a returned request is corrected
/// and resubmitted under its number, a pending one is withdrawn after a confirmation, and 申請状況 shows where each stands.
/// 山田 (警防課) applies; 佐藤 (警防課の情報セキュリティ管理者) decides on the card in her personal chat.
/// </summary>
public sealed class ApplicantSideFacts : TempDataDirectory
{
    [Fact]
    public async Task AStranger_CanAskButCannotFile_AndIsToldWhomToAsk()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;
        var stranger = new FormConversation(client, TestStaffDirectory.NewStranger("部外 花子"));
        var member = new FormConversation(client, TestStaffDirectory.NewMember("山田 太郎"));

        await stranger.Say("持ち出し申請");
        Assert.Empty(ReplyCards(stranger.Replies));
        var guidance = Assert.Single(stranger.Texts);
        Assert.Contains("組織名簿", guidance);
        Assert.Contains("渡辺 美咲", guidance); // the directory's administrator (E0102)

        await stranger.Say("USBメモリで資料を持ち出したい");
        Assert.DoesNotContain(ReplyCards(stranger.Replies), c => FieldIds(c).Count > 0);

        // A member's form card submitted by the stranger (a forwarded or forged card) creates nothing either.
        await member.Say("持ち出し申請");
        await stranger.Send(SubmitValue(member.Card, "次へ"));
        Assert.Contains("組織名簿", Assert.Single(stranger.Texts));
        var drafts = host.Services.GetRequiredService<FormDraftStore>();
        Assert.Empty(drafts.ListByOwner(stranger.User.Id));
        Assert.Empty(host.Services.GetRequiredService<IRequestStore>().ListByApplicant(stranger.User.Id, 10));

        await stranger.Say("パスワードは何桁以上？");
        Assert.Single(ReplyCards(stranger.Replies));
    }

    [Fact]
    public async Task AReturnedRequest_ReopensWithItsAnswersAndTheComment_AndIsResubmittedUnderItsNumber()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        var number = await FileTakeout(client);
        await host.Say(ApprovalFlowFacts.Applicant, "ヘルプ");
        var decisionCard = AttachedCard(Assert.Single(connector.Received).Activity);

        await host.Invoke(Approver, decisionCard, "差戻し", "資産番号が台帳と違います");

        var store = host.Services.GetRequiredService<IRequestStore>();
        var record = store.FindByNumber(number)!;
        Assert.Equal(RequestStatus.Returned, record.Status);
        var told = connector.Received.Single(r => r.ConversationId == PersonalConversationId(ApprovalFlowFacts.Applicant)).Activity;
        var returnedCard = AttachedCard(told);
        AdaptiveCardValidator.AssertValid(returnedCard);
        Assert.Contains("資産番号が台帳と違います", AllText(returnedCard));
        Assert.Equal(new JsonObject { ["isms"] = "reopen", ["record"] = record.Id }.ToJsonString(),
            Descendants(returnedCard).Single(n => (string?)n["title"] == "修正して再申請")["data"]!.ToJsonString());

        var someoneElse = new FormConversation(client, TestStaffDirectory.NewMember("池田 誠司"));
        await someoneElse.Send(SubmitValue(returnedCard, "修正して再申請"));
        Assert.Contains("見つかりませんでした", Assert.Single(someoneElse.Texts));

        var applicant = new FormConversation(client, ApprovalFlowFacts.Applicant);
        await applicant.Send(SubmitValue(returnedCard, "修正して再申請"));
        Assert.Contains("資産番号が台帳と違います", AllText(applicant.Card));
        Assert.Equal("USB-012", InputValue(applicant.Card, "assetNumber"));
        var draftId = (string?)Descendants(applicant.Card).First(n => (string?)n["title"] == "次へ")["data"]!["draft"];

        await applicant.Send(SubmitValue(returnedCard, "修正して再申請"));
        Assert.Contains("作成途中の修正の続きです。", AllText(applicant.Card));
        Assert.Equal(draftId, (string?)Descendants(applicant.Card).First(n => (string?)n["title"] == "次へ")["data"]!["draft"]);

        await applicant.Press("次へ", ("assetNumber", "USB-021"));
        await applicant.FillIn();
        await applicant.Press("送信");
        // One message answers the resubmission: the receipt, marked as such.
        var receipt = Assert.Single(ReplyCards(applicant.Replies));
        Assert.Contains("持ち出し申請を再申請しました", AllText(receipt));
        Assert.Equal(number, Facts(receipt)["受付番号"]);
        Assert.Empty(applicant.Texts);

        record = store.FindByNumber(number)!;
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
        Assert.Equal("USB-021", record.Answers["assetNumber"].Value);
        Assert.Single(store.ListByApplicant(ApprovalFlowFacts.Applicant.Id, 10));
        Assert.Contains(record.History, h => h.Action == "Resubmitted");
        Assert.Equal(2, connector.Received.Count(r => r.ConversationId == PersonalConversationId(Approver) && r.Activity["attachments"] is not null));

        await applicant.Send(SubmitValue(returnedCard, "修正して再申請"));
        Assert.Contains("修正して再申請することはできません", Assert.Single(applicant.Texts));
    }

    [Fact]
    public async Task APendingRequest_IsWithdrawnByItsApplicantAfterConfirming_AndTheApproverIsTold()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        var number = await FileTakeout(client);
        var store = host.Services.GetRequiredService<IRequestStore>();

        var other = new FormConversation(client, TestStaffDirectory.NewMember("池田 誠司"));
        await other.Say($"取り下げ {number}");
        Assert.Contains("申請者本人だけ", Assert.Single(other.Texts));
        await other.Say("取り下げ 持出-1999-0001");
        Assert.Contains("見つかりません", Assert.Single(other.Texts));

        var applicant = new FormConversation(client, ApprovalFlowFacts.Applicant);
        await applicant.Say("申請状況");
        AdaptiveCardValidator.AssertValid(applicant.Card);
        Assert.Contains("佐藤 花子さん", Facts(applicant.Card)["承認待ち"]);
        await applicant.Press("取り下げ");
        Assert.Contains("申請を取り下げますか", AllText(applicant.Card));
        AdaptiveCardValidator.AssertValid(applicant.Card);
        var confirmation = applicant.Card;
        await applicant.Press("やめる");
        Assert.Equal(RequestStatus.PendingApproval, store.FindByNumber(number)!.Status);

        await applicant.Say($"取り下げ　{number}");
        Assert.Contains(number, Facts(applicant.Card)["受付番号"]);
        await applicant.Press("取り下げる");
        Assert.StartsWith($"{number}を取り下げました。", Assert.Single(applicant.Texts));
        Assert.Equal(RequestStatus.Withdrawn, store.FindByNumber(number)!.Status);
        Assert.Contains(connector.Received, r => r.ConversationId == PersonalConversationId(Approver)
            && ((string?)r.Activity["text"])?.Contains($"（{number}）を取り下げました") == true);

        await applicant.Send(SubmitValue(confirmation, "取り下げる"));
        Assert.Contains("取り下げできません", Assert.Single(applicant.Texts));
        await applicant.Say($"取り下げ {number}");
        Assert.Contains("取り下げできません", Assert.Single(applicant.Texts));
        await applicant.Say("申請状況");
        Assert.Equal("取り下げ", Facts(applicant.Card)["状態"]);
        Assert.DoesNotContain("取り下げ", ButtonTitles(applicant.Card));
    }

    [Fact]
    public async Task MyRequests_ShowsWhoDecided_When_AndTheComment()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        await FileTakeout(client);
        var decisionCard = AttachedCard(Assert.Single(connector.Received).Activity);
        await host.Invoke(Approver, decisionCard, "承認", "返却日を守ってください");

        var applicant = new FormConversation(client, ApprovalFlowFacts.Applicant);
        await applicant.Say("申請状況");
        var facts = Facts(applicant.Card);
        Assert.Equal("承認済み", facts["状態"]);
        Assert.Contains("佐藤 花子さん", facts["承認"]);
        Assert.Contains($"{BotHost.Today.Year}年", facts["承認"]);
        Assert.Equal("返却日を守ってください", facts["コメント"]);
        Assert.False(facts.ContainsKey("承認待ち"));
        AdaptiveCardValidator.AssertValid(applicant.Card);
    }
}
