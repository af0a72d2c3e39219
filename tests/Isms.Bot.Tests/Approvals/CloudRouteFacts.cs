using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Approvals.ApprovalFlowFacts;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// A クラウド利用申請 for 機密性2以上 through /api/messages: the 情報セキュリティ責任者 selects and applies to the 利用申請の
/// 許可権限者 (8.3(5)①), who decides (②); the approved service enters the クラウド台帳 with the クラウドサービス管理者 the
/// request named (③).
/// </summary>
public sealed class CloudRouteFacts : TempDataDirectory
{
    /// <summary>警防課の情報セキュリティ責任者.</summary>
    private static readonly TeamsUser Suzuki = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");

    /// <summary>統括情報セキュリティ責任者: the 利用申請の許可権限者 as shipped.</summary>
    private static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    [Fact]
    public async Task Confidential_GoesToTheOfficerFirst_ThenToTheAuthority_AndTheRegisterNamesTheServiceManager()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var connector = host.Connector;
        await host.Say(Suzuki, "ヘルプ");
        await host.Say(Takahashi, "ヘルプ");
        var applicant = new FormConversation(host.Client, Applicant);
        await applicant.Say("クラウド利用申請");
        await applicant.FillIn(("serviceName", "Box"), ("provider", "株式会社Box Japan"), ("purpose", "警防計画の共有"),
            ("dataDescription", "警防計画の図面"), ("confidentiality", "2"), ("users", "警防課の職員"), ("serviceManager", "警防課 加藤 直樹"), ("noSecondaryUse", "true"), ("dataLocation", "日本国内。解約時に消去証明を受ける"), ("jurisdiction", "true"),
            ("subcontracting", "true"), ("serviceLevel", "true"), ("auditAcceptance", "true"), ("exitPlan", "true"), ("certifications", "ISMAP"));
        await applicant.Press("送信");
        var number = Facts(applicant.Card)["受付番号"];
        Assert.Contains("鈴木 一郎さんが選定条件（8.3(3)）を確かめ、利用申請の許可権限者に申請するかどうかを判断します（根拠: 8.3(5)①）", AllText(applicant.Card));

        // The 責任者 is asked first, as the one who applies; the 許可権限者 has nothing yet.
        var toOfficer = connector.Received.Where(r => r.ConversationId == PersonalConversationId(Suzuki)).ToList();
        Assert.DoesNotContain(connector.Received, r => r.ConversationId == PersonalConversationId(Takahashi));
        var officerCard = AttachedCard(Assert.Single(toOfficer).Activity);
        AdaptiveCardValidator.AssertValid(officerCard);
        Assert.Contains("警防課の情報セキュリティ責任者として選定条件（8.3(3)）を確かめ、利用申請の許可権限者に申請するかどうかを判断します。根拠: 8.3(5)①", CardTexts(officerCard));

        await host.Invoke(Suzuki, officerCard, "承認");
        Assert.Equal(RequestStatus.PendingApproval, host.Record(number).Status);
        var authorityCard = AttachedCard(Assert.Single(connector.Received, r => r.ConversationId == PersonalConversationId(Takahashi)).Activity);
        Assert.Contains("統括情報セキュリティ責任者として判断してください。根拠: 8.3(5)②", CardTexts(authorityCard));

        await host.Invoke(Takahashi, authorityCard, "承認");
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        await applicant.Say("クラウド台帳");
        var facts = Facts(applicant.Card);
        Assert.Equal(("警防課 加藤 直樹", "8.3(5)③", "高橋 次郎さん"), (facts["クラウドサービス管理者"], facts["根拠"], facts["承認者"]));
    }
}
