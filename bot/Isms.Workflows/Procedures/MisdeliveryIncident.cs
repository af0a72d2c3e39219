using Isms.Workflows.Requests;

namespace Isms.Workflows.Procedures;

/// <summary>
/// The incident report a 管理者 makes of a 誤送信報告 they confirm (5.3(1)①): reported by the 管理者, so the chain goes on
/// from 5.3(1)②; it carries the report's answers and names it (the report names the incident in turn).
/// </summary>
public static class MisdeliveryIncident
{
    public static RequestRecord From(RequestRecord report, RecordApplicant manager, DateTimeOffset now)
    {
        var definition = IncidentReportDefinition.Create([]);
        var kind = definition.FindField(IncidentReportDefinition.IncidentKind)!;
        var answers = new Dictionary<string, RecordAnswer>
        {
            [IncidentReportDefinition.IncidentKind] = new() { Label = kind.Label, Value = "misdelivery", Display = kind.ChoiceTitle("misdelivery")! },
            ["description"] = new()
            {
                Label = "何が起きたか",
                Value = $"{report.Applicant.Name}さんの{report.Title}（{report.Number}）を、情報セキュリティ管理者が情報セキュリティインシデントとして報告しました。",
            },
        };
        answers["description"].Display = answers["description"].Value;
        foreach (var (id, answer) in report.Answers.Where(a => !answers.ContainsKey(a.Key)))
        {
            answers[id] = new RecordAnswer { Label = answer.Label, Value = answer.Value, Display = answer.Display };
        }

        return new RequestRecord
        {
            Kind = definition.Kind,
            Title = definition.Title,
            Applicant = manager,
            Answers = answers,
            HighestConfidentiality = report.HighestConfidentiality,
            ConfidentialityClass = report.ConfidentialityClass,
            Status = definition.InitialStatus,
            IsIncident = true,
            AppliedClauses = [.. definition.Clauses.Concat(["5.3(1)①", "5.3(1)②"])
                .Concat(report.AppliedClauses.Where(c => c.StartsWith("5.3", StringComparison.Ordinal))).Distinct()],
            NextStep = definition.NextStep,
            SubmissionKey = $"incident-of:{report.Id}",
            CreatedAt = now,
            UpdatedAt = now,
            History = [new RequestHistoryEntry { At = now, Actor = manager.UserId, Action = "Submitted", Note = $"{report.Number}からインシデントとして報告（根拠 5.3(1)①）" }],
        };
    }
}
