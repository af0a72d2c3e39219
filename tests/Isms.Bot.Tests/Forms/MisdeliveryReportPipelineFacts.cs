using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class MisdeliveryReportPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    private static readonly (string Field, string Value)[] HowNoticed = [("howNoticed", "送信直後に宛先を見て気付きました。")];

    private static readonly (string Field, string Value)[] Response = [("deletionStatus", "requested"), ("actionsTaken", "上司に報告しました。")];

    protected override string Command => "誤送信報告";

    protected override string Title => "誤送信報告";

    protected override string NumberPrefix => "誤送信";

    protected override RequestStatus InitialStatus => RequestStatus.Submitted;

    protected override (string Field, string Value)[][] Steps =>
        [Mail, Recipient("no"), [("confidentiality", "2"), ("personalData", "no")], HowNoticed, Response];

    protected override int Taps => 6;

    protected override string SenderRole => "報告者";

    /// <summary>The day it was sent starts as today and is not asked (修正する shows it).</summary>
    protected override (string Field, string Value)[] Defaulted(TeamsActivities.TeamsUser person) => [("sentDate", BotHost.Date(0))];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("subject", "件名", 200, "【再送】会議資料の送付");

    private static readonly (string Field, string Value)[] Mail =
        [("sentTime", "09:15"), ("recipientAddress", "someone@example.jp"), ("recipientOrganisation", "株式会社例")];

    private static (string Field, string Value)[] Recipient(string hasAttachment) =>
        [("recipientScope", "outside"), ("subject", "会議資料の送付"), ("hasAttachment", hasAttachment)];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Contains("6.1(15)④", record.AppliedClauses);
        Assert.DoesNotContain("5.3(1)①", record.AppliedClauses);
        Assert.Contains("情報セキュリティ管理者が内容を確認します", record.NextStep);
    }

    [Fact]
    public async Task PersonalData_AsksHowMany_AndMakesTheReportAnIncident()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Mail);
        await person.Press("次へ", Recipient("no"));

        await person.Press("次へ", ("confidentiality", "2"), ("personalData", "yes"));
        Assert.Equal(["personalDataCount", "howNoticed"], FieldIds(person.Card));

        await person.Press("次へ", [("personalDataCount", "10-99"), .. HowNoticed]);
        await person.Press("次へ", Response);
        Assert.Contains("この報告は情報セキュリティインシデントとして扱われ", AllText(person.Card));
        var number = await SubmitAndReadNumber(person);
        Assert.Contains("情報セキュリティインシデントとして扱います。", AllText(person.Card));

        var record = Host.Records.FindByNumber(number)!;
        Assert.True(record.IsIncident);
        Assert.Equal(RequestStatus.Submitted, record.Status);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
        Assert.Contains("5.3(1)④", record.AppliedClauses);
        Assert.Contains("個人情報保護委員会", record.NextStep);
        Assert.Equal("10〜99人", record.Answers["personalDataCount"].Display);
    }

    [Fact]
    public async Task Confidentiality3C_WithoutPersonalData_IsAlsoAnIncident()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Mail);
        await person.Press("次へ", Recipient("no"));
        await person.Press("次へ", ("confidentiality", "3C"), ("personalData", "no"));
        await person.Press("次へ", HowNoticed);
        await person.Press("次へ", Response);

        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.True(record.IsIncident);
        Assert.Equal((3, "3C"), (record.HighestConfidentiality, record.ConfidentialityClass));
    }

    [Fact]
    public async Task AnAttachment_AsksForItsFileName()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Mail);

        await person.Press("次へ", Recipient("yes"));

        Assert.Equal(["attachmentNames", "confidentiality", "personalData"], FieldIds(person.Card));
        await person.Press("次へ", ("confidentiality", "1"), ("personalData", "no"));
        Assert.Equal("入力してください。", ErrorFor(person.Card, "attachmentNames"));
    }

    [Fact]
    public async Task ASendDateInTheFuture_IsShownNextToTheField_AndKept()
    {
        var person = Host.Person();
        await Start(person);
        Assert.DoesNotContain("sentDate", FieldIds(person.Card));
        await FillToConfirmation(person);
        await person.Press("修正する");
        Assert.Equal(BotHost.Date(0), InputValue(person.Card, "sentDate"));

        await person.Press("次へ", ("sentDate", BotHost.Date(1)));

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(person.Card, "sentDate"));
        Assert.Equal(BotHost.Date(1), InputValue(person.Card, "sentDate"));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: "sentDate", errors: 1);
    }

    [Fact]
    public async Task ARecipientScopeNotOnTheList_IsRefused()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("recipientScope"));

        await person.Press("次へ", WithStep(PageOf("recipientScope"), "recipientScope", "everyone"));

        Assert.Equal("選択肢にない値です。一覧から選んでください。", ErrorFor(person.Card, "recipientScope"));
        AssertStillOnPageWithTypedValuesKept(person.Card, PageOf("recipientScope"), except: "recipientScope", errors: 1);
    }

    [Fact]
    public async Task WordsSayingAnEmailWentToTheWrongPerson_StartTheReport()
    {
        var person = Host.Person();

        await person.Say("メール誤送信しちゃった");

        var card = Assert.Single(Pipeline.TeamsActivities.ReplyCards(person.Replies));
        Assert.Contains("誤送信報告（1/", AllText(card));
        Assert.Contains("入力済みの項目: 送信した日（最後の確認画面で直せます）", AllText(card));
        Assert.Equal(["sentTime", "recipientAddress", "recipientOrganisation"], FieldIds(card));
    }
}
