using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class TakeoutRequestFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    internal static (string, string)[] FirstStep(string confidentiality = "1", string item = "usb") =>
    [
        ("itemKind", item), ("assetNumber", "USB-012"), ("confidentiality", confidentiality), ("purpose", "県の会議で説明に使うため"),
        ("destination", "群馬県庁"), ("startDate", "2026-11-27"), ("endDate", "2026-11-28"), ("processOutside", "no"),
    ];

    [Fact]
    public void Start_PrefillsItemAndDate_FromTheWords()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest, "明日USBで資料持ち出したい");

        Assert.Equal("usb", InputValue(session.Card, "itemKind"));
        Assert.Equal("2026-11-27", InputValue(session.Card, "startDate"));
        Assert.Contains("メッセージから分かる項目を入力しておきました", AllText(session.Card));
    }

    [Fact]
    public void HappyPath_Confidentiality1_SkipsTransportMeasures_AndCreatesPendingRecord()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next(FirstStep());

        Assert.Equal(["otherMeasures"], InputFieldIds(session.Card));
        session.Next();
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
    public void Confidentiality2_RequiresEncryptionAndLockedCase()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next(FirstStep(confidentiality: "2"));

        Assert.Equal(["encryption", "lockedCase", "otherMeasures"], InputFieldIds(session.Card));
        session.Next();
        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(session.Card, "encryption"));
        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(session.Card, "lockedCase"));

        session.Next(("encryption", "true"), ("lockedCase", "true"));
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Contains("2(2)⑧(イ)", record.AppliedClauses);
        Assert.Equal("確認しました", record.Answers["encryption"].Display);
    }

    [Fact]
    public void PaperOfConfidentiality3_NeedsLockedCaseButNotEncryption()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next(FirstStep(confidentiality: "3", item: "paper"));

        Assert.Equal(["lockedCase", "otherMeasures"], InputFieldIds(session.Card));
    }

    [Fact]
    public void ProcessingOutside_AsksWhere()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next([.. FirstStep().Where(f => f.Item1 != "processOutside"), ("processOutside", "yes")]);

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
        var inputs = FirstStep().ToDictionary(f => f.Item1, f => f.Item2);
        inputs[field] = value;
        if (field == "endDate")
        {
            inputs["startDate"] = "2026-11-27";
        }

        session.Click("次へ", inputs);

        Assert.Equal(expected, ErrorFor(session.Card, field));
        Assert.Equal("県の会議で説明に使うため", InputValue(session.Card, "purpose"));
        Assert.Equal("USB-012", InputValue(session.Card, "assetNumber"));
        Assert.Contains("入力内容を確認してください（1件）。", AllText(session.Card));
        Assert.Empty(_harness.AllRecords());
    }

    [Fact]
    public void TooLongText_IsRejected_ButKept()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var inputs = FirstStep().ToDictionary(f => f.Item1, f => f.Item2);
        var longText = new string('あ', 5000);
        inputs["purpose"] = longText;

        session.Click("次へ", inputs);

        Assert.Equal("2,000文字以内で入力してください（現在 5,000文字）。", ErrorFor(session.Card, "purpose"));
        Assert.Equal(longText, InputValue(session.Card, "purpose"));
    }
}
