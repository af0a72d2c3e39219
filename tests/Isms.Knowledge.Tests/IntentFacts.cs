namespace Isms.Knowledge.Tests;

public class IntentFacts
{
    private static PolicyAnswer Ask(string q) => TestAnswerer.Offline.AnswerOffline(q, null);

    [Theory]
    [InlineData("メール誤送信しちゃった…", "misdelivery_report", "誤送信報告", "6.1(15)④")]
    [InlineData("USBで資料持ち出したい", "takeout_request", "持ち出し申請", "5.1(1)③(イ)")]
    [InlineData("取引先のZoom会議に招待されたので参加したい", "web_meeting_request", "Web会議申請", "6.1(21)④")]
    [InlineData("Boxを業務で使いたいので申請します", "cloud_use_request", "クラウド利用申請", "8.4(2)①")]
    [InlineData("ランサムウェアに感染したかも、報告したい", "incident_report", "インシデント報告", "5.3(1)①")]
    public void FormRequests_StartTheFormAndCiteTheClauseBehindIt(string question, string key, string name, string clauseId)
    {
        var answer = Ask(question);
        Assert.Equal(PolicyIntent.Procedure, answer.Intent);
        Assert.Equal(key, answer.Procedure?.Key);
        Assert.Contains(clauseId, answer.Citations.Select(c => c.Clause.Id));
        Assert.Contains(name, answer.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("機密性2のデータを外に持ち出すとき誰の許可がいる？")]
    [InlineData("インシデントがあったら誰に報告するの？")]
    [InlineData("誤送信したら誰に報告する決まり？")]
    public void QuestionsAboutAFormTopic_AreAnswered(string question)
    {
        Assert.Equal(PolicyIntent.Answer, Ask(question).Intent);
    }

    // Three questions in a long message: words the policy does not know (付箋, 鎖, じゃま) dilute the whole, but each
    // question on its own is the policy's business.
    [Fact]
    public void ALongMessageOfSeveralQuestions_IsAnsweredWhenOneOfThemIsInScope()
    {
        const string message = "庶務で来たばかりで、機械に弱いです。昼休みに席をはずすとき、ぱそこんはつけたままでいいでしょうか？ "
            + "あと、ぱそこんの裏の鎖みたいな細いワイヤーがじゃまなんですが、取っちゃだめですか？ "
            + "ログインの文字を覚えられないので、付箋に書いて画面のはしに貼ってもいいですか？";
        Assert.Equal(PolicyIntent.Answer, Ask(message).Intent);
    }

    [Theory]
    [InlineData("有給ってあと何日ある？")]
    [InlineData("今月の当直って誰？")]
    [InlineData("複合機のトナーが切れた")]
    [InlineData("駐車場の場所を教えて")]
    [InlineData("給与の振込日はいつ？")]
    public void OutOfScopeQuestions_AreDeclinedHonestly(string question)
    {
        var answer = Ask(question);
        Assert.Equal(PolicyIntent.OutOfScope, answer.Intent);
        Assert.Empty(answer.Citations);
        Assert.StartsWith(AnswerText.NotCovered, answer.Summary, StringComparison.Ordinal);
        Assert.Contains("情報セキュリティ管理者に確認", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAnswer_NamesTheDocumentAndEdition()
    {
        var answer = Ask("CISOは誰？");
        Assert.Equal("令和8年4月1日 策定", answer.Edition);
        Assert.Equal(TestData.Document.Title, answer.DocumentTitle);
        Assert.Contains("令和8年4月1日 策定", answer.Summary, StringComparison.Ordinal);
    }
}
