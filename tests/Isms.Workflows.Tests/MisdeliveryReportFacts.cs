using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class MisdeliveryReportFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>Every answer of the plain path, by field id (a card takes those of the questions it shows).</summary>
    internal static (string, string)[] Answers(string hasAttachment = "no", string confidentiality = "2", string personalData = "no") =>
    [
        ("sentDate", "2026-11-26"), ("sentTime", "09:15"), ("recipientAddress", "someone@example.jp"),
        ("recipientOrganisation", "株式会社例"), ("recipientScope", "outside"), ("subject", "会議資料の送付"), ("hasAttachment", hasAttachment),
        ("confidentiality", confidentiality), ("personalData", personalData),
        ("howNoticed", "送信直後に宛先を見て気付きました。"), ("deletionStatus", "requested"),
    ];

    private RequestRecord Report(string confidentiality, string personalData, string? count = null)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport, "メール誤送信しちゃった");
        session.FillIn([.. Answers(confidentiality: confidentiality, personalData: personalData), ("personalDataCount", count ?? "")]);
        session.Click("送信");
        return session.Last.CreatedRecord!;
    }

    [Fact]
    public void HappyPath_WithoutPersonalData_IsAReportAwaitingTheManager()
    {
        var record = Report(confidentiality: "2", personalData: "no");

        Assert.Equal("誤送信-2026-0001", record.Number);
        Assert.Equal(RequestStatus.Submitted, record.Status);
        Assert.False(record.IsIncident);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal(["6.1(15)④", "2(1)", "5.3(1)④"], record.AppliedClauses);
        Assert.Contains("情報セキュリティ管理者が内容を確認します", record.NextStep);
    }

    [Fact]
    public void PersonalData_MakesItAnIncident_FlaggedForThePrivacyCommission()
    {
        var record = Report(confidentiality: "2", personalData: "yes", count: "10-99");

        Assert.True(record.IsIncident);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
        Assert.Contains("5.3(1)④", record.AppliedClauses);
        Assert.Contains("個人情報保護委員会", record.NextStep);
        Assert.Equal("10〜99人", record.Answers["personalDataCount"].Display);
    }

    [Fact]
    public void NotKnowingAboutPersonalData_IsHandledAsPersonalData_OnTheSafeSide()
    {
        var record = Report(confidentiality: "2", personalData: "unknown");

        Assert.True(record.IsIncident);
        Assert.Equal("分からない", record.Answers["personalData"].Display);
        Assert.Contains("5.3(1)④", record.AppliedClauses);
        Assert.Contains("分からないため、含まれている場合と同じく", record.NextStep);
        Assert.DoesNotContain("personalDataCount", record.Answers.Keys);
    }

    [Fact]
    public void Confidentiality3_MakesItAnIncident()
    {
        var record = Report(confidentiality: "3C", personalData: "no");

        Assert.True(record.IsIncident);
        Assert.Equal(3, record.HighestConfidentiality);
    }

    [Fact]
    public void Attachment_AsksForItsName()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.FillIn(Answers(hasAttachment: "yes"));

        Assert.Equal("入力してください。", ErrorFor(session.Card, "attachmentNames"));
        Assert.Equal(["attachmentNames", "confidentiality", "personalData"], InputFieldIds(session.Card));
    }

    [Fact]
    public void FutureSendDate_IsRejected()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.FillIn(Answers());
        session.Click("修正する");
        session.Next([.. Answers().Where(f => f.Item1 != "sentDate"), ("sentDate", "2026-11-27")]);

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(session.Card, "sentDate"));
    }

    [Fact]
    public void ConfirmationCard_WarnsThatItIsAnIncident()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.FillIn(Answers(confidentiality: "3B"));

        Assert.Contains("情報セキュリティインシデントとして扱われ", AllText(session.Card));
    }

    [Fact]
    public void Prefill_ReadsTheDayItWasSent()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport, "昨日の15時に県の担当者へメールを誤送信しました");
        Assert.DoesNotContain("sentDate", InputFieldIds(session.Card));
        session.FillIn(Answers().Where(a => a.Item1 is not ("sentDate" or "sentTime" or "recipientOrganisation")).ToArray());

        Assert.Equal("2026年11月25日（水）", Facts(session.Card)["送信した日"]);
        Assert.Equal("15:00", Facts(session.Card)["送信したおおよその時刻"]);
        Assert.Equal("群馬県", Facts(session.Card)["宛先の組織名・氏名（分かる範囲で）"]);
    }

    [Fact]
    public void TheDayItWasSent_IsTodayUnlessTheWordsSayOtherwise()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);

        Assert.DoesNotContain("sentDate", InputFieldIds(session.Card));
        Assert.Contains("入力済みの項目: 送信した日", AllText(session.Card));
        session.FillIn(Answers().Where(a => a.Item1 != "sentDate").ToArray());
        Assert.Equal("2026年11月26日（木）", Facts(session.Card)["送信した日"]);
    }
}
