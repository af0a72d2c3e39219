using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

public sealed class QuestionFacts : TempDataDirectory
{
    [Fact]
    public async Task AQuestion_IsAnsweredWithTheClauseCited_AndTheEdition()
    {
        using var host = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(host.Client, PersonalMessage(Yamada, "CISOって誰がなるんだっけ？"));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(ReplyCards(replies));
        var texts = CardTexts(card);
        Assert.Contains("【1(1)①】", texts);
        Assert.Contains(texts, t => t.Contains("消防長をCISOとする"));
        Assert.Contains(texts, t => t.Contains("令和8年4月1日 策定"));
        // 1(1)① is quoted whole, so there is no 全文を見る (the card offers it only where the clause is longer: AnswerCardFacts).
        Assert.DoesNotContain("全文を見る", ButtonTitles(card));
        Assert.Contains("役に立った", ButtonTitles(card));
    }

    [Fact]
    public async Task AQuestionThePolicyDoesNotCover_GetsAnHonestNo_WithoutCitations()
    {
        using var host = BotHost.Start(DataDirectory);
        var (_, replies) = await PostAsync(host.Client, PersonalMessage(Yamada, "複合機のトナーが切れたらどこに頼めばいい？"));

        var card = Assert.Single(ReplyCards(replies));
        var texts = CardTexts(card);
        Assert.Contains(texts, t => t.Contains("対策基準には該当する規定がありません"));
        Assert.DoesNotContain(texts, t => t.StartsWith("【", StringComparison.Ordinal));
        Assert.DoesNotContain("役に立った", ButtonTitles(card));
    }

    [Fact]
    public async Task ReadTheWholeClause_ShowsTheClauseWithItsItems()
    {
        using var host = BotHost.Start(DataDirectory);
        var submit = new JsonObject { ["isms"] = "clause", ["id"] = "8.4(1)" };
        var (_, replies) = await PostAsync(host.Client, CardSubmit(Yamada, submit));

        var texts = CardTexts(Assert.Single(ReplyCards(replies)));
        Assert.Contains("【8.4(1)】", texts);
        Assert.Contains("【8.4(1)(ア)】", texts);
    }

    [Theory]
    [InlineData("2.(2)⑧(イ)", "【2(2)⑧(イ)】")]
    [InlineData("条項 ５.１（１）③（イ）", "【5.1(1)③(イ)】")]
    public async Task ATypedClauseId_ShowsThatClause(string typed, string expected)
    {
        using var host = BotHost.Start(DataDirectory);
        var (_, replies) = await PostAsync(host.Client, PersonalMessage(Yamada, typed));

        Assert.Contains(expected, CardTexts(Assert.Single(ReplyCards(replies))));
    }

    [Fact]
    public async Task Feedback_IsStored_OnlyFromThePersonWhoGotTheAnswer()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;
        var (_, replies) = await PostAsync(client, PersonalMessage(Yamada, "パスワードは何文字以上にすればいい？"));
        var feedback = FeedbackData(Assert.Single(ReplyCards(replies)), "役に立たなかった");
        var answerId = (string)feedback["answer"]!;

        var (_, fromStranger) = await PostAsync(client, CardSubmit(Sato, feedback.DeepClone().AsObject()));
        var log = host.Services.GetRequiredService<AnswerLog>();
        Assert.Null(log.Find(answerId)!.Helpful);
        Assert.Contains(Texts(fromStranger), t => t.Contains("受け付けられませんでした"));

        var (_, fromOwner) = await PostAsync(client, CardSubmit(Yamada, feedback));
        Assert.Contains(Texts(fromOwner), t => t.Contains("ありがとうございます"));
        Assert.False(log.Find(answerId)!.Helpful);
    }

    [Fact]
    public async Task AFollowUpQuestion_KeepsTheSubjectOfThePreviousOne()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;
        await PostAsync(client, PersonalMessage(Yamada, "私物のスマホで仕事のメールを見てもいい？"));
        var (_, replies) = await PostAsync(client, PersonalMessage(Yamada, "それって誰に許可もらうの？"));

        var texts = CardTexts(Assert.Single(ReplyCards(replies)));
        // 支給以外の端末 (5.1(1)④: in principle not for work; CISO decides, the 管理者 permits), not the security-settings rule 5.1(1)⑥.
        Assert.StartsWith("【5.1(1)④", texts.First(t => t.StartsWith('【')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordsThatAskForAForm_StartTheFormWithWhatTheWordsSay()
    {
        using var host = BotHost.Start(DataDirectory);
        var (_, replies) = await PostAsync(host.Client, PersonalMessage(TestStaffDirectory.NewMember("山田 太郎"), "明日USBメモリで資料を持ち出したい"));

        var card = Assert.Single(ReplyCards(replies));
        Assert.Contains(CardTexts(card), t => t.Contains("持ち出し申請"));
        // What the words say is filled in and not asked again.
        Assert.Contains(CardTexts(card), t => t.StartsWith("入力済みの項目: 持ち出す物、持ち出す日", StringComparison.Ordinal));
        Assert.DoesNotContain(Inputs(card), i => (string?)i["label"] == "持ち出す物");
    }

    internal static List<string> CardTexts(JsonObject card) =>
        Descendants(card).Where(n => (string?)n["type"] == "TextBlock").Select(n => (string)n["text"]!).ToList();

    internal static List<string> ButtonTitles(JsonObject card) =>
        Descendants(card).Where(n => ((string?)n["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)
            .Select(n => (string)n["title"]!).ToList();

    internal static List<JsonObject> Inputs(JsonObject card) =>
        Descendants(card).Where(n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();

    private static JsonObject FeedbackData(JsonObject card, string title) =>
        Descendants(card).Single(n => (string?)n["title"] == title)["data"]!.AsObject().DeepClone().AsObject();
}
