namespace Isms.Knowledge.Tests;

/// <summary>
/// Stop 29's word-table changes, each general (not one tuning line's words): being told of one's own account's trouble
/// is one's own report; personal data shown on a screen is an incident; a meeting held "on the web" and media carried
/// to another office are procedures; a memo line ending in 持出 asks for the form; a question about what a report
/// covers is a question; a home network's trouble is no fault of the union's systems; and private life with no tie to
/// work is read as such.
/// </summary>
public class OwnWordsFacts
{
    private static readonly ProcedureDetector Detector = ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value);

    [Theory]
    [InlineData("私のアカウントから変なリンク付きのチャットが送られてるって同僚に言われた。パスワード変えた方がいい？", "incident_report")]
    [InlineData("研修で画面共有してたら、傷病者の一覧が数秒プロジェクターに映っちゃいました", "incident_report")]
    [InlineData("来週ウェブで県と打ち合わせすることになりました。手続きあれば出します", "web_meeting_request")]
    [InlineData("古いパソコンを本署から分署へ車で運ぶことになった。申請お願い", "takeout_request")]
    [InlineData("ノートPC　月曜　県庁　持出", "takeout_request")]
    [InlineData("あした査察でタブレットを現場に持ってく予定。前もって何か出すんだっけ", "takeout_request")]
    public void OwnWords_StartTheirProcedure(string message, string expected) => Assert.Equal(expected, Detector.Detect(message)?.Key);

    [Theory]
    // A relayed report asked about stays a question (the manager's rule question); only one's own account turns it round.
    [InlineData("部下から公用スマホをなくしたって言われた。報告ってどこに上げるの？")]
    [InlineData("誤送信の報告って、どこまでが対象なの？庁内あてでも要る？")]
    [InlineData("家のWi-Fiがずっと遅いんだけど、ルーター替えたほうがいい？")]
    public void QuestionsAndPrivateTrouble_StartNothing(string message) => Assert.Null(Detector.Detect(message));

    [Fact]
    public void TheOfficeNetworkDown_IsStillAFault() =>
        Assert.Equal("fault_report", Detector.Detect("うちの署のネットが朝から落ちてて使えません")?.Key);

    [Theory]
    [InlineData("自分のインスタを鍵アカにしたいんだけど、どこで設定するの？")]
    [InlineData("家のWi-Fiルーターのパスワードを忘れた。初期化するしかない？")]
    [InlineData("娘のスマホに入れるフィルタリングのアプリ、どれがいい？")]
    public void PrivateLifeQuestions_AreDeclined_SayingWhy(string question)
    {
        var answer = TestAnswerer.Offline.AnswerOffline(question, null);
        Assert.Equal(PolicyIntent.OutOfScope, answer.Intent);
        Assert.Contains("ご自宅の機器や個人のアカウントは対象になりません", answer.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherRulesTopics_KeepTheirOwnDecline()
    {
        var answer = TestAnswerer.Offline.AnswerOffline("年休の残りってどこで確認できる？", null);
        Assert.Equal(PolicyIntent.OutOfScope, answer.Intent);
        Assert.Contains("勤務・給与・物品などは担当課の規程", answer.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("私用スマホで職場のメールを見てもいいですか？")]
    [InlineData("家のパソコンに資料を入れて作業してもいい？")]
    public void PrivateDevicesTiedToWork_AreAnswered(string question) =>
        Assert.Equal(PolicyIntent.Answer, TestAnswerer.Offline.AnswerOffline(question, null).Intent);

    [Theory]
    [InlineData("自分のインスタの設定、どこで鍵かけられる？", true)]
    [InlineData("じぶんのインスタ鍵垢にしたいんだけど設定どこ？", true)]
    [InlineData("クレカに身に覚えのない請求が来てる", true)]
    [InlineData("家のWi-Fiのパスワード忘れた", true)]
    [InlineData("私用スマホで職場のメールを見てもいい？", false)]
    [InlineData("家のパソコンに資料を入れて作業していい？", false)]
    [InlineData("私用のスマホは仕事では使ってないけど、変なSMSのリンク押しちゃった", true)]
    [InlineData("USBメモリの持ち出しは誰の許可がいる？", false)]
    public void PrivateLife_IsReadOnlyWithoutATieToWork(string message, bool privateOnly) =>
        Assert.Equal(privateOnly, Detector.IsAboutPrivateLifeOnly(message));

    // Asked in IT words, but about a product's strength, a slow line, where a course is held, the mutual-aid society or
    // a hazardous-materials permit: another office answers these. A device in a vehicle, wiring and ports are the policy's.
    [Theory]
    [InlineData("トレンドマイクロとカスペルスキーどっちが性能いい？", PolicyIntent.OutOfScope)]
    [InlineData("署のWi-Fi遅すぎ、速くする方法ある？", PolicyIntent.OutOfScope)]
    [InlineData("共済の貸付ってどう申し込む？", PolicyIntent.OutOfScope)]
    [InlineData("危険物の貯蔵量の届出っていつまで？", PolicyIntent.OutOfScope)]
    [InlineData("救急車のタブレットを私物スマホとつないでいい？", PolicyIntent.Answer)]
    [InlineData("LANケーブルを自分で延長して席を移してもいい？", PolicyIntent.Answer)]
    [InlineData("会議室の情報コンセントにハブをつないで口を増やしたい", PolicyIntent.Answer)]
    public void ScopeWords_TellTheOtherOfficesQuestionsFromThePolicys(string question, PolicyIntent expected) =>
        Assert.Equal(expected, TestAnswerer.Offline.AnswerOffline(question, null).Intent);

    // "For when X happens" asks about a plan, not a report; a what-if 「…って時、」 likewise. Asking where the report
    // form is starts it.
    [Theory]
    [InlineData("サーバが止まったとき用のマニュアルってどこ？", null)]
    [InlineData("ウイルス感染したかもって時、最初にやることは？", null)]
    [InlineData("ごそうしんのほうこくしょ どこ？", "misdelivery_report")]
    public void PlansAndWhatIfs_StayQuestions_AndTheFormIsFound(string message, string? expected) =>
        Assert.Equal(expected, Detector.Detect(message)?.Key);
}
