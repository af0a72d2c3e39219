using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Tests;

/// <summary>
/// Stop 37's word-table and thesaurus changes, each general: asking leave before an act (開いてもへーき？) is told from
/// worrying after it (開いちゃったけど大丈夫かな？), in any spelling of 平気 and 大丈夫; a cloud product or an online service
/// is a security topic; asking whether one may file (申請とおせますか, 出させてくんない？) or whether any procedure is needed
/// for one's own plan asks for the form; taxes are another office's topic; and the thesaurus reads conjugated everyday
/// words in their dictionary forms.
/// </summary>
public class AskedWordsFacts
{
    private static readonly IMorphologicalAnalyzer? Mecab = PolicyAnswerer.DefaultAnalyzer.Value;
    private static readonly ProcedureDetector Detector = ProcedureDetector.LoadEmbedded(Mecab);

    private static bool AsksLeave(string message) => Detector.Signals(message).Contains("cue:permission");

    [Theory]
    [InlineData("知らない人から来たメールの添付、開いてもへーき？")]
    [InlineData("このUSB、署のPCに挿してもだいじょぶ？")]
    [InlineData("私物のスマホ使うのってダイジョーブ？")]
    [InlineData("会議の資料を家に持って帰っても大丈夫ですか")]
    public void AskingLeaveBeforeTheAct_IsAPermissionQuestion_InAnySpelling(string message) => Assert.True(AsksLeave(message));

    [Theory]
    [InlineData("添付を開いちゃったけど大丈夫かな？")]
    [InlineData("変なリンク押しちゃったんですけど、平気ですか")]
    [InlineData("USB落としたけど、だいじょぶかな")]
    public void WorryingAfterTheAct_AsksNoLeave(string message) => Assert.False(AsksLeave(message));

    [Theory]
    [InlineData("当番表をDropboxで共有したい")]
    [InlineData("イベントの受付をオンラインの予約サービスでやりたい")]
    [InlineData("勤務表をグーグルドライブに置いたら楽なんだけど")]
    public void AnOutsideServiceNamedByProductOrKind_IsASecurityTopic(string message) =>
        Assert.True(Detector.MentionsSecurityTopic(message));

    [Fact]
    public void AScopeRow_ReadsTheTopicOfAnEarlierProcedure_AndRefusesAnUnknownOne()
    {
        var table = "cue\thypothetical\tもし\ncue\tconditional\tたら\ncue\tquestion\t[?？]\ncue\trequest\tたい\ncue\tstrong-request\tください\n"
            + "cue\treport-request\t報告したい\ncue\trelayed\tって言われ\n"
            + "procedure\tcloud_use_request\tクラウド利用申請\trequest\tドロップボックス\t@request\t8.4(2)①\n";
        var detector = ProcedureDetector.Parse(table + "scope\tInScope\ttopic-of:cloud_use_request\n");
        Assert.True(detector.MentionsSecurityTopic("ドロップボックスで共有"));
        Assert.False(detector.MentionsSecurityTopic("昼ごはんどうする"));
        Assert.Throws<FormatException>(() => ProcedureDetector.Parse(table + "scope\tInScope\ttopic-of:takeout_request\n"));
    }

    [Theory]
    [InlineData("OneDriveで係の予定表を共有したいんですけど、申請とおせますか", "cloud_use_request")]
    [InlineData("町内会の行事の申込を外部のネット受付サービスで受け付けたいと思ってます", "cloud_use_request")]
    [InlineData("来月の研修に公用のタブレット持っていきたいんだけど、なんか手続きいる？", "takeout_request")]
    public void AskingToFile_OrForTheProcedureOfOnesOwnPlan_StartsTheForm(string message, string expected) =>
        Assert.Equal(expected, Detector.Detect(message)?.Key);

    [Theory]
    [InlineData("Zoomで県と打ち合わせしてえんだけど、申請出させてくんない？", "web_meeting_request")]
    [InlineData("Dropbox使いたいから手続きさせてくれ", "cloud_use_request")]
    public void AColloquialLetMe_AsksForTheForm(string message, string expected) => Assert.Equal(expected, Detector.Detect(message)?.Key);

    // Taxes are another office's rules, even when the words sound like an application (申請) or a deadline.
    [Theory]
    [InlineData("ふるさと納税のワンストップ特例っていつまでに出すの")]
    [InlineData("年末調整の書類、今年はいつ締め切り？")]
    public void Taxes_AreAnotherRulesTopic(string message) => Assert.True(Detector.MentionsOutOfScopeTopic(message));

    [Fact]
    public void AProcedureQuestionWithoutAPlan_StaysAQuestion() =>
        Assert.Null(Detector.Detect("私物のスマホを仕事で使うとき、何か申請いりますか？"));

    // Which setting, menu or button to look at is how to operate a tool, whatever the tool.
    [Theory]
    [InlineData("通知が来なくなった。どこの設定見ればいい？")]
    [InlineData("PDFにパスワードかけたいんだけど、どのメニュー開けばいいの")]
    public void AskingWhichSettingOrMenu_AsksHowToOperate(string message) => Assert.True(Detector.AsksHowToOperate(message));

    [Theory]
    [InlineData("研修にノートPC持っていきたい", "持ち出し")]
    [InlineData("タブレットを現場に持っていきました", "持ち出し")]
    public void ConjugatedEverydayWords_ExpandInTheirDictionaryForms(string question, string term)
    {
        Assert.NotNull(Mecab);
        var thesaurus = Thesaurus.LoadEmbedded();
        Assert.DoesNotContain(term, thesaurus.Expand(question));
        Assert.Contains(term, thesaurus.WithDictionaryForms(Mecab).Expand(question));
    }
}
