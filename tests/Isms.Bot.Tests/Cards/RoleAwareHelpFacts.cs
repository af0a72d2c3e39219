using System.Text.Json.Nodes;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Cards;

/// <summary>
/// 「ヘルプ」 shows each person the commands they may use, as the command table says (the sample directory's people):
/// staff the forms and their records, a 管理者 also 承認待ち and 研修記録取込, the 統括 and the 情報システム管理者 the
/// audit log, CSIRT what they see in インシデント状況; someone not in the directory whom to ask; a channel where to go.
/// </summary>
public sealed class RoleAwareHelpFacts(BotHost host) : IClassFixture<BotHost>
{
    // Five forms as buttons, the rarer ones under その他 (two rows at most).
    private static readonly string[] Forms = ["誤送信報告", "持ち出し申請", "Web会議申請", "クラウド利用申請", "インシデント報告",
        "その他", "障害報告", "ソフトウェア導入・設定変更申請", "支給以外の端末・媒体の利用申請", "外部への情報提供申請", "廃棄・リース返却申請", "例外措置申請"];
    // 例外措置申請 is shown only to those who may file it (7.4(1): 管理者 and 情報システム管理者).
    private static readonly string[] StaffForms = [.. Forms.Where(f => f != "例外措置申請")];
    private static readonly string[] Records = ["申請状況", "インシデント状況", "研修状況", "クラウド台帳", "返却"];

    private static TeamsUser Directory(string key, string name, int number) => new($"29:{key}-help", name, $"00000000-0000-4000-8000-{number:D12}");

    [Fact]
    public async Task Staff_SeeTheFormsAndTheirRecords_WithTheRegisterAndReturnExplained_AndNoRoleCommands()
    {
        var card = await Help(Directory("yamada", "山田 太郎", 1));

        Assert.Equal([.. StaffForms, .. Records], ButtonTitles(card));
        var texts = CardTexts(card);
        Assert.Contains(texts, t => t.StartsWith("クラウド台帳: ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("返却: ", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("監査ログ", StringComparison.Ordinal) || t.Contains("研修記録取込", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AManager_AlsoSeesWaitingApprovals_AndTrainingImport_ButNotTheAuditLog()
    {
        var card = await Help(Directory("sato", "佐藤 花子", 2));

        Assert.Equal([.. Forms, .. Records, "承認待ち"], ButtonTitles(card));
        Assert.Contains(CardTexts(card), t => t.StartsWith("あなたの役割で（情報セキュリティ管理者）", StringComparison.Ordinal));
        Assert.Contains(CardTexts(card), t => t.StartsWith("研修記録取込: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheChiefSecurityOfficer_SeesDrillsApprovalsTrainingImportAndTheAuditLog()
    {
        var card = await Help(Directory("takahashi", "高橋 次郎", 4));

        Assert.Equal([.. StaffForms, .. Records, "訓練記録", "承認待ち", "監査ログ検証", "監査ログ出力", "回答の改善"], ButtonTitles(card));
        Assert.Contains(CardTexts(card), t => t.StartsWith("研修記録取込: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASystemAdministrator_SeesTheAuditLog_ButNoTrainingImport()
    {
        // 鈴木: 情報セキュリティ責任者 (decides requests 1(8)① moves up) and 情報システム管理者 of the network.
        var card = await Help(Directory("suzuki", "鈴木 一郎", 3));

        Assert.Equal([.. Forms, .. Records, "承認待ち", "監査ログ検証", "監査ログ出力"], ButtonTitles(card));
        Assert.DoesNotContain(CardTexts(card), t => t.Contains("研修記録取込", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACsirtMember_IsToldTheySeeEveryIncidentReport_AndGetsNoApprovalCommands()
    {
        // 加藤: 情報システム担当者 and CSIRT; neither approves requests.
        var card = await Help(Directory("kato", "加藤 直樹", 7));

        Assert.Equal([.. StaffForms, .. Records], ButtonTitles(card));
        Assert.Contains(CardTexts(card), t => t.StartsWith("インシデント状況: CSIRT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneNotInTheDirectory_GetsNoCommands_AndIsToldWhomToAsk()
    {
        var card = await Help(TestStaffDirectory.NewStranger("部外 花子"));

        Assert.Empty(ButtonTitles(card));
        Assert.Contains(CardTexts(card), t => t.Contains("組織名簿にあなたの登録が見つかりません", StringComparison.Ordinal) && t.Contains("渡辺 美咲", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAChannel_TheCardSaysFormsAndRecordsAreInThePersonalChat()
    {
        var card = ReplyCards(await host.Post(ChannelMention(Directory("takahashi", "高橋 次郎", 4), "ヘルプ"))).Single();

        Assert.Empty(ButtonTitles(card));
        Assert.Contains(CardTexts(card), t => t.Contains("個人チャット", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHelpCards_DifferByRole_AndAreValidForTeams()
    {
        var cards = new List<JsonObject>();
        foreach (var user in new[] { Directory("yamada", "山田 太郎", 1), Directory("sato", "佐藤 花子", 2), Directory("takahashi", "高橋 次郎", 4) })
        {
            cards.Add(await Help(user));
        }

        Assert.Equal(3, cards.Select(c => string.Join("|", ButtonTitles(c))).Distinct().Count());
        Assert.All(AdaptiveCardValidator.ValidateMany(cards), r => Assert.True(r.Ok, string.Join("; ", r.Errors)));
    }

    private async Task<JsonObject> Help(TeamsUser user) => ReplyCards(await host.Post(PersonalMessage(user, "ヘルプ"))).Single();
}
