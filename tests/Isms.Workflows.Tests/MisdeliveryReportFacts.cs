using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class MisdeliveryReportFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    internal static (string, string)[] FirstStep(string hasAttachment = "no") =>
    [
        ("sentDate", "2026-11-26"), ("sentTime", "09:15"), ("recipientAddress", "someone@example.jp"),
        ("recipientOrganisation", "株式会社例"), ("recipientScope", "outside"), ("subject", "会議資料の送付"), ("hasAttachment", hasAttachment),
    ];

    private static readonly (string, string)[] LastStep =
        [("howNoticed", "送信直後に宛先を見て気付きました。"), ("deletionStatus", "requested")];

    private RequestRecord Report(string confidentiality, string personalData, string? count = null)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport, "メール誤送信しちゃった");
        session.Next(FirstStep());
        session.Next(("confidentiality", confidentiality), ("personalData", personalData));
        if (count is not null)
        {
            session.Next(("personalDataCount", count));
        }

        session.Next(LastStep);
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
    public void Confidentiality3_MakesItAnIncident()
    {
        var record = Report(confidentiality: "3", personalData: "no");

        Assert.True(record.IsIncident);
        Assert.Equal(3, record.HighestConfidentiality);
    }

    [Fact]
    public void Attachment_AsksForItsName()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.Next(FirstStep(hasAttachment: "yes"));

        Assert.Equal(["attachmentNames", "confidentiality", "personalData"], InputFieldIds(session.Card));
    }

    [Fact]
    public void FutureSendDate_IsRejected()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.Next([.. FirstStep().Where(f => f.Item1 != "sentDate"), ("sentDate", "2026-11-27")]);

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(session.Card, "sentDate"));
    }

    [Fact]
    public void ConfirmationCard_WarnsThatItIsAnIncident()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        session.Next(FirstStep());
        session.Next(("confidentiality", "3"), ("personalData", "no"));
        session.Next(LastStep);

        Assert.Contains("情報セキュリティインシデントとして扱われ", AllText(session.Card));
    }

    [Fact]
    public void Prefill_ReadsTheDayItWasSent()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport, "昨日の15時にメールを誤送信しました");

        Assert.Equal("2026-11-25", InputValue(session.Card, "sentDate"));
        Assert.Equal("15:00", InputValue(session.Card, "sentTime"));
    }
}
