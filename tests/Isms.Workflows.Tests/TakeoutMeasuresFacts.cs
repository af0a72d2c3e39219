using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

/// <summary>2(2)⑧(ア) asks for a measure 「必要に応じ」: which one is taken, or why none is needed; 2(1) classes 3A/3B/3C.</summary>
public sealed class TakeoutMeasuresFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Confidentiality2_AsksWhichMeasure_InsteadOfCompulsoryTicks()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers(confidentiality: "2", item: "software"));

        Assert.Equal(["transportMeasure", "otherMeasures"], InputFieldIds(session.Card));
        session.Next();
        Assert.Equal("選択してください。", ErrorFor(session.Card, "transportMeasure"));
    }

    [Fact]
    public void NoMeasure_NeedsAShortReason_AndTheRecordKeepsIt()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers(confidentiality: "2", item: "software"));

        session.Next(("transportMeasure", "none"));
        Assert.Contains("noMeasureReason", InputFieldIds(session.Card));
        session.Next(("transportMeasure", "none"));
        Assert.Equal("入力してください。", ErrorFor(session.Card, "noMeasureReason"));

        session.Next(("transportMeasure", "none"), ("noMeasureReason", "インストール媒体のみで、情報は入っていないため"));
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        Assert.Equal("インストール媒体のみで、情報は入っていないため", record.Answers["noMeasureReason"].Value);
        Assert.Contains("2(2)⑧(ア)", record.AppliedClauses);
    }


    [Fact]
    public void TheClassification_Offers3A3B3C21()
    {
        var field = _harness.Catalog.Get(FormKind.TakeoutRequest).FindField("confidentiality")!;

        Assert.Equal(["3A", "3B", "3C", "2", "1"], field.Choices.Select(c => c.Value));
        Assert.All(field.Choices, c => Assert.StartsWith("機密性" + c.Value, c.Title, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3A")]
    [InlineData("3C")]
    public void Confidentiality3_IsKeptAs3_AndWarnsCitingTable2BeforeSubmission(string level)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers(confidentiality: level));

        var warnings = string.Join("\n", session.AllTexts);
        Assert.Contains("別表2", warnings);
        Assert.Contains("支給された端末以外での作業", warnings);
        Assert.Contains("外部への転送", warnings);
        session.Next(("transportMeasure", "暗号化・パスワードを設定し、鍵付きのケースなどに入れる"));
        Assert.Equal("機密性" + level, Facts(session.Card)["記録されている情報の機密性（最も高いもの）"][..("機密性" + level).Length]);
        session.Click("送信");

        var record = session.Last.CreatedRecord!;
        Assert.Equal(3, record.HighestConfidentiality);
        Assert.Equal(level, record.Answers["confidentiality"].Value);
        Assert.Equal(level, record.ConfidentialityClass);
        Assert.Equal("機密性" + level, record.ConfidentialityLabel);
        Assert.Contains("別表2", record.AppliedClauses);
        Assert.Contains("2(2)⑧(イ)", record.AppliedClauses);
    }
    [Fact]
    public void TheMeasures_AreASetting()
    {
        using var harness = new FormHarness(options: new FormsOptions { TakeoutMeasures = ["指紋認証付きのUSBメモリを使う"] });
        var session = harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers(confidentiality: "2"));

        var field = harness.Catalog.Get(FormKind.TakeoutRequest).FindField("transportMeasure")!;
        Assert.Equal(["指紋認証付きのUSBメモリを使う", "対策は不要（理由を入力）"], field.Choices.Select(c => c.Title));
        session.Next(("transportMeasure", field.Choices[0].Value));
        session.Click("送信");
        Assert.Equal("指紋認証付きのUSBメモリを使う", session.Last.CreatedRecord!.Answers["transportMeasure"].Display);
    }
}
