using System.Text.Json;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Org;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests.Routing;

internal static class RoutingTestData
{
    public static string RulesPath { get; } = Path.Combine(RepoPaths.RepoRoot, "bot", "Isms.Workflows", "data", "routing-rules.yaml");

    /// <summary>The clause IDs of the reference parse (shared/qa), independent of the parser under development.</summary>
    public static IClauseCatalog ReferenceClauses { get; } = new SetCatalog(
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "clauses.reference.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal));

    public static RoutingRules ShippedRules(IReadOnlyDictionary<string, string?>? overrides = null) =>
        RoutingRulesLoader.LoadFile(RulesPath, ReferenceClauses, overrides);

    public static ApprovalRouter Router(RoutingRules? rules = null, OrgDirectory? directory = null)
    {
        var org = directory ?? OrgTestData.Sample();
        return new ApprovalRouter(rules ?? ShippedRules(), () => org);
    }

    public static RequestRecord Record(FormKind kind, string applicantAad, string? department = "警防課", int confidentiality = 1,
        bool incident = false, params (string Field, string Value)[] answers)
    {
        var record = new RequestRecord
        {
            Id = "rec-1",
            Number = "TEST-0001",
            Kind = kind,
            Applicant = new RecordApplicant { UserId = "29:" + applicantAad[^4..], AadObjectId = applicantAad, Name = "申請者", Department = department },
            HighestConfidentiality = confidentiality,
            IsIncident = incident || kind == FormKind.IncidentReport,
        };
        foreach (var (field, value) in answers) record.Answers[field] = new RecordAnswer { Label = field, Value = value, Display = value };
        return record;
    }

    private sealed class SetCatalog(HashSet<string> ids) : IClauseCatalog
    {
        public bool Exists(string id) => ids.Contains(id);
    }
}
