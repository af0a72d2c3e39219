using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class CloudUseRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    /// <summary>The 8.3(3) checklist on two cards: how the data is handled, then how the service continues.</summary>
    private static readonly (string Field, string Value)[] DataHandling =
        [("noSecondaryUse", "true"), ("dataLocation", "日本国内。解約時に消去証明を受ける"), ("jurisdiction", "true"), ("subcontracting", "true")];

    private static readonly (string Field, string Value)[] Continuity =
        [("serviceLevel", "true"), ("auditAcceptance", "true"), ("exitPlan", "true"), ("certifications", "ISMAP"), ("serviceManager", "警防課 山田 太郎")];

    protected override string Command => "クラウド利用申請";

    protected override string Title => "クラウド利用申請";

    protected override string NumberPrefix => "クラウド";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps =>
        [Service, Data("1"), [("termsChecked", "true"), ("termsUrl", "https://kintone.cybozu.co.jp/terms/"), ("serviceManagerPublic", "警防課 山田 太郎")]];

    protected override int Taps => 4;

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("serviceName", "サービス名", 200, "Garoon");

    private static readonly (string Field, string Value)[] Service =
        [("serviceName", "kintone"), ("provider", "サイボウズ株式会社"), ("purpose", "訓練の出欠管理")];

    private static (string Field, string Value)[] Data(string confidentiality) =>
        [("dataDescription", "職員の氏名と出欠"), ("confidentiality", confidentiality), ("users", "警防課の職員")];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.Equal(1, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Contains("8.4(2)②", record.AppliedClauses);
        Assert.DoesNotContain("8.3(5)②", record.AppliedClauses);
        Assert.Contains("8.4(2)②", record.NextStep);
        Assert.DoesNotContain("noSecondaryUse", record.Answers.Keys);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3A")]
    public async Task Confidentiality2OrHigher_GoesThroughThe83Checklist_ToTheApprovingAuthority(string confidentiality)
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", Service);
        await person.Press("次へ", Data(confidentiality));
        Assert.Equal(DataHandling.Select(c => c.Field), FieldIds(person.Card));
        Assert.Contains("根拠: 8.3(3)②(ア)", AllText(person.Card));
        await person.Press("次へ", DataHandling);
        Assert.Equal(Continuity.Select(c => c.Field), FieldIds(person.Card));

        await person.Press("次へ", [.. Continuity.Where(c => c.Field != "exitPlan"), ("exitPlan", "false")]);
        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(person.Card, "exitPlan"));
        Assert.Equal("ISMAP", InputValue(person.Card, "certifications"));
        Assert.Equal("true", InputValue(person.Card, "serviceLevel"));

        await person.Press("次へ", ("exitPlan", "true"));
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal((Isms.Workflows.Forms.FieldValues.ConfidentialityLevel(confidentiality), $"機密性{confidentiality}"), (record.HighestConfidentiality, record.ConfidentialityLabel));
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
        Assert.Contains("8.3(5)②", record.AppliedClauses);
        Assert.DoesNotContain("8.4(2)②", record.AppliedClauses);
        Assert.Contains("利用申請の許可権限者", record.NextStep);
        Assert.Equal("ISMAP", record.Answers["certifications"].Value);
        Assert.DoesNotContain("termsChecked", record.Answers.Keys);
    }

    [Fact]
    public async Task Confidentiality1_AsksOnlyTheTerms_AndTheTermsMustBeConfirmed()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Service);
        await person.Press("次へ", Data("1"));
        Assert.Equal(["termsChecked", "termsUrl", "serviceManagerPublic"], FieldIds(person.Card));

        await person.Press("次へ", ("termsChecked", "false"), ("termsUrl", "https://example.jp/terms"));

        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(person.Card, "termsChecked"));
        Assert.Equal("https://example.jp/terms", InputValue(person.Card, "termsUrl"));
    }

    [Fact]
    public async Task RaisingTheConfidentialityAfterTheConfirmation_SwitchesToThe83Checklist()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);

        await person.Press("修正する");
        while (!FieldIds(person.Card).Contains("confidentiality"))
        {
            await person.Press("次へ");
        }

        await person.Press("次へ", ("confidentiality", "3C"));
        Assert.Equal(DataHandling.Select(c => c.Field), FieldIds(person.Card));
        await person.Press("次へ", DataHandling);
        await person.Press("次へ", Continuity);
        Assert.Contains("機密性3C", Facts(person.Card)["取り扱う情報の機密性（最も高いもの）"]);
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal((3, "機密性3C"), (record.HighestConfidentiality, record.ConfidentialityLabel));
        Assert.DoesNotContain("termsChecked", record.Answers.Keys);
        Assert.Contains("8.3(5)①", record.AppliedClauses);
    }

    [Fact]
    public async Task ATamperedToggleValue_IsRefusedNextToTheToggle()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Service);
        await person.Press("次へ", Data("1"));

        await person.Press("次へ", ("termsChecked", "yes please"));

        Assert.Equal("値が正しくありません。チェックを入れ直してください。", ErrorFor(person.Card, "termsChecked"));
    }

    [Fact]
    public async Task AConfidentialityNotOnTheList_IsRefused_AndTheRestIsKept()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("confidentiality"));

        await person.Press("次へ", WithStep(PageOf("confidentiality"), "confidentiality", "0"));

        Assert.Equal("選択肢にない値です。一覧から選んでください。", ErrorFor(person.Card, "confidentiality"));
        Assert.Null(InputValue(person.Card, "confidentiality"));
        AssertStillOnPageWithTypedValuesKept(person.Card, PageOf("confidentiality"), except: "confidentiality", errors: 1);
    }

    [Fact]
    public async Task WordsAskingToUseKintone_StartTheFormWithTheServiceFilledIn()
    {
        var person = Host.Person();

        await person.Say("kintone使いたい");

        var card = Assert.Single(Pipeline.TeamsActivities.ReplyCards(person.Replies));
        Assert.Contains("クラウド利用申請（1/", AllText(card));
        Assert.Contains("入力済みの項目: サービス名", AllText(card));
        Assert.Equal(["provider", "purpose"], FieldIds(card));
        await FillRest(person);
        Assert.Equal("kintone", Facts(person.Card)["サービス名"]);
    }
}
