using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class IncidentReportPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "インシデント報告";

    protected override string Title => "インシデント報告";

    protected override string NumberPrefix => "インシデント";

    protected override RequestStatus InitialStatus => RequestStatus.Submitted;

    protected override (string Field, string Value)[][] Steps =>
    [
        FirstStep("loss_theft"),
        [
            ("affectedAssets", "公用スマートフォン1台"), ("confidentiality", "2"), ("personalData", "no"), ("possibleCrime", "no"),
            ("scope", "連絡先の電話番号"), ("firstResponse", "立ち寄り先に問い合わせました。"),
        ],
    ];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("description", "何が起きたか", 2000, "公用スマートフォンを電車内に置き忘れました。");

    private static (string Field, string Value)[] FirstStep(string kind) =>
    [
        ("incidentKind", kind), ("occurredDate", BotHost.Date(-1)), ("foundDate", BotHost.Date(0)),
        ("foundTime", "08:30"), ("description", "公用スマートフォンが見当たりません。"), ("reportedBy", "self"),
    ];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.True(record.IsIncident);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
        Assert.DoesNotContain("6.4(3)⑦", record.AppliedClauses);
        Assert.Contains("CSIRT", record.NextStep);
    }

    [Fact]
    public async Task SuspectedMalware_ShowsTheFirstResponseAtOnce_AndAsksAboutTheNetworkOnce()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", FirstStep("malware"));

        var notice = Assert.Single(person.Texts);
        Assert.Contains("LANケーブルを抜いてください", notice);
        Assert.Contains("電源は切らないでください", notice);
        Assert.Contains("6.4(3)⑦", notice);
        Assert.Equal("networkDisconnected", FieldIds(person.Card)[0]);
        Assert.DoesNotContain("possibleCrime", FieldIds(person.Card));

        await person.Press("戻る");
        await person.Press("次へ");
        Assert.Empty(person.Texts);

        await person.Press("次へ", ("networkDisconnected", "done"), ("affectedAssets", "事務用PC 1台"), ("confidentiality", "2"),
            ("personalData", "no"), ("firstResponse", "LANケーブルを抜きました。"));
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.True(record.IsIncident);
        Assert.Equal("malware", record.Answers["incidentKind"].Value);
        Assert.Equal("done", record.Answers["networkDisconnected"].Value);
        Assert.Contains("6.4(3)⑦", record.AppliedClauses);
    }

    [Fact]
    public async Task PersonalData_AsksHowMany()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", FirstStep("leak"));

        await person.Press("次へ", ("affectedAssets", "名簿"), ("confidentiality", "3"), ("personalData", "yes"), ("firstResponse", "なし"));

        Assert.Contains("personalDataCount", FieldIds(person.Card));
        Assert.Equal("名簿", InputValue(person.Card, "affectedAssets"));
    }

    [Fact]
    public async Task AFoundDateInTheFuture_IsShownNextToTheField_AndKept()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", WithFirstStep("foundDate", BotHost.Date(1)));

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(person.Card, "foundDate"));
        Assert.Equal(BotHost.Date(1), InputValue(person.Card, "foundDate"));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: "foundDate", errors: 1);
    }

    [Fact]
    public async Task AKindNotOnTheList_IsRefused()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", WithFirstStep("incidentKind", "<script>"));

        Assert.Equal("選択肢にない値です。一覧から選んでください。", ErrorFor(person.Card, "incidentKind"));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: "incidentKind", errors: 1);
    }

    [Fact]
    public async Task WordsSayingTheOfficialPhoneIsLost_StartTheReportAsLossOrTheft() =>
        await AssertLossReportStartsFrom("公用スマホなくした");

    [Theory]
    [InlineData("公用スマホをなくしてしまった")]
    [InlineData("公用スマホ紛失しちゃった")]
    public async Task WordsSayingTheOfficialPhoneIsLost_WithACueTheClassifierKnows_StartTheReportAsLossOrTheft(string words) =>
        await AssertLossReportStartsFrom(words);

    private async Task AssertLossReportStartsFrom(string words)
    {
        var person = Host.Person();

        await person.Say(words);

        var card = Assert.Single(Pipeline.TeamsActivities.ReplyCards(person.Replies));
        Assert.Contains("インシデント報告（1/2）", AllText(card));
        Assert.Equal("loss_theft", InputValue(card, "incidentKind"));
        Assert.Contains("メッセージから分かる項目を入力しておきました。確認してください。", AllText(card));
    }
}
