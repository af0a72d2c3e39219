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
        What("loss_theft"), Found, Assets, [("personalData", "no"), ("possibleCrime", "no")],
        [("scope", "連絡先の電話番号"), ("firstResponse", "立ち寄り先に問い合わせました。")],
    ];

    protected override int Taps => 6;

    protected override string SenderRole => "報告者";

    /// <summary>When it happened and was noticed start as today and are not asked (修正する shows them).</summary>
    protected override (string Field, string Value)[] Defaulted(TeamsActivities.TeamsUser person) =>
        [("occurredDate", BotHost.Date(0)), ("foundDate", BotHost.Date(0))];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("description", "何が起きたか", 2000, "公用スマートフォンを電車内に置き忘れました。");

    private static readonly (string Field, string Value)[] Found = [("foundTime", "08:30"), ("reportedBy", "self")];

    // Which system (issue 11: its 情報システム管理者 is told) is asked with what is affected; 分からない is an answer.
    private static readonly (string Field, string Value)[] Assets = [("affectedAssets", "公用スマートフォン1台"), ("system", "unknown"), ("confidentiality", "2")];

    private static (string Field, string Value)[] What(string kind) =>
        [("incidentKind", kind), ("description", "公用スマートフォンが見当たりません。")];

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

        await person.Press("次へ", What("malware"));

        var notice = Assert.Single(person.Texts);
        Assert.Contains("LANケーブルを抜いてください", notice);
        Assert.Contains("電源は切らないでください", notice);
        Assert.Contains("6.4(3)⑦", notice);
        // Beside it: whether a password went to a fake page or a caller (5.4(2)④).
        Assert.Equal(["networkDisconnected", "passwordGiven"], FieldIds(person.Card));

        await person.Press("戻る");
        await person.Press("次へ");
        Assert.Empty(person.Texts);

        await FillRest(person, ("incidentKind", "malware"), ("networkDisconnected", "done"), ("passwordGiven", "no"), ("affectedAssets", "事務用PC 1台"),
            ("firstResponse", "LANケーブルを抜きました。"));
        Assert.DoesNotContain("盗難や不正アクセスなど、犯罪の可能性がありますか", Facts(person.Card).Keys);
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
        await person.Press("次へ", What("leak"));
        await person.Press("次へ", ("passwordGiven", "no"));
        await person.Press("次へ", Found);
        await person.Press("次へ", ("affectedAssets", "名簿"), ("confidentiality", "3B"));

        await person.Press("次へ", ("personalData", "yes"));

        Assert.Equal(["personalDataCount", "scope", "firstResponse"], FieldIds(person.Card));
    }

    [Fact]
    public async Task NotKnowingAboutPersonalDataOrACrime_CountsAsYes()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("personalData"));

        await person.Press("次へ", ("personalData", "unknown"), ("possibleCrime", "unknown"));
        Assert.DoesNotContain("personalDataCount", FieldIds(person.Card));
        await FillRest(person);
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Contains("5.3(1)④", record.AppliedClauses);
        Assert.Contains("6.5(3)", record.AppliedClauses);
    }

    [Fact]
    public async Task AFoundDateInTheFuture_IsShownNextToTheField_AndKept()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        await person.Press("修正する");
        while (!FieldIds(person.Card).Contains("foundDate"))
        {
            await person.Press("次へ");
        }

        Assert.Equal(BotHost.Date(0), InputValue(person.Card, "foundDate"));

        await person.Press("次へ", ("foundDate", BotHost.Date(1)), ("foundTime", "07:45"));

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(person.Card, "foundDate"));
        Assert.Equal(BotHost.Date(1), InputValue(person.Card, "foundDate"));
        Assert.Equal("07:45", InputValue(person.Card, "foundTime"));
        Assert.Equal(BotHost.Date(0), InputValue(person.Card, "occurredDate"));
        Assert.Equal("self", InputValue(person.Card, "reportedBy"));
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
        Assert.Contains("インシデント報告（1/", AllText(card));
        Assert.Contains("入力済みの項目: インシデントの種類", AllText(card));
        Assert.DoesNotContain("incidentKind", FieldIds(card));
        await FillRest(person);
        var number = await SubmitAndReadNumber(person);
        Assert.Equal("loss_theft", Host.Records.FindByNumber(number)!.Answers["incidentKind"].Value);
    }
}
