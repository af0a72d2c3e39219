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

    protected override (string Field, string Value)[][] Steps =>
        [Meeting("zoom"), When, [("confidentiality", "1"), ("recording", "none")], Terminal("issued")];

    protected override int Taps => 5;

    /// <summary>The participants start as the applicant, named and placed as the directory has them.</summary>
    protected override (string Field, string Value)[] Defaulted(TeamsActivities.TeamsUser person) =>
        [("participants", $"{TestStaffDirectory.DirectoryName(person)}（{Department}）")];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("meetingTitle", "会議名", 200, "防災担当者会議（第2回）");

    private static readonly (string Field, string Value)[] When = [("meetingDate", BotHost.Date(7)), ("startTime", "14:00"), ("endTime", "15:30")];

    private static (string Field, string Value)[] Meeting(string service) =>
        [("hostOrganisation", "群馬県"), ("meetingTitle", "防災担当者会議"), ("service", service)];

    private static (string Field, string Value)[] Terminal(string terminal) => [("terminal", terminal), ("network", "office")];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.Equal(1, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Contains("6.1(21)④", record.AppliedClauses);
        Assert.Contains("所属の情報セキュリティ管理者", record.NextStep);
        Assert.Equal("Zoom", record.Answers["service"].Display);
    }

    /// <summary>6.1(21)③: hosting is the host's duty, not an application: the reply gives the duties, and no record or
    /// draft is left behind.</summary>
    [Fact]
    public async Task HostingAMeeting_SaidInTheWords_GetsTheHostsDuties_AndNoApplication()
    {
        var person = Host.Person();

        await person.Say("来週、Teamsで消防団との会議を主催します");

        var said = Everything(person);
        Assert.Contains("申請は不要", said);
        Assert.Contains("6.1(21)③", said);
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
        await person.Say("申請状況");
        Assert.DoesNotContain("Web会議-", Everything(person));
    }

    private static string Everything(FormConversation person) =>
        string.Join("\n", person.Texts.Concat(TeamsActivities.ReplyCards(person.Replies).Select(AllText)));

    [Fact]
    public async Task AnotherService_AsksItsName_BeforeMovingOn()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", Meeting("other"));

        // The total counts the questions later answers may still bring (the counter itself: FormPageNumberFacts).
        Assert.Contains("Web会議申請（2/5）", AllText(person.Card));
        Assert.Equal(["serviceOther", "meetingDate", "startTime", "endTime"], FieldIds(person.Card));
        await person.Press("次へ", [("serviceOther", "LINE WORKS"), .. When]);
        Assert.Contains("Web会議申請（3/", AllText(person.Card));
    }

    [Fact]
    public async Task Confidentiality2OnAnotherTerminal_AsksWhyAndWhichMeasures()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Meeting("teams"));
        await person.Press("次へ", When);
        await person.Press("次へ", ("confidentiality", "2"), ("recording", "none"));

        await person.Press("次へ", Terminal("other"));
        Assert.Equal(["terminalReason", "confidentialMeasures"], FieldIds(person.Card));

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
        await ReachPage(person, PageOf("meetingDate"));

        await person.Press("次へ", WithStep(PageOf("meetingDate"), "meetingDate", BotHost.Date(-1)));

        Assert.Equal("過去の日付は指定できません。今日以降の日付を選んでください。", ErrorFor(person.Card, "meetingDate"));
        Assert.Equal(BotHost.Date(-1), InputValue(person.Card, "meetingDate"));
        AssertStillOnPageWithTypedValuesKept(person.Card, PageOf("meetingDate"), except: "meetingDate", errors: 1);
    }

    [Fact]
    public async Task ATimeThatIsNotATime_IsRefused()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("startTime"));

        await person.Press("次へ", WithStep(PageOf("startTime"), "startTime", "25:99"));

        Assert.Equal("時刻の形式が正しくありません。", ErrorFor(person.Card, "startTime"));
        AssertStillOnPageWithTypedValuesKept(person.Card, PageOf("startTime"), except: "startTime", errors: 1);
    }
}
