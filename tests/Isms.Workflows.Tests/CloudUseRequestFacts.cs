using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class CloudUseRequestFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>The answers before the checklist, by field id (a card takes those of the questions it shows).</summary>
    internal static (string, string)[] Answers(string confidentiality) =>
    [
        ("serviceName", "kintone"), ("provider", "サイボウズ株式会社"), ("purpose", "訓練の出欠管理"),
        ("dataDescription", "職員の氏名と出欠"), ("confidentiality", confidentiality), ("users", "警防課の職員"),
    ];

    internal static readonly (string, string)[] Checklist83 =
    [
        ("noSecondaryUse", "true"), ("dataLocation", "日本国内。解約時に消去証明を受ける"), ("jurisdiction", "true"),
        ("subcontracting", "true"), ("serviceLevel", "true"), ("auditAcceptance", "true"), ("exitPlan", "true"),
        ("certifications", "ISMAP"), ("serviceManager", "警防課 山田 太郎"),
    ];

    [Fact]
    public void Start_TakesTheServiceNameAsTyped()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.CloudUseRequest, "kintone使いたい");

        Assert.DoesNotContain("serviceName", InputFieldIds(session.Card));
        session.FillIn(Answers("1").Where(a => a.Item1 != "serviceName").Append(("termsChecked", "true")).ToArray());
        Assert.Equal("kintone", Facts(session.Card)["サービス名"]);
    }

    [Fact]
    public void Confidentiality2_ShowsThe83Checklist_AndGoesToThePermissionHolder()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.CloudUseRequest);
        session.FillIn(Answers("2"));

        Assert.Equal(["noSecondaryUse", "dataLocation", "jurisdiction", "subcontracting"], InputFieldIds(session.Card));
        Assert.Contains("根拠: 8.3(3)②(ア)", AllText(session.Card));
        session.Next(Checklist83);
        Assert.Equal(["serviceLevel", "auditAcceptance", "exitPlan", "certifications", "serviceManager"], InputFieldIds(session.Card));

        session.Next([.. Checklist83.Where(c => c.Item1 != "exitPlan"), ("exitPlan", "false")]);
        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(session.Card, "exitPlan"));

        session.Next(Checklist83);
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        Assert.Equal("クラウド-2026-0001", record.Number);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Contains("8.3(5)②", record.AppliedClauses);
        Assert.DoesNotContain("8.4(2)②", record.AppliedClauses);
        Assert.Contains("利用申請の許可権限者", record.NextStep);
    }

    [Fact]
    public void Confidentiality1_AsksForTheTermsConfirmation_Of84()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.CloudUseRequest);
        session.FillIn(Answers("1"));

        Assert.Equal(["termsChecked", "termsUrl", "serviceManagerPublic"], InputFieldIds(session.Card));
        Assert.Equal("内容を確認して、チェックを入れてください。", ErrorFor(session.Card, "termsChecked"));
        session.Next(("termsChecked", "true"));
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Contains("8.4(2)②", record.AppliedClauses);
        Assert.DoesNotContain("8.3(5)②", record.AppliedClauses);
        Assert.DoesNotContain("noSecondaryUse", record.Answers.Keys);
    }

    [Fact]
    public void ChangingTheBranchAfterConfirmation_DropsTheOtherBranchAnswers()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.CloudUseRequest);
        session.FillIn([.. Answers("1"), ("termsChecked", "true")]);
        session.Click("修正する");
        session.Next(Answers("3C"));
        session.Next(Answers("3C"));

        Assert.Equal("noSecondaryUse", InputFieldIds(session.Card)[0]);
        session.FillIn(Checklist83);
        session.Click("送信");
        Assert.DoesNotContain("termsChecked", session.Last.CreatedRecord!.Answers.Keys);
        Assert.Equal(3, session.Last.CreatedRecord.HighestConfidentiality);
    }

    [Fact]
    public void TamperedToggleValue_IsRejected()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.CloudUseRequest);
        session.FillIn(Answers("1"));
        session.Next(("termsChecked", "yes please"));

        Assert.Equal("値が正しくありません。チェックを入れ直してください。", ErrorFor(session.Card, "termsChecked"));
    }
}
