using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// Finding 5: a request's contents (applicant, 所属, answers, state) go only to those who may see it — the applicant,
/// the approvers and their deputies, the auditors — however the card reached someone (isms.refresh with a record id,
/// a replayed or forwarded decision card); クラウド台帳 only to people in the directory.
/// </summary>
public sealed class ReadAuthorizationFacts : TempDataDirectory
{
    /// <summary>警防課の情報システム担当者 and CSIRT: in the directory, neither approver nor auditor of a 持ち出し.</summary>
    private static readonly TeamsUser Colleague = new("29:kato-dir", "加藤 直樹", "00000000-0000-4000-8000-000000000007");

    /// <summary>統括情報セキュリティ責任者: audits the whole union (9.2(1)①).</summary>
    private static readonly TeamsUser Auditor = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    [Fact]
    public async Task Finding5_ARefreshByAStrangerOrAColleague_ShowsNothingOfTheRequest_TheApplicantApproverAndAuditorSeeIt()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var data = new JsonObject { ["recordId"] = host.Record(number).Id };

        foreach (var outsider in new[] { Stranger, Colleague })
        {
            var (status, body) = await host.InvokeAction(outsider, DecisionText.RefreshVerb, data.DeepClone().AsObject(), trigger: "automatic");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
            Assert.Equal(ApprovalService.NotVisible, (string?)body["value"]);
            AssertShowsNothingOf(body, number);
        }

        foreach (var insider in new[] { Applicant, Manager, Auditor })
        {
            var (_, body) = await host.InvokeAction(insider, DecisionText.RefreshVerb, data.DeepClone().AsObject(), trigger: "automatic");
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
            Assert.Contains("群馬県庁", Json(body));
        }
    }

    [Fact]
    public async Task Finding5_AReplayedDecisionCard_InTheHandsOfAColleague_SaysNeitherTheStateNorWhoDecided()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        await host.Invoke(Manager, card, "承認");

        foreach (var outsider in new[] { Stranger, Colleague })
        {
            var (status, body) = await host.Invoke(outsider, card, "却下", "却下します");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
            Assert.Equal(ApprovalService.NotVisible, (string?)body["value"]);
            AssertShowsNothingOf(body, number);
        }

        // The approver who replays it is still told who decided when.
        var (_, replay) = await host.Invoke(Manager, card, "却下", "やはり却下");
        Assert.Contains($"{number}は佐藤 花子さんが", Json(replay));
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
    }

    [Fact]
    public async Task Finding5_TheCloudRegister_IsNotShownToSomeoneOutsideTheDirectory()
    {
        await using var host = await StartAsync(DataDirectory);
        var stranger = new FormConversation(host.Client, TestStaffDirectory.NewStranger("部外 者"));

        await stranger.Say("クラウド台帳");

        Assert.DoesNotContain(stranger.Replies, r => r is JsonObject { } reply && reply["attachments"] is JsonArray { Count: > 0 });
        Assert.Contains(stranger.Texts, t => t.Contains("組織名簿にあなたの登録が見つかりません", StringComparison.Ordinal));
    }

    private static void AssertShowsNothingOf(JsonObject body, string number)
    {
        var json = Json(body);
        foreach (var secret in new[] { number, "山田", "警防課", "群馬県庁", "USB-012", "佐藤", "承認済み" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }
}
