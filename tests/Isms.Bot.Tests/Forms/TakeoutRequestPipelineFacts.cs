using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class TakeoutRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "持ち出し申請";

    protected override string Title => "持ち出し申請";

    protected override string NumberPrefix => "持出";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps => [.. UpToMeasures("1"), [("otherMeasures", "パスワード付きで保存しました")]];

    protected override int Taps => 5;

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("destination", "持ち出し先", 200, "前橋市役所");

    /// <summary>The cards before the transport measures: what and when, where and why, the information.</summary>
    private static (string Field, string Value)[][] UpToMeasures(string confidentiality, string item = "usb", string processOutside = "no") =>
    [
        [("itemKind", item), ("assetNumber", "USB-012"), ("startDate", BotHost.Date(1)), ("endDate", BotHost.Date(2))],
        [("destination", "群馬県庁"), ("purpose", "県の会議で説明に使うため")],
        [("confidentiality", confidentiality), ("processOutside", processOutside)],
    ];

    /// <summary>Fills the cards before the transport measures, ending on the measures card.</summary>
    private static async Task FillUpToMeasures(FormConversation person, string confidentiality, string item = "usb", string processOutside = "no")
    {
        foreach (var card in UpToMeasures(confidentiality, item, processOutside))
        {
            await person.Press("次へ", card);
        }

        Assert.Contains("安全対策", AllText(person.Card));
    }

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.Equal(1, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Equal("電磁的記録媒体（USBメモリ）", record.Answers["itemKind"].Display);
        Assert.Contains("5.1(1)③(イ)", record.AppliedClauses);
        Assert.Contains("5.1(1)⑤", record.AppliedClauses);
        Assert.DoesNotContain("2(2)⑧(イ)", record.AppliedClauses);
        Assert.DoesNotContain("encryption", record.Answers.Keys);
    }

    [Theory]
    [InlineData("usb", "1", "no", new[] { "otherMeasures" })]
    [InlineData("usb", "2", "no", new[] { "transportMeasure", "otherMeasures" })]
    [InlineData("terminal", "3A", "yes", new[] { "outsideWorkPlace", "transportMeasure", "otherMeasures" })]
    [InlineData("paper", "3C", "no", new[] { "transportMeasure", "otherMeasures" })]
    [InlineData("software", "3B", "no", new[] { "transportMeasure", "otherMeasures" })]
    public async Task TheMeasuresCard_AsksWhatTheAnswersRequire(string item, string confidentiality, string processOutside, string[] expected)
    {
        var person = Host.Person();
        await Start(person);

        await FillUpToMeasures(person, confidentiality, item, processOutside);

        Assert.Equal(expected, FieldIds(person.Card));
    }

    [Fact]
    public async Task Confidentiality2_AsksWhichMeasure_OrWhyNoneIsNeeded_BeforeItCanBeSent()
    {
        var person = Host.Person();
        await Start(person);
        await FillUpToMeasures(person, "2", item: "software");

        await person.Press("次へ");
        Assert.Equal("選択してください。", ErrorFor(person.Card, "transportMeasure"));

        await person.Press("次へ", ("transportMeasure", "none"));
        Assert.Equal(["noMeasureReason"], FieldIds(person.Card));
        await person.Press("次へ", ("noMeasureReason", "情報の入っていないインストール用の媒体のため"));
        Assert.Equal("対策は不要（理由を入力）", Facts(person.Card)["運搬するときの対策"]);
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("情報の入っていないインストール用の媒体のため", record.Answers["noMeasureReason"].Value);
        Assert.DoesNotContain("encryption", record.Answers.Keys);
        Assert.Contains("2(2)⑧(ア)", record.AppliedClauses);
        Assert.Contains("2(2)⑧(イ)", record.AppliedClauses);
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
    }

    [Fact]
    public async Task Confidentiality3C_WarnsCitingTable2_AndStays3C_OnTheManagersCard()
    {
        var person = Host.Person();
        await Start(person);
        foreach (var card in UpToMeasures("3C"))
        {
            await person.Press("次へ", card);
        }

        Assert.Contains(Pipeline.TeamsActivities.Texts(person.Replies), t => t.Contains("別表2", StringComparison.Ordinal));
        await person.Press("次へ", ("transportMeasure", "暗号化・パスワードを設定する"));
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal((3, "3C", "機密性3C"), (record.HighestConfidentiality, record.ConfidentialityClass, record.ConfidentialityLabel));
        Assert.Contains("別表2", record.AppliedClauses);
    }

    [Theory]
    [InlineData("startDate", -1, "過去の日付は指定できません。今日以降の日付を選んでください。")]
    [InlineData("endDate", -1, "過去の日付は指定できません。今日以降の日付を選んでください。")]
    [InlineData("startDate", 400, "1年より先の日付は指定できません。")]
    public async Task ADateOutOfRange_IsShownNextToTheField_AndKept(string field, int days, string expected)
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", WithFirstStep(field, BotHost.Date(days)));

        Assert.Equal(expected, ErrorFor(person.Card, field));
        Assert.Equal(BotHost.Date(days), InputValue(person.Card, field));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: field, errors: 1);
    }

    [Fact]
    public async Task AReturnBeforeTheDeparture_IsShownNextToTheReturnDate_AndBothAreKept()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", [.. Steps[0].Where(a => a.Field is not ("startDate" or "endDate")),
            ("startDate", BotHost.Date(5)), ("endDate", BotHost.Date(3))]);

        Assert.Equal("返却予定日は持ち出す日と同じか、それより後の日付にしてください。", ErrorFor(person.Card, "endDate"));
        Assert.Null(ErrorFor(person.Card, "startDate"));
        Assert.Equal(BotHost.Date(5), InputValue(person.Card, "startDate"));
        Assert.Equal(BotHost.Date(3), InputValue(person.Card, "endDate"));
        Assert.Equal("USB-012", InputValue(person.Card, "assetNumber"));
    }

    [Theory]
    [InlineData("itemKind", "rocket", "選択肢にない値です。一覧から選んでください。")]
    [InlineData("confidentiality", "4", "選択肢にない値です。一覧から選んでください。")]
    [InlineData("confidentiality", "", "選択してください。")]
    [InlineData("startDate", "", "日付を選んでください。")]
    [InlineData("startDate", "2026-13-45", "日付の形式が正しくありません。")]
    public async Task AChoiceOrDateThatIsNotValid_IsShownNextToTheField_AndTheRestIsKept(string field, string value, string expected)
    {
        var person = Host.Person();
        await Start(person);
        var page = PageOf(field);
        await ReachPage(person, page);

        await person.Press("次へ", WithStep(page, field, value));

        Assert.Equal(expected, ErrorFor(person.Card, field));
        AssertStillOnPageWithTypedValuesKept(person.Card, page, except: field, errors: 1);
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task A5000CharacterPurpose_IsRefused_AndKept()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("purpose"));
        var longText = new string('目', 5000);

        await person.Press("次へ", WithStep(PageOf("purpose"), "purpose", longText));

        Assert.Equal("2,000文字以内で入力してください（現在 5,000文字）。", ErrorFor(person.Card, "purpose"));
        Assert.Equal(longText, InputValue(person.Card, "purpose"));
    }

    [Fact]
    public async Task AnAnswerForAFieldTheCardDidNotShow_IsIgnored()
    {
        var person = Host.Person();
        await Start(person);
        var value = SubmitValue(person.Card, "次へ", Steps[0]);
        value["f_transportMeasure"] = "none";

        await person.Send(value);
        await person.Press("次へ", UpToMeasures("2")[1]);
        await person.Press("次へ", UpToMeasures("2")[2]);

        Assert.Null(InputValue(person.Card, "transportMeasure"));
    }

    [Fact]
    public async Task WordsAskingToTakeAUsbStickOutForTwoDays_FillInItemAndDates_AndDoNotAskThem()
    {
        var person = Host.Person();

        await person.Say("明日から2日間USBメモリで資料を持ち出したい");

        var card = Assert.Single(Pipeline.TeamsActivities.ReplyCards(person.Replies));
        Assert.Contains("持ち出し申請（1/", AllText(card));
        Assert.Contains("入力済みの項目: 持ち出す物、持ち出す日、返却予定日（最後の確認画面で直せます）", AllText(card));
        Assert.DoesNotContain("itemKind", FieldIds(card));
        Assert.DoesNotContain("startDate", FieldIds(card));
        Assert.DoesNotContain("endDate", FieldIds(card));

        await FillRest(person);
        Assert.Equal("電磁的記録媒体（USBメモリ）", Facts(person.Card)["持ち出す物"]);
        Assert.StartsWith(Shown(1), Facts(person.Card)["持ち出す日"]);
        Assert.StartsWith(Shown(2), Facts(person.Card)["返却予定日"]);
        Assert.Contains("自動で入力した項目: 持ち出す物、持ち出す日、返却予定日。", AllText(person.Card));
    }

    [Fact]
    public async Task ASentenceSayingWhatWhenAndWhere_ReachesItsNumberInThreeTaps()
    {
        var person = Host.Person();

        await person.Say("明日から2日間、ノートPCを県の研修に持ち出します");
        Assert.Equal(["assetNumber", "confidentiality", "processOutside"], FieldIds(person.Card));
        await person.Press("次へ", ("assetNumber", "PC-0123"), ("confidentiality", "2"), ("processOutside", "no"));
        Assert.Equal(["transportMeasure", "otherMeasures"], FieldIds(person.Card));
        await person.Press("次へ", ("transportMeasure", "暗号化・パスワードを設定し、鍵付きのケースなどに入れる"));
        var number = await SubmitAndReadNumber(person);

        Assert.Equal(3, person.Submits);
        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
        Assert.Equal("terminal", record.Answers["itemKind"].Value);
        Assert.Equal(BotHost.Date(1), record.Answers["startDate"].Value);
        Assert.Equal(BotHost.Date(2), record.Answers["endDate"].Value);
        Assert.Equal("県の研修会場", record.Answers["destination"].Value);
        Assert.Equal("県の研修のため", record.Answers["purpose"].Value);
    }

    [Fact]
    public async Task AStaleSubmit_OnAnOldConfirmationCard_SaysWhyTheConfirmationIsShownAgain()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        var stale = SubmitValue(person.Card, "送信");
        stale["nonce"] = new string('0', 32);

        await person.Send(stale);

        Assert.Contains("古い画面からの操作のため、最新の入力画面を表示しました。", AllText(person.Card));
    }

    /// <summary>A date as the confirmation card writes it (before the day of the week).</summary>
    private static string Shown(int daysFromToday)
    {
        var date = BotHost.Today.AddDays(daysFromToday);
        return $"{date.Year}年{date.Month}月{date.Day}日";
    }
}
