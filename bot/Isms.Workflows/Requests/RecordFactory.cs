using Isms.Workflows.Forms;

namespace Isms.Workflows.Requests;

/// <summary>Turns the answers of a completed form into a <see cref="RequestRecord"/> as its definition says.</summary>
public static class RecordFactory
{
    public static RequestRecord Create(
        FormDefinition definition,
        Applicant who,
        IReadOnlyList<FieldDefinition> askedFields,
        IReadOnlyDictionary<string, string> rawAnswers,
        DateTimeOffset now)
    {
        var answers = askedFields.Where(f => rawAnswers.ContainsKey(f.Id)).ToDictionary(f => f.Id, f => rawAnswers[f.Id]);
        var applied = definition.Rules.Where(r => r.Applies(answers)).ToList();
        var highest = HighestConfidentiality(askedFields, answers);
        var record = new RequestRecord
        {
            Kind = definition.Kind,
            Title = applied.Select(r => r.RecordTitle).FirstOrDefault(t => t is not null) ?? definition.Title,
            Applicant = RecordApplicant.From(who, FormSteps.DepartmentOf(who, answers)),
            HighestConfidentiality = FieldValues.ConfidentialityLevel(highest),
            ConfidentialityClass = highest ?? "",
            Status = definition.InitialStatus,
            IsIncident = IsIncident(definition, answers),
            AppliedClauses = [.. AppliedClauses(definition, askedFields, answers)],
            NextStep = applied.Select(r => r.NextStep).FirstOrDefault(n => n is not null) ?? definition.NextStep,
            CreatedAt = now,
            UpdatedAt = now,
            History = [new RequestHistoryEntry { At = now, Actor = who.UserId, Action = "Submitted" }],
        };
        foreach (var field in askedFields.Where(f => !FormSteps.IsDepartmentField(f)))
        {
            var value = answers.GetValueOrDefault(field.Id) ?? "";
            record.Answers[field.Id] = new RecordAnswer { Label = field.Label, Value = value, Display = FieldValues.Display(field, value) };
        }

        return record;
    }

    /// <summary>The highest 機密性 answered, as answered ("3C" stays 3C); null when none is.</summary>
    public static string? HighestConfidentiality(IEnumerable<FieldDefinition> askedFields, IReadOnlyDictionary<string, string> answers) =>
        askedFields
            .Where(f => f.IsConfidentiality && FieldValues.ConfidentialityLevel(answers.GetValueOrDefault(f.Id)) > 0)
            .Select(f => answers[f.Id])
            // Within level 3, 3A is the strictest class.
            .OrderByDescending(FieldValues.ConfidentialityLevel).ThenBy(v => v, StringComparer.Ordinal)
            .FirstOrDefault();

    public static bool IsIncident(FormDefinition definition, IReadOnlyDictionary<string, string> answers) =>
        definition.AlwaysIncident
        || definition.Rules.Any(r => r.Effects.HasFlag(RuleEffects.MarkIncident) && r.Applies(answers));

    /// <summary>The form's clauses, those of the questions answered, and those of the rules that apply.</summary>
    public static IReadOnlyList<string> AppliedClauses(
        FormDefinition definition,
        IEnumerable<FieldDefinition> askedFields,
        IReadOnlyDictionary<string, string> answers) =>
        definition.Clauses
            .Concat(askedFields.Where(f => answers.ContainsKey(f.Id)).SelectMany(f => f.Clauses))
            .Concat(definition.Rules.Where(r => r.Applies(answers)).SelectMany(r => r.Clauses))
            .Distinct()
            .ToList();
}
