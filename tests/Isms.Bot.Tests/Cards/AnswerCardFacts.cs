using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Tests.Pipeline;
using Isms.Knowledge;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Cards;

/// <summary>
/// The answer card as staff get it through the pipeline (the sample directory: 山田 and 佐藤 of 警防課, 佐藤 its
/// 情報セキュリティ管理者): the conclusion first, who that is for this person, the deciding clause quoted once, the
/// exception, 全文を見る only where there is more, related clauses behind one toggle, and the form to start.
/// </summary>
public sealed class AnswerCardFacts(BotHost host) : IClassFixture<BotHost>
{
    private static readonly TeamsUser Yamada = new("29:yamada-answers", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    private static readonly TeamsUser Sato = new("29:sato-answers", "佐藤 花子", "00000000-0000-4000-8000-000000000002");

    private const string SatoForKeibou = "警防課の情報セキュリティ管理者は佐藤 花子さんです。";

    [Fact]
    public async Task AnAnswer_OpensWithTheConclusion_NamesWhoGivesPermission_AndQuotesTheDecidingClauseOnce()
    {
        var card = await Ask(Yamada, "USBで資料を持ち出してもいい？");

        var texts = CardTexts(card);
        Assert.StartsWith("情報セキュリティ管理者の許可があればできます。", texts[0], StringComparison.Ordinal);
        Assert.Equal(SatoForKeibou, texts[1]);
        Assert.Single(texts, t => t == "【5.1(1)③(イ)】");
        // The policy's own wording (…得なければならない) once; the conclusion says it in the polite form.
        Assert.Single(texts, t => t.Contains("許可を得なければならない", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("出典:", StringComparison.Ordinal) && t.Contains("令和8年4月1日 策定", StringComparison.Ordinal));
        // The clause is quoted whole: nothing more to read.
        Assert.DoesNotContain("全文を見る", ButtonTitles(card));
    }

    [Fact]
    public async Task AProhibitionWithAnException_LeadsWithTheProhibition_ThenTheException()
    {
        var card = await Ask(Yamada, "在宅勤務で個人のパソコンを使ってもいいですか");

        var texts = CardTexts(card);
        Assert.StartsWith("いいえ、", texts[0], StringComparison.Ordinal);
        Assert.Equal(SatoForKeibou, texts[1]);
        var deciding = texts.IndexOf("【5.1(1)④(ア)】");
        var exception = texts.IndexOf("例外 【5.1(1)④(イ)】");
        Assert.InRange(deciding, 2, exception - 1);
    }

    [Fact]
    public async Task TheActions_AreAtTheBottom_TheFormFirst_ThenTheFeedback()
    {
        var card = await Ask(Yamada, "USBで資料を持ち出してもいい？");

        var last = card["body"]!.AsArray().OfType<JsonObject>().Last();
        Assert.Equal("ActionSet", (string?)last["type"]);
        Assert.Equal(["持ち出し申請を始める", "役に立った", "役に立たなかった"], Descendants(last).Where(n => n["title"] is not null).Select(n => (string)n["title"]!));
    }

    [Theory]
    [InlineData("USBで資料を持ち出してもいい？", "持ち出し申請を始める")]
    [InlineData("機密性2の書類を車で運ぶときに気をつけることは？", "持ち出し申請を始める")]
    [InlineData("クラウドサービスの利用はだれが承認するの？", "クラウド利用申請を始める")]
    [InlineData("パスワードは何文字以上にすればいい？", null)]
    [InlineData("CISOって誰？", null)]
    public async Task AnAnswerWhoseClauseBelongsToAProcedure_OffersToStartItsForm(string question, string? button)
    {
        var card = await Ask(TestStaffDirectory.NewMember("試験 職員"), question);

        var starts = ButtonTitles(card).Where(t => t.EndsWith("を始める", StringComparison.Ordinal)).ToList();
        Assert.Equal(button is null ? [] : [button], starts);
    }

    [Fact]
    public async Task AQuestionThatMayBeAReport_IsAnswered_WithTheIncidentReportOneTapAway()
    {
        var person = TestStaffDirectory.NewMember("試験 職員");
        var card = await Ask(person, "公用スマホを落とした時ってどうすればいいんでしたっけ");

        var starts = ButtonTitles(card).Where(t => t.EndsWith("を始める", StringComparison.Ordinal)).ToList();
        Assert.Equal("インシデント報告を始める", starts.FirstOrDefault());
        var press = Descendants(card).Single(n => (string?)n["title"] == "インシデント報告を始める")["data"]!.DeepClone().AsObject();
        var replies = await host.Post(CardSubmit(person, press));
        Assert.Contains(ReplyCards(replies), c => CardTexts(c).Any(t => t.StartsWith("インシデント報告（1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AQuestionThatMayBeAVirusReport_LeadsWithTheFirstResponse_BeforeTheAnswer()
    {
        // A question of leave, so answered; the incident model gives it 0.52 (the report offered) and the 6.4(3)⑦ model
        // 0.95: the first response cannot wait for a tap.
        var card = await Ask(TestStaffDirectory.NewMember("試験 職員"), "パソコンの画面に急に警告が出て、サポートに電話しろって言われてるんだけど、電話しても大丈夫？");

        var texts = CardTexts(card);
        Assert.StartsWith("【至急】ウイルス感染が疑われるときの初動対応（根拠: 6.4(3)⑦）", texts[0], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("LANケーブルを抜いてください", StringComparison.Ordinal));
        Assert.Equal("Attention", (string?)card["body"]![0]!["color"]);
        Assert.Equal("インシデント報告を始める", ButtonTitles(card).First(t => t.EndsWith("を始める", StringComparison.Ordinal)));
        Assert.Contains("対応したら、下の「インシデント報告を始める」から報告してください。", texts);
        // The answer is 6.4(3)⑦ itself: the notice gives its steps, so the clause is quoted once, as the citation.
        Assert.Contains("【6.4(3)⑦】", texts);
        Assert.Single(texts, t => t.StartsWith("コンピュータウイルス等の不正プログラムに感染した場合", StringComparison.Ordinal));
        // A plain question gets no such notice.
        var plain = await Ask(TestStaffDirectory.NewMember("試験 職員"), "パスワードは何文字以上にすればいい？");
        Assert.DoesNotContain(CardTexts(plain), t => t.StartsWith("【至急】", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAChannel_TheFirstResponse_SaysWhomToReportTo_ForThereIsNoButton()
    {
        var card = ReplyCards(await host.Post(ChannelMention(Yamada, "パソコンの画面に急に警告が出て、サポートに電話しろって言われてるんだけど、電話しても大丈夫？"))).Single();

        var texts = CardTexts(card);
        Assert.StartsWith("【至急】", texts[0], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.StartsWith("対応したら、所属の情報セキュリティ管理者に報告してください", StringComparison.Ordinal));
        Assert.DoesNotContain(ButtonTitles(card), t => t.EndsWith("を始める", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStartButton_StartsTheFormThroughItsCommand()
    {
        var person = TestStaffDirectory.NewMember("試験 職員");
        var card = await Ask(person, "USBで資料を持ち出してもいい？");

        var press = Descendants(card).Single(n => (string?)n["title"] == "持ち出し申請を始める")["data"]!.DeepClone().AsObject();
        var replies = await host.Post(CardSubmit(person, press));

        Assert.Contains(ReplyCards(replies), c => CardTexts(c).Any(t => t.StartsWith("持ち出し申請（1/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InAChannel_OrForSomeoneNotInTheDirectory_TheAnswerOffersNoFormAndNamesNoOne()
    {
        var channel = ReplyCards(await host.Post(ChannelMention(Yamada, "USBで資料を持ち出してもいい？"))).Single();
        var stranger = await Ask(TestStaffDirectory.NewStranger("部外 花子"), "USBで資料を持ち出してもいい？");

        Assert.DoesNotContain("持ち出し申請を始める", ButtonTitles(channel));
        Assert.DoesNotContain("持ち出し申請を始める", ButtonTitles(stranger));
        Assert.DoesNotContain(CardTexts(stranger), t => t.Contains("さんです。", StringComparison.Ordinal) || t.Contains("登録されていません", StringComparison.Ordinal));
        Assert.Contains("役に立った", ButtonTitles(stranger));
    }

    [Fact]
    public async Task WhenTheRoleIsVacantInTheirDepartment_TheAnswerSaysWhomToAskInstead()
    {
        // The test pool's 所属 has no 管理者 and no 責任者: the next post up that is filled is the union's 統括.
        var card = await Ask(TestStaffDirectory.NewMember("試験 職員"), "USBで資料を持ち出してもいい？");

        Assert.Equal($"{TestStaffDirectory.Department}には情報セキュリティ管理者が登録されていません。統括情報セキュリティ責任者の高橋 次郎さんにご相談ください。",
            CardTexts(card)[1]);
    }

    [Fact]
    public async Task TheManagerThemself_IsToldWhoDecidesTheirOwnMatter()
    {
        var card = await Ask(Sato, "USBで資料を持ち出してもいい？");

        Assert.Equal("警防課の情報セキュリティ管理者はあなたです。ご自身のことは、兼務の禁止（1(8)①）により情報セキュリティ責任者の鈴木 一郎さんが判断します。",
            CardTexts(card)[1]);
    }

    [Fact]
    public async Task FullText_IsOfferedOnlyWhereTheClauseIsLongerThanTheQuote()
    {
        var shortClause = await Ask(Yamada, "CISOって誰？");
        var withItems = await Ask(Yamada, "クラウドサービスに機密性2の情報を保存してもいい？");

        Assert.DoesNotContain("全文を見る", ButtonTitles(shortClause));
        var deciding = CardTexts(withItems).First(t => t.StartsWith('【'))[1..^1];
        var fullTexts = Descendants(withItems).Where(n => (string?)n["title"] == "全文を見る").Select(n => (string?)n["data"]!["id"]);
        Assert.Equal(deciding, fullTexts.First());
    }

    [Fact]
    public async Task OtherRelatedClauses_AreBehindOneToggle_HiddenAtFirst()
    {
        var card = await Ask(Yamada, "CISOって誰？");

        var toggle = Assert.Single(Descendants(card), n => (string?)n["type"] == "Action.ToggleVisibility");
        var target = (string)toggle["targetElements"]![0]!;
        var related = Descendants(card).Single(n => (string?)n["id"] == target);
        Assert.False((bool)related["isVisible"]!);
        Assert.Contains(CardTexts(related), t => t.StartsWith("【1(1)", StringComparison.Ordinal));
        Assert.DoesNotContain(CardTexts(related), t => t.StartsWith("【1(1)①】", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNotCoveredAnswer_SaysSoFirst_AndNamesTheManagerToAsk()
    {
        var card = await Ask(Yamada, "複合機のトナーが切れたらどこに頼めばいい？");

        var texts = CardTexts(card);
        Assert.Equal(AnswerText.NotCovered, texts[0]);
        Assert.Contains(SatoForKeibou, texts);
        Assert.DoesNotContain("役に立った", ButtonTitles(card));
    }

    [Fact]
    public async Task WithTheLlm_TheCardLeadsWithItsSentence_InTheSameLayout()
    {
        var knowledge = PolicyAnswerer.CreateDefault(new FakeWriter());
        var answer = await knowledge.AnswerAsync("USBで資料を持ち出してもいい？", null, CancellationToken.None);

        var card = AnswerCard.Create(answer, knowledge.Document, new AnswerCardExtras(new string('a', 32)));

        Assert.True(answer.FromLlm);
        var texts = CardTexts(card);
        Assert.StartsWith(FakeWriter.Sentence, texts[0], StringComparison.Ordinal);
        Assert.Contains($"【{answer.Conclusion!.Deciding.Id}】", texts);
        Assert.Contains(texts, t => t.Contains("AI", StringComparison.Ordinal));
        Assert.Equal(["役に立った", "役に立たなかった"], ButtonTitles(card).TakeLast(2));
        AdaptiveCardValidator.AssertValid(card);
    }

    private async Task<JsonObject> Ask(TeamsUser user, string question)
    {
        // A conversation of its own, so no earlier question makes this one a follow-up.
        var replies = await host.Post(PersonalMessage(user, question, $"a:personal-{Guid.NewGuid():N}"));
        return ReplyCards(replies).Single();
    }

    private sealed class FakeWriter : IAnswerWriter
    {
        public const string Sentence = "持ち出すには、所属の情報セキュリティ管理者の許可が要ります。";

        public Task<WrittenAnswer?> TryWriteAsync(string question, IReadOnlyList<Citation> retrieved, PolicyDocument document, CancellationToken cancellationToken) =>
            Task.FromResult<WrittenAnswer?>(new WrittenAnswer($"{Sentence}（{retrieved[0].Clause.Id}）", [retrieved[0].Clause.Id]));
    }
}
