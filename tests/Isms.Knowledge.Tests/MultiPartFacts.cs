using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Tests;

/// <summary>Multi-part questions: enumerations and separate sentences become parts, each with its own answer.</summary>
public class MultiPartFacts
{
    [Theory]
    [InlineData("USBの持ち出しは許可と暗号化と記録はどうなる？", "許可,暗号化,記録")]
    [InlineData("廃棄するとき、データ消去のほかに記録とか許可もいる？", "データ消去,記録,許可")]
    public void Enumerations_BecomeParts(string question, string expected)
    {
        var parts = ClauseRetriever.SubQueries(question);
        Assert.Equal(expected.Split(','), parts.Select(p => p.Focus));
        Assert.All(parts, p => Assert.True(p.OwnAnswer));
    }

    [Theory]
    [InlineData("業務と関係ないことにデータを使ったらダメ？")]
    [InlineData("申請する人と承認する人が同じでもいい？")]
    public void AndThatIsNotAList_IsNoEnumeration(string question) =>
        Assert.DoesNotContain(ClauseRetriever.SubQueries(question), p => p.OwnAnswer);

    [Fact]
    public void CommaClauses_OnlyHelpTheFusion_WhileTwoQuestionsEachGetAnAnswer()
    {
        Assert.DoesNotContain(ClauseRetriever.SubQueries("出張先から持ち帰ったパソコン、LANにつなぐ前にやることある？"), p => p.OwnAnswer);
        Assert.All(ClauseRetriever.SubQueries("パスワードは何文字？あと使い回しはだめ？"), p => Assert.True(p.OwnAnswer));
    }

    // Scene-setting sentences around one question: that question is the part that asks; with two questions, or one
    // sentence, there is no such part.
    [Theory]
    [InlineData("当直明けに後輩に聞かれた。パスワードって何文字以上にしなきゃいけないんだっけ？", "パスワードって何文字以上にしなきゃいけないんだっけ")]
    [InlineData("出張先から持ち帰ったパソコン、LANにつなぐ前にやることある？", "lanにつなぐ前にやることある")]
    [InlineData("パスワードは何文字？あと使い回しはだめ？", null)]
    [InlineData("パスワードは何文字以上？", null)]
    public void TheOneAskingPart_IsFoundAmongSceneSettingOnes(string question, string? expected) =>
        Assert.Equal(expected, ClauseRetriever.TheOneAsking(question));

    // An enumeration inside one of three or more sentences is that sentence's detail: the sentences stay the parts.
    [Fact]
    public void AnEnumerationInOneOfSeveralSentences_KeepsTheSentencesAsParts()
    {
        var parts = ClauseRetriever.SubQueries("USBをなくしたかも。まず誰に連絡する？そのあと課長とか署長はどこに上げるの？総務省まで報告はいく？");
        Assert.Equal(3, parts.Count(p => p.OwnAnswer));
        Assert.DoesNotContain(parts, p => p.Focus is "課長" or "署長");
    }

    // A sentence that only sets the scene is context for the questions after it, not a part with its own answer.
    [Fact]
    public void ASceneSentence_IsContextForTheQuestionsAfterIt()
    {
        var parts = ClauseRetriever.SubQueries("古いサーバをリース返却します。中のデータはどこまで消せばいい？処理の記録は残す？");
        Assert.Equal([false, true, true], parts.Select(p => p.OwnAnswer));
    }

    // Parts joined by commas with no question mark are questions when each of them asks (…アリか, …の許可とり先).
    [Fact]
    public void CommaJoinedQuestions_EachGetAnAnswer()
    {
        var parts = ClauseRetriever.SubQueries("私物スマホを署のWi-Fiにつなぐ前にやること、公用タブレットをテザリングでつなぐのはアリか、パソコンにアプリを入れるときの許可とり先");
        Assert.Equal(3, parts.Count(p => p.OwnAnswer));
    }

    // A part asking who permits gets the rule that names the permitter, even when the measures fill the top.
    [Theory]
    [InlineData("機密性2のデータを外に持ち出すとき誰の許可がいる？暗号化もしないとだめ？", "5.1(1)③(イ)")]
    [InlineData("フリーソフトをパソコンに入れたいけど誰の許可がいる？ダウンロードしたら不正プログラムのチェックもしないとだめ？", "6.1(17)②")]
    public void WhoPermitsPart_GetsThePermissionRule(string question, string permission) =>
        Assert.Contains(permission, TestAnswerer.Offline.Retriever.Retrieve(question, null, 5).Select(c => c.Clause.Id));

    // A part asking which class (重要度どれ) gets the table that assigns the classes, as it would asked alone.
    [Fact]
    public void WhichClassPart_GetsTheClassTable() =>
        Assert.Contains("別表1", TestAnswerer.Offline.Retriever.Retrieve(
            "入札の資料について ①重要度の分類だとどこか ②持ち歩くなら何が必要 ③捨てるときは", null, 5).Select(c => c.Clause.Id));

    // A part asking what happens to the one who broke a rule (処分の対照, typed as it comes) gets the discipline section.
    [Fact]
    public void PunishmentPart_GetsTheDisciplineSection() =>
        Assert.Contains(TestAnswerer.Offline.Retriever.Retrieve(
            "前任者のIDとパスでずっと作業してたのを注意された。処分の対照になるんかね、あと前任者のIDって本来誰が消すもんなん", null, 5),
            c => c.Clause.Id.StartsWith("7.6", StringComparison.Ordinal));
}
