using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class WebMeetingRequestFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>Every answer of the plain path, by field id (a card takes those of the questions it shows).</summary>
    internal static (string, string)[] Answers(string service = "zoom", string confidentiality = "1", string terminal = "issued") =>
    [
        ("meetingRole", "invited"), ("hostOrganisation", "群馬県"), ("meetingTitle", "消防救急無線の担当者会議"), ("service", service),
        ("meetingDate", "2026-12-01"), ("startTime", "14:00"), ("endTime", "15:30"),
        ("confidentiality", confidentiality), ("terminal", terminal), ("network", "office"), ("recording", "none"),
    ];

    [Fact]
    public void Start_FillsInServiceAndHost_FromTheWords()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest, "県のZoomに招待された");

        Assert.Equal(["meetingTitle"], InputFieldIds(session.Card).Take(1));
        Assert.DoesNotContain("service", InputFieldIds(session.Card));
        session.FillIn(Answers().Where(a => a.Item1 is not ("service" or "hostOrganisation")).ToArray());
        Assert.Equal("Zoom", Facts(session.Card)["Web会議サービス"]);
        Assert.Equal("群馬県", Facts(session.Card)["主催団体"]);
    }

    [Fact]
    public void OneSentenceSayingWhatWhenAndWhere_ReachesItsNumberInThreeTaps()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest, "12月3日14時から16時まで、県の広域化検討会にZoomで参加します");

        var taps = session.FillIn(("confidentiality", "1"), ("recording", "none"), ("terminal", "issued"), ("network", "office"));
        session.Click("送信");

        Assert.Equal(3, taps + 1);
        var answers = session.Last.CreatedRecord!.Answers;
        Assert.Equal(["群馬県", "広域化検討会", "zoom", "2026-12-03", "14:00", "16:00", "館林 花子（消防本部 総務課）"],
            new[] { "hostOrganisation", "meetingTitle", "service", "meetingDate", "startTime", "endTime", "participants" }.Select(f => answers[f].Value));
    }

    [Fact]
    public void HappyPath_CreatesAPendingRequest()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.FillIn(Answers());
        Assert.Equal("Zoom", Facts(session.Card)["Web会議サービス"]);
        Assert.Equal("館林 花子（消防本部 総務課）", Facts(session.Card)["参加する職員"]);
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
        session.Next(Answers(service: "other"));

        Assert.Contains("serviceOther", InputFieldIds(session.Card));
        session.Next([.. Answers(), ("serviceOther", "Whereby")]);
        Assert.DoesNotContain("serviceOther", InputFieldIds(session.Card));
    }

    [Fact]
    public void ConfidentialMeeting_OnAnotherTerminal_AsksForReasonAndMeasures()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.FillIn(Answers(confidentiality: "2", terminal: "other"));

        Assert.Contains("terminalReason", InputFieldIds(session.Card));
        Assert.Contains("confidentialMeasures", InputFieldIds(session.Card));
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
        session.FillIn([.. Answers().Where(a => a.Item1 != field), (field, value)]);

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
