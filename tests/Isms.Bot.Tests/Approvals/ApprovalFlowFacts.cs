using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// A 持ち出し申請 by 山田 (警防課, in the sample directory) goes to 佐藤 (警防課の情報セキュリティ管理者) as a decision
/// card in her personal chat; her 承認 on the card (adaptiveCard/action) decides it once and tells 山田.
/// </summary>
public sealed class ApprovalFlowFacts : TempDataDirectory
{
    internal static readonly TeamsUser Applicant = new("29:yamada-dir", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    internal static readonly TeamsUser Approver = new("29:sato-dir", "佐藤 花子", "00000000-0000-4000-8000-000000000002");

    [Fact]
    public async Task TheApproverGetsTheCard_DecidesOnce_AndTheApplicantIsTold()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");

        var number = await FileTakeout(client);
        await host.Say(Applicant, "ヘルプ");

        var (conversation, sent) = Assert.Single(connector.Received);
        Assert.Equal(PersonalConversationId(Approver), conversation);
        Assert.Equal("承認のお願い", (string?)sent["summary"]);
        var card = AttachedCard(sent);
        Assert.Contains(number, Json(card));
        Assert.Equal(Approver.Id, (string?)card["refresh"]!["userIds"]![0]);

        var (refusedStatus, refused) = await host.Invoke(Applicant, card, "承認");
        Assert.Equal(HttpStatusCode.OK, refusedStatus);
        Assert.Contains("1(8)①", Json(refused));

        var (status, response) = await host.Invoke(Approver, card, "承認");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, (int?)response["statusCode"]);
        Assert.Contains("承認", Json(response["value"]!.AsObject()));

        var record = host.Services.GetRequiredService<IRequestStore>().FindByNumber(number)!;
        Assert.Equal(RequestStatus.Approved, record.Status);
        var notice = Assert.Single(connector.Received, r => r.ConversationId == PersonalConversationId(Applicant)).Activity;
        Assert.StartsWith($"申請が承認されました\n\n持ち出し申請（{number}）が佐藤 花子さんにより承認されました。", (string?)notice["text"]);
        Assert.Equal("申請が承認されました", (string?)notice["summary"]);

        var (_, replay) = await host.Invoke(Approver, card, "却下", "理由");
        Assert.Equal(RequestStatus.Approved, host.Services.GetRequiredService<IRequestStore>().FindByNumber(number)!.Status);
        Assert.Contains($"{number}は佐藤 花子さんが", Json(replay));
        Assert.Contains("承認済みです", Json(replay));
    }

    [Fact]
    public async Task AReturnWithoutAReason_KeepsTheButtons_AndAsksForTheReasonUnderTheComment()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        var number = await FileTakeout(client);
        await host.Say(Applicant, "ヘルプ");
        var card = AttachedCard(Assert.Single(connector.Received).Activity);
        var records = host.Services.GetRequiredService<IRequestStore>();

        var (status, response) = await host.Invoke(Approver, card, "差戻し");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), ((int?)response["statusCode"], (string?)response["type"]));
        var shown = response["value"]!.AsObject();
        AdaptiveCardValidator.AssertValid(shown);
        Assert.Equal(["承認", "差戻し", "却下"], shown["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        var body = shown["body"]!.AsArray();
        var comment = body.IndexOf(body.Single(e => (string?)e!["id"] == "comment"));
        var underComment = body[comment + 1]!;
        Assert.Equal(("差戻しの理由をコメントに入力してください。", "Attention"), ((string?)underComment["text"], (string?)underComment["color"]));
        Assert.Equal(RequestStatus.PendingApproval, records.FindByNumber(number)!.Status);
        Assert.Single(connector.Received);

        // The card it kept is still good for the decision, now with a reason.
        var (_, decided) = await host.Invoke(Approver, shown, "差戻し", "持ち出し先の住所を記入してください");
        Assert.Contains("差戻し（佐藤 花子さん", Json(decided));
        Assert.Equal(RequestStatus.Returned, records.FindByNumber(number)!.Status);
        // The applicant gets the 修正して再申請 card, which carries the comment.
        Assert.Contains(connector.Received, r => r.ConversationId == PersonalConversationId(Applicant)
            && Json(r.Activity).Contains("持ち出し先の住所を記入してください", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStaleCard_GivesTheApproverTheCurrentButtons_UnderTheMessage_AndOthersOnlyTheStatus()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var (client, connector) = (host.Client, host.Connector);
        await host.Say(Approver, "ヘルプ");
        var number = await FileTakeout(client);
        await host.Say(Applicant, "ヘルプ");
        var stale = AttachedCard(Assert.Single(connector.Received).Activity);
        foreach (var action in Descendants(stale).Where(n => (string?)n["type"] == "Action.Execute" && n["data"]?["version"] is not null))
        {
            action["data"]!["version"] = "0123456789abcdef01234567";
        }

        var (status, response) = await host.Invoke(Approver, stale, "承認");

        Assert.Equal(HttpStatusCode.OK, status);
        var shown = response["value"]!.AsObject();
        AdaptiveCardValidator.AssertValid(shown);
        var first = shown["body"]![0]!;
        Assert.Equal(("このカードは古くなっていたため、操作を受け付けませんでした。最新の内容を表示しましたので、確認のうえ改めて判断してください。", "Attention"), ((string?)first["text"], (string?)first["color"]));
        Assert.Equal(["承認", "差戻し", "却下"], shown["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        var records = host.Services.GetRequiredService<IRequestStore>();
        Assert.Equal(RequestStatus.PendingApproval, records.FindByNumber(number)!.Status);

        var (_, other) = await host.Invoke(Applicant, stale, "承認");
        Assert.Null(other["value"]!["actions"]);

        var (_, decided) = await host.Invoke(Approver, shown, "承認");
        Assert.Contains("承認済み（佐藤 花子さん", Json(decided));
        Assert.Equal(RequestStatus.Approved, records.FindByNumber(number)!.Status);
    }

    internal static async Task<string> FileTakeout(HttpClient client)
    {
        var person = new FormConversation(client, Applicant);
        await person.Say("持ち出し申請");
        Assert.DoesNotContain("applicantDepartment", FormConversation.FieldIds(person.Card));
        await person.FillIn(
            ("itemKind", "usb"), ("assetNumber", "USB-012"), ("confidentiality", "1"), ("purpose", "県の会議で説明に使うため"),
            ("destination", "群馬県庁"), ("startDate", BotHost.Date(1)), ("endDate", BotHost.Date(2)), ("processOutside", "no"),
            ("otherMeasures", "パスワード付きで保存しました"));
        await person.Press("送信");
        return FormConversation.Facts(person.Card)["受付番号"];
    }

    internal static string Json(JsonObject node) => node.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    internal static JsonObject AttachedCard(JsonObject activity) =>
        activity["attachments"]!.AsArray().OfType<JsonObject>().Single()["content"]!.AsObject();
}
