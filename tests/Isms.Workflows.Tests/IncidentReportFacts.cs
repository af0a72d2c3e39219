using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class IncidentReportFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    internal static (string, string)[] FirstStep(string kind = "loss_theft", string reportedBy = "self") =>
    [
        ("incidentKind", kind), ("occurredDate", "2026-11-25"), ("foundDate", "2026-11-26"), ("foundTime", "08:30"),
        ("description", "公用スマートフォンが見当たりません。"), ("reportedBy", reportedBy),
    ];

    internal static (string, string)[] SecondStep(string personalData = "no") =>
    [
        ("affectedAssets", "公用スマートフォン1台"), ("confidentiality", "2"), ("personalData", personalData),
        ("firstResponse", "立ち寄り先に問い合わせました。"),
    ];

    [Fact]
    public void LostPhone_IsAlwaysAnIncident_AndAsksAboutACrime()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport, "公用スマホなくした");
        Assert.Equal("loss_theft", InputValue(session.Card, "incidentKind"));

        session.Next(FirstStep());
        Assert.Contains("possibleCrime", InputFieldIds(session.Card));
        Assert.DoesNotContain("networkDisconnected", InputFieldIds(session.Card));
        session.Next([.. SecondStep(), ("possibleCrime", "yes")]);
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Equal("インシデント-2026-0001", record.Number);
        Assert.True(record.IsIncident);
        Assert.Equal(RequestStatus.Submitted, record.Status);
        Assert.Contains("6.5(3)", record.AppliedClauses);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
    }

    [Fact]
    public void SuspectedMalware_AnswersAtOnceWithTheFirstResponseSteps()
    {
        var session = _harness.Session(FormHarness.Alice);
        var reply = session.Start(FormKind.IncidentReport, "変な添付ファイルを開いてしまった");

        Assert.Equal(IncidentReportDefinition.MalwareFirstResponse, reply.Messages[0].Text);
        Assert.Contains("LANケーブルを抜いて", reply.Messages[0].Text);
        Assert.Contains("電源は切らないで", reply.Messages[0].Text);
        Assert.Contains("6.4(3)⑦", reply.Messages[0].Text);
        Assert.NotNull(reply.Messages[1].Card);

        session.Next(FirstStep(kind: "malware"));
        Assert.Empty(session.Texts);
        Assert.Equal("networkDisconnected", InputFieldIds(session.Card)[0]);
    }

    [Fact]
    public void ChoosingMalwareOnTheCard_AlsoGivesTheFirstResponseStepsOnce()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport);
        Assert.Empty(session.Texts);

        session.Next(FirstStep(kind: "malware"));
        Assert.Equal([IncidentReportDefinition.MalwareFirstResponse], session.Texts);
        session.Next([.. SecondStep(), ("networkDisconnected", "done")]);
        Assert.Empty(session.Texts);
        session.Click("送信");
        Assert.Contains("6.4(3)⑦", session.Last.CreatedRecord!.AppliedClauses);
    }

    [Fact]
    public void ReportFromAResident_AndPersonalData_CiteTheirClauses()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport);
        session.Next(FirstStep(kind: "leak", reportedBy: "outside"));
        session.Next(SecondStep(personalData: "yes"));
        session.Next(("personalDataCount", "unknown"));
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Contains("5.3(2)①", record.AppliedClauses);
        Assert.Contains("5.3(1)④", record.AppliedClauses);
    }

    [Fact]
    public void FoundInTheFuture_IsRejected()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport);
        session.Next([.. FirstStep().Where(f => f.Item1 != "foundDate"), ("foundDate", "2026-12-01")]);

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(session.Card, "foundDate"));
    }
}
