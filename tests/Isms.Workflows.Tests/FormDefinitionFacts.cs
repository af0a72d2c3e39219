using System.Text.Json;
using Isms.Workflows.Forms;

namespace Isms.Workflows.Tests;

public sealed class FormDefinitionFacts
{
    private static readonly FormCatalog Catalog = new(new FormsOptions());

    private static readonly HashSet<string> PolicyClauseIds = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "clauses.reference.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)
        .ToHashSet();

    public static TheoryData<FormKind> Kinds => new(FormCatalog.Standard.Kinds);

    [Fact]
    public void EveryKindHasADefinition_WithItsOwnNumberPrefix()
    {
        Assert.Equal(["cloud_use_request", "disposal_request", "exception_measure_request", "fault_report", "incident_report", "information_provision_request",
            "misdelivery_report", "outside_device_request", "software_change_request", "takeout_request", "web_meeting_request"],
            Catalog.All.Select(d => d.Key).Order());
        Assert.Equal(Catalog.All.Count(), Catalog.All.Select(d => d.NumberPrefix).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryCitedClause_ExistsInThePolicy(FormKind kind)
    {
        Assert.Equal(490, PolicyClauseIds.Count);
        var unknown = Catalog.Get(kind).AllCitedClauses.Where(c => !PolicyClauseIds.Contains(c)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryFieldCitesAClause_HasAUniqueId_AndChoicesWhereNeeded(FormKind kind)
    {
        var fields = Catalog.Get(kind).AllFields.ToList();

        Assert.All(fields, f => Assert.NotEmpty(f.Clauses));
        Assert.Equal(fields.Count, fields.Select(f => f.Id).Distinct().Count());
        Assert.All(fields.Where(f => f.Type == FieldType.Choice), f => Assert.NotEmpty(f.Choices));
        Assert.All(fields, f => Assert.Matches("^[a-z][A-Za-z0-9]*$", f.Id));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Conditions_AndRules_ReferToEarlierFields_WithValuesOnTheirLists(FormKind kind)
    {
        var definition = Catalog.Get(kind);
        var fields = definition.AllFields.ToList();
        var conditions = fields.SelectMany((f, index) => f.VisibleWhen.Select(c => (Condition: c, Before: index)))
            .Concat(definition.Rules.SelectMany(r => r.When.Select(c => (Condition: c, Before: fields.Count))));

        foreach (var (condition, before) in conditions)
        {
            var index = fields.FindIndex(f => f.Id == condition.FieldId);
            Assert.InRange(index, 0, before - 1);
            Assert.All(condition.AnyOf, value => Assert.NotNull(fields[index].ChoiceTitle(value)));
        }
    }

    [Theory]
    [InlineData("5.1(1)③(イ)", "takeout_request")] // the form's own clause
    [InlineData("2(2)⑧(ア)", "takeout_request")] // a rule's clause: carrying 機密性2以上
    [InlineData("8.3(5)③", "cloud_use_request")]
    [InlineData("6.4(3)⑦", "incident_report")]
    [InlineData("5.3(1)①", "incident_report")] // the incident report's own, though the 誤送信報告's incident rule cites it too
    [InlineData("5.3(1)②", null)] // only an incident rule of the 誤送信報告 cites it: the chain, not a form to start
    [InlineData("2(1)", null)] // cited per field (機密性), not by a procedure
    [InlineData("1(1)①", null)]
    public void AClause_LeadsToTheProcedureThatCitesIt(string clauseId, string? key) =>
        Assert.Equal(key, Catalog.LeadingTo(clauseId)?.Key);
}
