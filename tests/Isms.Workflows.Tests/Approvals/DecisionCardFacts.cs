using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

public sealed class DecisionCardFacts
{
    private static readonly Lazy<IReadOnlyList<(string Name, JsonObject Card, ApprovalView View)>> Gallery = new(Build);

    public static TheoryData<string> CardNames => new(Gallery.Value.Select(c => c.Name));

    /// <summary>Every approval card: the request for each kind of step, and the status before and after each outcome.</summary>
    private static IReadOnlyList<(string, JsonObject, ApprovalView)> Build()
    {
        using var h = new ApprovalHarness();
        var cards = new List<(string, JsonObject, ApprovalView)>();
        void Add(string name, ApprovalView view, bool approvers) => cards.Add((name, approvers ? DecisionCard.ForApprovers(view) : DecisionCard.Status(view), view));

        var takeout = h.Submit();
        var pending = h.Service.Assign(takeout, "act-1").View;
        Add("approval.takeout.approvers", pending, approvers: true);
        Add("approval.takeout.pending", pending, approvers: false);
        cards.Add(("approval.takeout.approvers.reason-missing", DecisionCard.ForApprovers(pending, "差戻しの理由をコメントに入力してください。"), pending));
        cards.Add(("approval.takeout.approvers.stale", DecisionCard.ForApprovers(pending, notice: "このカードは古くなっていたため、操作を受け付けませんでした。最新の内容を表示しましたので、確認のうえ改めて判断してください。"), pending));
        h.Time.Advance(TimeSpan.FromMinutes(25));
        Add("approval.takeout.approved", h.Decide(takeout, Ikeda, comment: "返却時に報告してください").View!, approvers: false);

        var returned = h.Submit();
        h.Service.Assign(returned, "act-2");
        Add("approval.takeout.returned", h.Decide(returned, Sato, Decision.Return, "持ち出し先の住所を記入してください").View!, approvers: false);

        var rejected = h.Submit();
        h.Service.Assign(rejected, "act-3");
        Add("approval.takeout.rejected", h.Decide(rejected, Sato, Decision.Reject, "機密性3の情報は持ち出せません").View!, approvers: false);

        var withdrawn = h.Submit();
        h.Service.Assign(withdrawn, "act-4");
        Add("approval.takeout.withdrawn", h.Service.Withdraw(withdrawn.Id, Yamada, null).View!, approvers: false);

        var misdelivery = h.Submit(FormKind.MisdeliveryReport);
        var report = h.Service.Assign(misdelivery, "act-5").View;
        Add("approval.misdelivery.approvers", report, approvers: true);
        Add("approval.misdelivery.acknowledged", h.Decide(misdelivery, Sato, Decision.Acknowledge).View!, approvers: false);
        return cards;
    }

    private static JsonObject Card(string name) => Gallery.Value.Single(c => c.Name == name).Card;

    [Fact]
    public void EveryCard_PassesTheAdaptiveCardsParser_ForSchema15()
    {
        Assert.True(File.Exists(AdaptiveCardValidator.ScriptPath));
        Assert.Equal(10, Gallery.Value.Count);

        Assert.Empty(AdaptiveCardValidator.Validate([.. Gallery.Value.Select(c => (c.Name, c.Card))]));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesItsSnapshot(string name) => Snapshot.Match(name, Card(name), "Approvals/Snapshots");

    [Fact]
    public void ApproverCard_HasTheButtons_TheComment_AndARefreshForTheDeciders()
    {
        var (_, card, view) = Gallery.Value.Single(c => c.Name == "approval.takeout.approvers");

        Assert.Equal("1.5", (string?)card["version"]);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["承認", "差戻し", "却下"], actions.Select(a => (string?)a!["title"]));
        Assert.Equal(["isms.approve", "isms.return", "isms.reject"], actions.Select(a => (string?)a!["verb"]));
        Assert.All(actions, a => Assert.Equal(("Action.Execute", view.RecordId, view.CardVersion),
            ((string?)a!["type"], (string?)a["data"]!["recordId"], (string?)a["data"]!["version"])));
        var comment = card["body"]!.AsArray().Single(e => (string?)e!["id"] == DecisionCard.CommentInputId)!;
        Assert.Equal(("Input.Text", true, 1000), ((string?)comment["type"], (bool?)comment["isMultiline"], (int?)comment["maxLength"]));
        Assert.Equal(("Action.Execute", "isms.refresh", view.RecordId),
            ((string?)card["refresh"]!["action"]!["type"], (string?)card["refresh"]!["action"]!["verb"], (string?)card["refresh"]!["action"]!["data"]!["recordId"]));
        Assert.Equal([SatoTeams, IkedaTeams], card["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u));
        var text = AllText(card);
        foreach (var fact in new[] { "持出-2026-0001", "山田 太郎", "警防課", "持ち出し申請", "群馬県庁 会議室", "機密性2", "5.1(1)③(イ)" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MisdeliveryCard_OffersAcknowledge_ReportAsIncident_AndReturn()
    {
        // 5.3(1)①: the 管理者 who confirms a 誤送信報告 can make it an incident report.
        Assert.Equal(["isms.acknowledge", "isms.reportIncident", "isms.return"], Card("approval.misdelivery.approvers")["actions"]!.AsArray().Select(a => (string?)a!["verb"]));
    }

    [Theory]
    [InlineData("approval.takeout.approved", "承認済み（池田 誠司さん、2026年8月12日 10:25）", "返却時に報告してください")]
    [InlineData("approval.takeout.returned", "差戻し（佐藤 花子さん、2026年8月12日 10:25）", "持ち出し先の住所を記入してください")]
    [InlineData("approval.takeout.rejected", "却下（佐藤 花子さん、2026年8月12日 10:25）", "機密性3の情報は持ち出せません")]
    public void FinalCards_ShowWhoDecidedWhenAndWhy_WithoutButtonsOrRefresh(string name, string status, string comment)
    {
        var card = Card(name);

        Assert.Null(card["actions"]);
        Assert.Empty(card["refresh"]!["userIds"]!.AsArray());
        var text = AllText(card);
        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Contains(comment, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfirmedMisdeliveryReport_ShowsWhoConfirmed_AndStillRefreshesForTheManager_WhoMayMakeItAnIncident()
    {
        // 5.3(1)①: until it has been made an incident report, the 管理者 gets 「インシデントとして報告」 through refresh.
        var card = Card("approval.misdelivery.acknowledged");

        Assert.Null(card["actions"]);
        Assert.NotEmpty(card["refresh"]!["userIds"]!.AsArray());
        Assert.Contains("確認済み（佐藤 花子さん、2026年8月12日 10:25）", AllText(card), StringComparison.Ordinal);
        Assert.Contains("判断の記録", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void PendingStatusCard_HasNoButtons_ButRefreshesForTheDeciders()
    {
        var card = Card("approval.takeout.pending");

        Assert.Null(card["actions"]);
        Assert.Equal([SatoTeams, IkedaTeams], card["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u));
        Assert.Contains("佐藤 花子）の判断を待っています", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void WithdrawnCard_SaysSo_AndRefreshesForNobody()
    {
        var card = Card("approval.takeout.withdrawn");

        Assert.Empty(card["refresh"]!["userIds"]!.AsArray());
        Assert.Contains("申請者が取り下げました", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void UserText_StaysInsideJsonStrings()
    {
        using var h = new ApprovalHarness();
        var record = h.Submit();
        h.Service.Assign(record, null);
        var injection = "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil\"";

        var card = DecisionCard.Status(h.Decide(record, Sato, Decision.Reject, injection).View!);

        Assert.Contains(injection, AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"Action.OpenUrl\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
        Assert.Null(card["actions"]);
    }
}
