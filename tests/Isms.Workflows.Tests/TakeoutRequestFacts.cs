using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class TakeoutRequestFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>Every answer of the plain path, by field id (a card takes those of the questions it shows).</summary>
    internal static (string, string)[] Answers(string confidentiality = "1", string item = "usb", string processOutside = "no") =>
    [
        ("itemKind", item), ("assetNumber", "USB-012"), ("confidentiality", confidentiality), ("purpose", "県の会議で説明に使うため"),
        ("destination", "群馬県庁"), ("startDate", "2026-11-27"), ("endDate", "2026-11-28"), ("processOutside", processOutside),
    ];

    [Fact]
    public void Start_FillsInItemAndDates_FromTheWords_AndDoesNotAskThem()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest, "明日USBで資料持ち出したい");

        Assert.DoesNotContain("itemKind", InputFieldIds(session.Card));
        Assert.DoesNotContain("startDate", InputFieldIds(session.Card));
        Assert.Contains("入力済みの項目: 持ち出す物、持ち出す日（最後の確認画面で直せます）", AllText(session.Card));
        session.FillIn(Answers());
        Assert.Equal("電磁的記録媒体（USBメモリ）", Facts(session.Card)["持ち出す物"]);
        Assert.Equal("2026年11月27日（金）", Facts(session.Card)["持ち出す日"]);
        Assert.Contains("自動で入力した項目: 持ち出す物、持ち出す日。", AllText(session.Card));
    }

    [Fact]
    public void OneSentenceSayingWhatWhenAndWhere_ReachesItsNumberInThreeTaps()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest, "明日から2日間、ノートPCを県の研修に持ち出します");

        Assert.Equal(["assetNumber", "confidentiality", "processOutside"], InputFieldIds(session.Card));
        var taps = session.FillIn(("assetNumber", "PC-0123"), ("confidentiality", "2"), ("processOutside", "no"), ("transportMeasure", "暗号化・パスワードを設定する"));
        session.Click("送信");

        Assert.Equal(3, taps + 1);
        var record = session.Last.CreatedRecord!;
        Assert.Equal("terminal", record.Answers["itemKind"].Value);
        Assert.Equal("2026-11-27", record.Answers["startDate"].Value);
        Assert.Equal("2026-11-28", record.Answers["endDate"].Value);
        Assert.Equal("県の研修会場", record.Answers["destination"].Value);
        Assert.Equal("県の研修のため", record.Answers["purpose"].Value);
    }

    [Fact]
    public void TheDestination_StartsAsTheLastOne()
    {
        var first = _harness.Session(FormHarness.Alice);
        first.Start(FormKind.TakeoutRequest);
        first.FillIn(Answers());
        first.Click("送信");

        var second = _harness.Session(FormHarness.Alice);
        second.Start(FormKind.TakeoutRequest, "明日USBで資料持ち出したい");
        second.FillIn(("purpose", "別の会議"), ("assetNumber", ""), ("endDate", "2026-11-27"), ("confidentiality", "1"), ("processOutside", "no"));

        Assert.Equal("群馬県庁", Facts(second.Card)["持ち出し先"]);
        Assert.Contains("持ち出し先", AllText(second.Card)[AllText(second.Card).IndexOf("自動で入力した項目", StringComparison.Ordinal)..]);
        var someoneElse = _harness.Session(FormHarness.Bob);
        someoneElse.Start(FormKind.TakeoutRequest);
        someoneElse.Next(("itemKind", "usb"), ("startDate", "2026-11-27"), ("endDate", "2026-11-27"));
        Assert.Contains("destination", InputFieldIds(someoneElse.Card));
        Assert.Null(InputValue(someoneElse.Card, "destination"));
    }

    [Fact]
    public void HappyPath_Confidentiality1_SkipsTransportMeasures_AndCreatesPendingRecord()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(Answers());
        Assert.DoesNotContain("encryption", Facts(session.Card).Keys);

        Assert.Equal("群馬県庁", Facts(session.Card)["持ち出し先"]);
        Assert.Equal("2026年11月27日（金）", Facts(session.Card)["持ち出す日"]);
        session.Click("送信");

        var record = Assert.IsType<RequestRecord>(session.Last.CreatedRecord);
        Assert.Equal("持出-2026-0001", record.Number);
        Assert.Equal(RequestStatus.PendingApproval, record.Status);
        Assert.Equal(1, record.HighestConfidentiality);
        Assert.False(record.IsIncident);
        Assert.Equal("電磁的記録媒体（USBメモリ）", record.Answers["itemKind"].Display);
        Assert.Equal("usb", record.Answers["itemKind"].Value);
        Assert.Equal("消防本部 総務課", record.Applicant.Department);
        Assert.Contains("5.1(1)③(イ)", record.AppliedClauses);
        Assert.DoesNotContain("2(2)⑧(イ)", record.AppliedClauses);
        Assert.Single(_harness.AllRecords());
        Assert.False(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Fact]
    public void Confidentiality2_AsksWhichMeasureIsTaken()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(Answers(confidentiality: "2"));

        Assert.Equal(["transportMeasure", "otherMeasures"], InputFieldIds(session.Card));
        session.Next();
        Assert.Equal("選択してください。", ErrorFor(session.Card, "transportMeasure"));

        session.Next(("transportMeasure", "鍵付きのケースなどに入れる"));
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("2", record.ConfidentialityClass);
        Assert.Contains("2(2)⑧(イ)", record.AppliedClauses);
        Assert.Equal("鍵付きのケースなどに入れる", record.Answers["transportMeasure"].Display);
    }

    [Fact]
    public void PaperOfConfidentiality3B_AsksTheMeasureToo()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(Answers(confidentiality: "3B", item: "paper"));

        Assert.Equal(["transportMeasure", "otherMeasures"], InputFieldIds(session.Card));
    }

    [Fact]
    public void ProcessingOutside_AsksWhere()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(Answers(processOutside: "yes"));

        Assert.Contains("outsideWorkPlace", InputFieldIds(session.Card));
        session.Next();
        Assert.Equal("入力してください。", ErrorFor(session.Card, "outsideWorkPlace"));
        session.Next(("outsideWorkPlace", "県庁の会議室"));
        session.Click("送信");
        Assert.Contains("5.1(1)③(ウ)", session.Last.CreatedRecord!.AppliedClauses);
    }

    [Theory]
    [InlineData("startDate", "2026-11-25", "過去の日付は指定できません。今日以降の日付を選んでください。")]
    [InlineData("startDate", "2027-11-27", "1年より先の日付は指定できません。")]
    [InlineData("startDate", "2026-13-01", "日付の形式が正しくありません。")]
    [InlineData("endDate", "2026-11-26", "返却予定日は持ち出す日と同じか、それより後の日付にしてください。")]
    [InlineData("itemKind", "rocket", "選択肢にない値です。一覧から選んでください。")]
    [InlineData("destination", "", "入力してください。")]
    [InlineData("destination", "   ", "入力してください。")]
    public void InvalidAnswer_IsReportedNextToTheField_AndEverythingTypedIsKept(string field, string value, string expected)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var answers = Answers().Where(a => a.Item1 != field).Append((field, value)).ToArray();
        if (field == "endDate")
        {
            answers = [.. answers.Where(a => a.Item1 != "startDate"), ("startDate", "2026-11-27")];
        }

        session.FillIn(answers);

        Assert.Equal(expected, ErrorFor(session.Card, field));
        var neighbour = field is "destination" ? "purpose" : "assetNumber";
        Assert.Equal(Answers().Single(a => a.Item1 == neighbour).Item2, InputValue(session.Card, neighbour));
        Assert.Contains("入力内容を確認してください（1件）。", AllText(session.Card));
        Assert.Empty(_harness.AllRecords());
    }

    [Fact]
    public void TooLongText_IsRejected_ButKept()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var longText = new string('あ', 5000);

        session.FillIn([.. Answers().Where(a => a.Item1 != "purpose"), ("purpose", longText)]);

        Assert.Equal("2,000文字以内で入力してください（現在 5,000文字）。", ErrorFor(session.Card, "purpose"));
        Assert.Equal(longText, InputValue(session.Card, "purpose"));
    }
}
