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
        Assert.Equal(["cloud_use_request", "fault_report", "incident_report", "misdelivery_report", "takeout_request", "web_meeting_request"],
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
}
