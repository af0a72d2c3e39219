using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class WebMeetingRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "Web会議申請";

    protected override string Title => "Web会議申請";

    protected override string NumberPrefix => "Web会議";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps => [FirstStep("zoom"), SecondStep("1", "issued")];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("meetingTitle", "会議名", 200, "防災担当者会議（第2回）");

    private static (string Field, string Value)[] FirstStep(string service) =>
    [
        ("hostOrganisation", "群馬県"), ("meetingTitle", "防災担当者会議"), ("service", service),
        ("meetingDate", BotHost.Date(7)), ("startTime", "14:00"), ("endTime", "15:30"),
    ];

    private static (string Field, string Value)[] SecondStep(string confidentiality, string terminal) =>
    [
        ("participants", "警防課 山田太郎"), ("confidentiality", confidentiality), ("terminal", terminal), ("network", "office"),
        ("recording", "none"),
    ];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.Equal(1, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Contains("6.1(21)④", record.AppliedClauses);
        Assert.Contains("所属の情報セキュリティ管理者", record.NextStep);
        Assert.Equal("Zoom", record.Answers["service"].Display);
    }

    [Fact]
    public async Task AnotherService_AsksItsName_BeforeMovingOn()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", FirstStep("other"));

        Assert.Contains("回答に応じて確認する項目が増えました。", AllText(person.Card));
        Assert.Contains("Web会議申請（1/2）", AllText(person.Card));
        Assert.Contains("serviceOther", FieldIds(person.Card));
        await person.Press("次へ", ("serviceOther", "LINE WORKS"));
        Assert.Contains("Web会議申請（2/2）", AllText(person.Card));
    }

    [Fact]
    public async Task Confidentiality2OnAnotherTerminal_AsksWhyAndWhichMeasures()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", FirstStep("teams"));

        await person.Press("次へ", SecondStep("2", "other"));
        Assert.Contains("terminalReason", FieldIds(person.Card));
        Assert.Contains("confidentialMeasures", FieldIds(person.Card));

        await person.Press("次へ", ("terminalReason", "支給端末にカメラがないため"), ("confidentialMeasures", "個室から参加し、共有資料を限定する"));
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("個室から参加し、共有資料を限定する", record.Answers["confidentialMeasures"].Value);
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
    }

    [Fact]
    public async Task AMeetingDateInThePast_IsShownNextToTheField_AndKept()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", WithFirstStep("meetingDate", BotHost.Date(-1)));

        Assert.Equal("過去の日付は指定できません。今日以降の日付を選んでください。", ErrorFor(person.Card, "meetingDate"));
        Assert.Equal(BotHost.Date(-1), InputValue(person.Card, "meetingDate"));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: "meetingDate", errors: 1);
    }

    [Fact]
    public async Task ATimeThatIsNotATime_IsRefused()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", WithFirstStep("startTime", "25:99"));

        Assert.Equal("時刻の形式が正しくありません。", ErrorFor(person.Card, "startTime"));
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: "startTime", errors: 1);
    }
}
