using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Approvals.ApprovalFlowFacts;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>After 送信, the form's confirmation card (named by the submit's replyToId, as Teams sends it) is replaced in
/// place by a read-only 送信済み card; without a replyToId, or when Teams refuses the update, the receipt still comes.</summary>
public sealed class SubmittedFormFacts : TempDataDirectory
{
    private const string ConfirmationId = "1732580000000";

    [Fact]
    public async Task TheConfirmationCard_BecomesReadOnly_WithTheNumber()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;

        var (number, replies) = await SendTakeout(host.Client, connector, ConfirmationId);

        var (conversation, activityId, activity) = Assert.Single(connector.Updated);
        Assert.Equal((PersonalConversationId(Applicant), ConfirmationId), (conversation, activityId));
        var card = AttachedCard(activity);
        AdaptiveCardValidator.AssertValid(card);
        Assert.Contains($"送信済み（{number}）", CardTexts(card));
        Assert.Null(card["actions"]);
        Assert.DoesNotContain(Descendants(card), n => ((string?)n["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);
        Assert.Contains(ReplyCards(replies), c => FormConversation.Facts(c).GetValueOrDefault("受付番号") == number);
    }

    [Theory]
    [InlineData(null, 200)]
    [InlineData(ConfirmationId, 403)]
    public async Task WithoutAReplyToId_OrWhenTeamsRefuses_TheReceiptStillComes_AndNothingIsSaid(string? replyToId, int connectorStatus)
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        connector.StatusCode = connectorStatus;

        var (number, replies) = await SendTakeout(host.Client, connector, replyToId);

        Assert.Matches(@"^持出-\d{4}-\d{4}$", number);
        Assert.DoesNotContain(Texts(replies), t => t.Contains("エラー", StringComparison.Ordinal) || t.Contains("申し訳", StringComparison.Ordinal));
        if (replyToId is null)
        {
            Assert.Empty(connector.Updated);
        }
    }

    private static async Task<(string Number, JsonArray Replies)> SendTakeout(HttpClient client, FakeConnector connector, string? replyToId)
    {
        var person = new FormConversation(client, Applicant);
        await person.Say("持ち出し申請");
        await person.FillIn(
            ("itemKind", "usb"), ("assetNumber", "USB-012"), ("confidentiality", "1"), ("purpose", "県の会議で説明に使うため"),
            ("destination", "群馬県庁"), ("startDate", BotHost.Date(1)), ("endDate", BotHost.Date(2)), ("processOutside", "no"),
            ("otherMeasures", "パスワード付きで保存しました"));
        var submit = CardSubmit(Applicant, FormConversation.SubmitValue(person.Card, "送信"));
        submit["serviceUrl"] = connector.ServiceUrl;
        if (replyToId is not null)
        {
            submit["replyToId"] = replyToId;
        }

        var (status, replies) = await PostAsync(client, submit);
        Assert.Equal(HttpStatusCode.OK, status);
        var receipt = ReplyCards(replies).Select(FormConversation.Facts).First(f => f.ContainsKey("受付番号"));
        return (receipt["受付番号"], replies);
    }
}
