using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>What a Japanese reader sees on the approval cards and in the notices: natural wording, the facts the
/// approver decided on, and each clause cited where it belongs.</summary>
public sealed class DecisionCardWordingFacts
{
    private static readonly string[] SevenClauses = ["5.1(1)③(イ)", "1(8)①", "3.1(2)", "3.2(1)", "4.1(3)", "6.1(15)④", "6.2(1)"];

    [Fact]
    public void ApproverCard_NamesTheStep_AsASentenceSaysIt()
    {
        using var h = new ApprovalHarness();
        var view = h.Service.Assign(h.Submit(), "act-1").View;

        var text = AllText(DecisionCard.ForApprovers(view));

        Assert.Contains("警防課の情報セキュリティ管理者として判断してください。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("管理者 として", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Decision.Approve, null)]
    [InlineData(Decision.Return, "持ち出し先の住所を記入してください")]
    [InlineData(Decision.Reject, "機密性3の情報は持ち出せません")]
    public void DecidedStatusCard_KeepsTheRequestContent_AndCitesTheStepClauseInItsFacts(Decision decision, string? comment)
    {
        using var h = new ApprovalHarness();
        var record = h.Submit();
        h.Service.Assign(record, "act-1");
        var view = h.Decide(record, Sato, decision, comment).View! with { Clauses = SevenClauses };

        var card = DecisionCard.Status(view);

        var text = AllText(card);
        Assert.Contains("申請内容", text, StringComparison.Ordinal);
        Assert.Contains("群馬県庁 会議室", text, StringComparison.Ordinal);
        Assert.Contains("訓練計画書（USBメモリ）", text, StringComparison.Ordinal);
        Assert.Equal("5.1(1)③(イ)", Fact(card, "根拠"));
        foreach (var clause in SevenClauses.Skip(1))
        {
            Assert.Equal(1, Count(text, clause));
        }
    }

    [Fact]
    public void WithdrawnStatusCard_LeavesTheClausesToTheCitationLine()
    {
        using var h = new ApprovalHarness();
        var record = h.Submit();
        h.Service.Assign(record, "act-1");
        var view = h.Service.Withdraw(record.Id, Yamada, null).View! with { Clauses = SevenClauses };

        var card = DecisionCard.Status(view);

        Assert.Null(Fact(card, "根拠"));
        Assert.All(SevenClauses, clause => Assert.Equal(1, Count(AllText(card), clause)));
    }

    [Theory]
    [InlineData(Decision.Approve, NotificationTitles.Approved)]
    [InlineData(Decision.Return, NotificationTitles.Returned)]
    [InlineData(Decision.Reject, NotificationTitles.Rejected)]
    public void ApplicantNotice_IsTitledByWhatHappened(Decision decision, string title)
    {
        using var h = new ApprovalHarness();
        var record = h.Submit();
        var assigned = h.Service.Assign(record, "act-1");

        var notice = Assert.Single(h.Decide(record, Sato, decision, "理由").Notifications);

        Assert.All(assigned.Notifications, n => Assert.Equal("承認のお願い", n.Title));
        Assert.Equal(title, notice.Title);
        Assert.Contains("\n\n", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\n]\n[^\n]", notice.Text);
    }

    [Fact]
    public void AcknowledgementAndWithdrawalNotices_HaveTheirOwnTitles()
    {
        using var h = new ApprovalHarness();
        var report = h.Submit(FormKind.MisdeliveryReport);
        var assigned = h.Service.Assign(report, "act-1");
        var acknowledged = h.Decide(report, Sato, Decision.Acknowledge);
        var takeout = h.Submit();
        h.Service.Assign(takeout, "act-2");
        var withdrawn = h.Service.Withdraw(takeout.Id, Yamada, null);

        Assert.All(assigned.Notifications, n => Assert.Equal("確認のお願い", n.Title));
        Assert.Equal("報告が確認されました", Assert.Single(acknowledged.Notifications).Title);
        Assert.NotEmpty(withdrawn.Notifications);
        Assert.All(withdrawn.Notifications, n => Assert.Equal("申請が取り下げられました", n.Title));
    }

    // 5.3(1)①: the reporter learns that the report became an incident, at 確認 or after it, not just that it was confirmed.
    [Fact]
    public void AReportTurnedIntoAnIncident_TellsTheReporterSo()
    {
        using var h = new ApprovalHarness();
        var atConfirmation = h.Submit(FormKind.MisdeliveryReport);
        h.Service.Assign(atConfirmation, "act-1");
        var turned = h.Decide(atConfirmation, Sato, Decision.ReportIncident);
        var later = h.Submit(FormKind.MisdeliveryReport);
        h.Service.Assign(later, "act-2");
        h.Decide(later, Sato, Decision.Acknowledge);
        var turnedLater = h.Decide(later, Sato, Decision.ReportIncident);

        Assert.Equal("報告がインシデントとして扱われました", Assert.Single(turned.Notifications).Title);
        Assert.Equal("報告がインシデントとして扱われました", Assert.Single(turnedLater.Notifications).Title);
    }

    private static string? Fact(JsonObject card, string title) =>
        card["body"]!.AsArray().Where(e => (string?)e!["type"] == "FactSet")
            .SelectMany(f => f!["facts"]!.AsArray())
            .Where(f => (string?)f!["title"] == title)
            .Select(f => (string?)f!["value"]).FirstOrDefault();

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
