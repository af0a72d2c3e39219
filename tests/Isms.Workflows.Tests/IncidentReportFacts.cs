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

    /// <summary>Every answer of the plain path, by field id (a card takes those of the questions it shows).</summary>
    internal static (string, string)[] Answers(string kind = "loss_theft", string reportedBy = "self", string personalData = "no") =>
    [
        ("incidentKind", kind), ("occurredDate", "2026-11-25"), ("foundDate", "2026-11-26"), ("foundTime", "08:30"),
        ("description", "公用スマートフォンが見当たりません。"), ("reportedBy", reportedBy),
        ("affectedAssets", "公用スマートフォン1台"), ("confidentiality", "2"), ("personalData", personalData),
        ("firstResponse", "立ち寄り先に問い合わせました。"), ("passwordGiven", "no"),
    ];

    [Fact]
    public void LostPhone_IsAlwaysAnIncident_AndAsksAboutACrime()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport, "公用スマホなくした");
        Assert.DoesNotContain("incidentKind", InputFieldIds(session.Card));

        session.FillIn(Answers());
        Assert.Equal("possibleCrime", InputFieldIds(session.Card).Single(f => f == "possibleCrime"));
        Assert.Equal("選択してください。", ErrorFor(session.Card, "possibleCrime"));
        session.FillIn([.. Answers(), ("possibleCrime", "yes")]);
        Assert.Equal("紛失・盗難", Facts(session.Card)["インシデントの種類"]);
        Assert.Equal("公用スマホなくした", Facts(session.Card)["何が起きたか"]);
        Assert.Equal("報告者", Facts(session.Card).Keys.First());
        Assert.DoesNotContain("networkDisconnected", Facts(session.Card).Keys);
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Equal("インシデント-2026-0001", record.Number);
        Assert.True(record.IsIncident);
        Assert.Equal(RequestStatus.Submitted, record.Status);
        Assert.Contains("6.5(3)", record.AppliedClauses);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
    }

    [Fact]
    public void APasswordToldToACaller_AnswersAtOnceWithChangingIt_AndItIsRecorded()
    {
        var session = _harness.Session(FormHarness.Alice);
        var reply = session.Start(FormKind.IncidentReport, "情報システムを名乗る電話でパスワードを教えてしまいました");

        Assert.Equal(IncidentReportDefinition.PasswordNotice, reply.Messages[0].Text);
        Assert.Contains("パスワードをすぐに変更", reply.Messages[0].Text);
        Assert.DoesNotContain("LANケーブル", string.Join("\n", session.Texts));

        session.FillIn([.. Answers(kind: "leak"), ("passwordGiven", "yes")]);
        Assert.Equal("はい", Facts(session.Card)["IDやパスワードを入力したり、人に伝えたりしましたか"]);
        session.Click("送信");
        Assert.Contains("5.4(2)④", session.Last.CreatedRecord!.AppliedClauses);
    }

    [Fact]
    public void ALinkFollowedToAFakePage_GetsBothFirstResponses_AndALossGetsNeither()
    {
        var phished = _harness.Session(FormHarness.Alice);
        var reply = phished.Start(FormKind.IncidentReport, "メールのリンクから行ったログイン画面にパスワードを入れてしまった");
        var texts = reply.Messages.Select(m => m.Text).OfType<string>().ToList();
        Assert.Contains(IncidentReportDefinition.MalwareFirstResponse, texts);
        Assert.Contains(IncidentReportDefinition.PasswordNotice, texts);

        var lost = _harness.Session(FormHarness.Bob);
        lost.Start(FormKind.IncidentReport, "公用スマホなくした");
        lost.FillIn([.. Answers(), ("passwordGiven", "yes")]);
        lost.FillIn([.. Answers(), ("possibleCrime", "no"), ("passwordGiven", "yes")]);
        Assert.DoesNotContain(lost.AllTexts, t => t.Contains("5.4(2)④", StringComparison.Ordinal));
        lost.Click("送信");
        Assert.DoesNotContain("5.4(2)④", lost.Last.CreatedRecord!.AppliedClauses);
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

        session.Next(Answers(kind: "malware"));
        Assert.Empty(session.Texts);
        session.FillIn(Answers(kind: "malware"));
        Assert.Equal("networkDisconnected", InputFieldIds(session.Card)[0]);
    }

    [Fact]
    public void ChoosingMalwareOnTheCard_AlsoGivesTheFirstResponseStepsOnce()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport);
        Assert.Empty(session.Texts);

        session.Next(Answers(kind: "malware"));
        Assert.Equal([IncidentReportDefinition.MalwareFirstResponse], session.Texts);
        session.Next([.. Answers(kind: "malware"), ("networkDisconnected", "done")]);
        Assert.Empty(session.Texts);
        session.FillIn([.. Answers(kind: "malware"), ("networkDisconnected", "done")]);
        session.Click("送信");
        Assert.Contains("6.4(3)⑦", session.Last.CreatedRecord!.AppliedClauses);
    }

    [Fact]
    public void ReportFromAResident_AndPersonalData_CiteTheirClauses()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport);
        session.FillIn([.. Answers(kind: "leak", reportedBy: "outside", personalData: "yes"), ("personalDataCount", "unknown")]);
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
        session.FillIn([.. Answers(), ("possibleCrime", "no")]);
        session.Click("修正する");
        session.FillIn([.. Answers().Where(f => f.Item1 != "foundDate"), ("foundDate", "2026-12-01"), ("possibleCrime", "no")]);

        Assert.Equal("今日より後の日付は指定できません。", ErrorFor(session.Card, "foundDate"));
    }

    [Fact]
    public void TheDays_AreTodayUnlessSaid_AndNotKnowingAboutPersonalDataOrACrime_CountsAsYes()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.IncidentReport, "さっき公用スマホをなくしました");
        Assert.DoesNotContain("occurredDate", InputFieldIds(session.Card));
        session.FillIn([.. Answers().Where(a => a.Item1 is not ("occurredDate" or "foundDate")), ("personalData", "unknown"), ("possibleCrime", "unknown")]);

        Assert.Equal("2026年11月26日（木）", Facts(session.Card)["気付いた日"]);
        Assert.Equal("2026年11月26日（木）", Facts(session.Card)["発生した日（分からなければ気付いた日）"]);
        Assert.Equal("分からない", Facts(session.Card)["個人情報は含まれていますか"]);
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        Assert.Contains("5.3(1)④", record.AppliedClauses);
        Assert.Contains("6.5(3)", record.AppliedClauses);
        Assert.DoesNotContain("personalDataCount", record.Answers.Keys);
    }
}
