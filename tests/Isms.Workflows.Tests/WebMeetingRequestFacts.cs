using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class WebMeetingRequestFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    internal static (string, string)[] FirstStep(string service = "zoom") =>
    [
        ("hostOrganisation", "群馬県"), ("meetingTitle", "消防救急無線の担当者会議"), ("service", service),
        ("meetingDate", "2026-12-01"), ("startTime", "14:00"), ("endTime", "15:30"),
    ];

    internal static (string, string)[] SecondStep(string confidentiality = "1", string terminal = "issued") =>
    [
        ("participants", "警防課 館林 花子"), ("confidentiality", confidentiality), ("terminal", terminal),
        ("network", "office"), ("recording", "none"),
    ];

    [Fact]
    public void Start_PrefillsServiceAndHost_FromTheWords()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest, "県のZoomに招待された");

        Assert.Equal("zoom", InputValue(session.Card, "service"));
        Assert.Equal("群馬県", InputValue(session.Card, "hostOrganisation"));
    }

    [Fact]
    public void HappyPath_CreatesAPendingRequest()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.Next(FirstStep());
        session.Next(SecondStep());
        Assert.Equal("Zoom", Facts(session.Card)["Web会議サービス"]);
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Equal("Web会議-2026-0001", record.Number);
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
        Assert.Equal("14:00", record.Answers["startTime"].Value);
        Assert.Contains("6.1(21)④", record.AppliedClauses);
        Assert.Contains("所属の情報セキュリティ管理者", record.NextStep);
    }

    [Fact]
    public void OtherService_AsksItsName()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.Next(FirstStep(service: "other"));

        Assert.Contains("serviceOther", InputFieldIds(session.Card));
        session.Next(("serviceOther", "Whereby"));
        Assert.Contains("参加方法と取り扱う情報", AllText(session.Card));
    }

    [Fact]
    public void ConfidentialMeeting_OnAnotherTerminal_AsksForReasonAndMeasures()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.Next(FirstStep());
        session.Next(SecondStep(confidentiality: "2", terminal: "other"));

        Assert.Contains("terminalReason", InputFieldIds(session.Card));
        Assert.Contains("confidentialMeasures", InputFieldIds(session.Card));
        session.Next();
        Assert.Equal("入力してください。", ErrorFor(session.Card, "terminalReason"));
    }

    [Theory]
    [InlineData("meetingDate", "2026-11-20", "過去の日付は指定できません。今日以降の日付を選んでください。")]
    [InlineData("startTime", "25:99", "時刻の形式が正しくありません。")]
    [InlineData("service", "skype", "選択肢にない値です。一覧から選んでください。")]
    [InlineData("meetingTitle", "", "入力してください。")]
    public void InvalidAnswers_AreReported(string field, string value, string expected)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        var inputs = FirstStep().ToDictionary(f => f.Item1, f => f.Item2);
        inputs[field] = value;
        session.Click("次へ", inputs);

        Assert.Equal(expected, ErrorFor(session.Card, field));
    }

    [Fact]
    public void ApproverIsASetting()
    {
        using var harness = new FormHarness();
        harness.Options.WebMeetingApprover = "統括情報セキュリティ責任者";
        var catalog = new FormCatalog(harness.Options);

        Assert.StartsWith("統括情報セキュリティ責任者が", catalog.Get(FormKind.WebMeetingRequest).NextStep);
    }
}
