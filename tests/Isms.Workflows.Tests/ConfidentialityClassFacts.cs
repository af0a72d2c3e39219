using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Org;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Routing.RoutingTestData;

namespace Isms.Workflows.Tests;

/// <summary>2(1): every 機密性 question offers 3A, 3B, 3C, 2 and 1, and every rule about 機密性3 or 2以上 reads the three
/// classes of 3 as 3. Records made before the classes (answer "3") still read and route as 3.</summary>
public sealed class ConfidentialityClassFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<string> FormsWithAConfidentialityQuestion() =>
        [.. FormCatalog.Standard.All.Where(d => d.AllFields.Any(f => f.IsConfidentiality)).Select(d => d.Kind.Key)];

    [Theory]
    [MemberData(nameof(FormsWithAConfidentialityQuestion))]
    public void EveryConfidentialityQuestion_OffersTheClassesOf2_1(string kind)
    {
        var definition = FormCatalog.Standard.Find(kind)!;

        foreach (var field in definition.AllFields.Where(f => f.IsConfidentiality))
        {
            var values = field.Choices.Select(c => c.Value).ToList();
            Assert.Equal(["3A", "3B", "3C", "2"], values.Take(4));
            Assert.DoesNotContain("3", values);
            Assert.All(field.Choices, c => Assert.StartsWith($"機密性{c.Value}（", c.Title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheQuestionIsFoundInEveryFormThatAsksIt()
    {
        var kinds = FormCatalog.Standard.All.Where(d => d.AllFields.Any(f => f.IsConfidentiality)).Select(d => d.Kind).ToList();

        Assert.Subset(kinds.ToHashSet(), new HashSet<FormKind>([FormKind.MisdeliveryReport, FormKind.TakeoutRequest, FormKind.WebMeetingRequest,
            FormKind.CloudUseRequest, FormKind.IncidentReport, DisposalRequestDefinition.Kind, InformationProvisionRequestDefinition.Kind]));
    }

    [Theory]
    [InlineData("3A")]
    [InlineData("3B")]
    [InlineData("3C")]
    public void AMisdeliveryOfAnyClassOf3_IsAnIncident_KeepingItsClass(string answer)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport, null);
        session.FillIn([.. MisdeliveryReportFacts.Answers(confidentiality: answer, personalData: "no")]);
        session.Click("送信");
        var record = session.Last.CreatedRecord!;

        Assert.True(record.IsIncident);
        Assert.Contains("5.3(1)①", record.AppliedClauses);
        Assert.Equal((3, answer, $"機密性{answer}"), (record.HighestConfidentiality, record.ConfidentialityClass, record.ConfidentialityLabel));
    }

    [Theory]
    [InlineData("3A", true)]
    [InlineData("3B", true)]
    [InlineData("3C", true)]
    [InlineData("2", true)]
    [InlineData("1", false)]
    public void TheRulesFor2OrAbove_ReadEveryClassOf3(string answer, bool twoOrAbove)
    {
        var cloud = FormCatalog.Standard.Get(FormKind.CloudUseRequest);
        var meeting = FormCatalog.Standard.Get(FormKind.WebMeetingRequest);
        var takeout = FormCatalog.Standard.Get(FormKind.TakeoutRequest);
        var answers = new Dictionary<string, string> { ["confidentiality"] = answer };

        // 8.3: the selection checklist is asked for 機密性2以上 only.
        Assert.Equal(twoOrAbove, cloud.AllFields.Where(f => f.VisibleWhen.Any(c => c.FieldId == "confidentiality" && !c.Negate))
            .Any(f => f.IsVisible(answers) && f.VisibleWhen.Any(c => c.AnyOf.Contains("2"))));
        Assert.Equal(twoOrAbove, meeting.AllFields.Where(f => f.VisibleWhen.Any(c => c.FieldId == "confidentiality")).All(f => f.IsVisible(answers)));
        Assert.Equal(twoOrAbove, takeout.Rules.Single(r => r.Id == "confidential-transport").Applies(answers));
        Assert.Equal(twoOrAbove && answer != "2", takeout.Rules.Single(r => r.Id == "confidentiality-3").Applies(answers));
    }

    [Fact]
    public void ARecordFromBeforeTheClasses_ReadsAndRoutesAs3()
    {
        var record = Record(FormKind.CloudUseRequest, OrgTestData.Aad(1), confidentiality: 3);
        record.ConfidentialityClass = "3";
        record.Answers["confidentiality"] = new RecordAnswer { Label = "取り扱う情報の機密性（最も高いもの）", Value = "3", Display = "機密性3（秘密文書相当）" };

        var steps = Router().Route(record, new DateOnly(2026, 6, 1)).Steps;

        Assert.Equal("機密性3", record.ConfidentialityLabel);
        Assert.Equal(["8.3(5)①", "8.3(5)②"], steps.Select(s => s.Clause));
        Assert.Equal(3, FieldValues.ConfidentialityLevel("3"));
        Assert.Equal(3, FieldValues.ConfidentialityLevel("3C"));
    }
}
