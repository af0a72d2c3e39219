using Isms.Knowledge.Language;

namespace Isms.Knowledge.Tests;

/// <summary>The policy's words typed in hiragana are read as their kanji too; grammar and everyday kana are not.</summary>
public class KanaRespellerFacts
{
    private static readonly PolicyAnswerer Answerer = TestAnswerer.Offline;

    [Theory]
    [InlineData("ふんしつしたかもしれない", "紛失")]
    [InlineData("公用スマホ、救急車にわすれてきた", "忘れて")]
    [InlineData("明日 もちだし します", "持ち出し")]
    [InlineData("じょうほうせきゅりてぃの研修", "情報")]
    [InlineData("研修の資料をぬすまれた", "盗まれ")]
    // Words the analyser cuts wrongly in a run of kana: after a respelled word the next starts (たい|さくき|じゅん), and a
    // pronoun may be the start of a longer policy word (きみ|つせい).
    [InlineData("たいさくきじゅんの見直しは何年ごと？", "対策基準")]
    [InlineData("きみつせい3ってなに", "機密")]
    public void AHiraganaSpellingOfAPolicyWord_IsReadInKanji(string typed, string kanji) =>
        Assert.Contains(kanji, Answerer.Respell(typed), StringComparison.Ordinal);

    // Each of these once read as a kanji word: 同士たら, 委員ですか, 持って期待, 事業所参加ら, 同意う, 使い耐火ら, 鍵の係る.
    [Theory]
    [InlineData("どうしたらいいですか")]
    [InlineData("そのまま使っていいんですか")]
    [InlineData("ノートPCを会場に持ってきたいです")]
    [InlineData("事業所さんからもらった図面")]
    [InlineData("どういう手続きがいるの")]
    [InlineData("家で使いたいからUSBに入れたい")]
    [InlineData("なくさないようにするには")]
    [InlineData("名簿は鍵のかかるとこにしまう？")]
    public void GrammarAndEverydayKana_StayAsTyped(string typed) =>
        Assert.Equal(typed, Answerer.Respell(typed));

    [Fact]
    public void AReportTypedInHiragana_StartsTheIncidentReport_WhichTheKanaAloneWouldNot()
    {
        const string message = "公用スマホ、きのう救急車にわすれてきたっぽい";
        Assert.Null(ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value).Detect(message));
        var answer = Answerer.AnswerOffline(message, null);
        Assert.Equal("incident_report", answer.Procedure?.Key);
    }

    [Fact]
    public void AReadingWithSeveralSpellings_TakesTheOneTheTextsUseMost()
    {
        var mecab = PolicyAnswerer.DefaultAnalyzer.Value;
        Assert.NotNull(mecab);
        var respeller = KanaRespeller.Build(mecab!, ["機関と機関と期間"], []);
        Assert.Equal("機関の定め", respeller.Respell("きかんの定め"));
    }
}
