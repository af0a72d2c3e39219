namespace Isms.Workflows.Forms;

/// <summary>Which fields a form asks, step by step, given the person and the answers so far; for the engine and the
/// record it makes.</summary>
internal static class FormSteps
{
    private const string DepartmentFieldId = "applicantDepartment";

    /// <summary>Asked on the first step when the org directory has no 所属 for the person.</summary>
    public static readonly FieldDefinition DepartmentField = new(DepartmentFieldId, "所属", FieldType.Text, ["1(4)①"])
    {
        Placeholder = "例: 消防本部 警防課",
    };

    /// <summary>Reads the inputs of the fields the card showed. Returns errors for values that are not plain text.</summary>
    public static Dictionary<string, string> MergeInputs(FormDraft draft, CardSubmission submission)
    {
        var errors = new Dictionary<string, string>();
        foreach (var fieldId in draft.RenderedFieldIds)
        {
            var value = submission.ReadInput(fieldId, out var malformed);
            if (malformed)
            {
                errors[fieldId] = "入力の形式が正しくありません。入力し直してください。";
                continue;
            }

            // The person has seen the answer and sent it: it is theirs now, not one filled in for them.
            draft.AutoFilled.Remove(fieldId);

            if (string.IsNullOrEmpty(value))
            {
                draft.Answers.Remove(fieldId);
            }
            else
            {
                draft.Answers[fieldId] = value;
            }
        }

        return errors;
    }

    /// <summary>The fields of a step the answers make visible, with the 所属 first on the first step when the directory has none.</summary>
    public static List<FieldDefinition> Fields(FormDefinition definition, int step, Applicant who, IReadOnlyDictionary<string, string> answers)
    {
        var fields = definition.Steps[step].Fields.Where(f => f.IsVisible(answers)).ToList();
        if (step == 0 && string.IsNullOrWhiteSpace(who.Department))
        {
            fields.Insert(0, DepartmentField);
        }

        return fields;
    }

    /// <summary>Every field the form asks, given the answers.</summary>
    public static List<FieldDefinition> Asked(FormDefinition definition, Applicant who, IReadOnlyDictionary<string, string> answers) =>
        Enumerable.Range(0, definition.Steps.Count).SelectMany(i => Fields(definition, i, who, answers)).ToList();

    /// <summary>The answers to the fields asked (an answer to a field the form no longer asks does not count).</summary>
    public static Dictionary<string, string> Effective(FormDefinition definition, Applicant who, IReadOnlyDictionary<string, string> answers) =>
        Asked(definition, who, answers)
            .Where(f => answers.ContainsKey(f.Id))
            .ToDictionary(f => f.Id, f => answers[f.Id]);

    /// <summary>The first step whose answers do not pass, with its errors; null when all pass.</summary>
    public static (int Step, Dictionary<string, string> Errors)? FirstWithErrors(FormDefinition definition, Applicant who, IReadOnlyDictionary<string, string> answers, DateOnly today)
    {
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var errors = FormValidator.Validate(definition, Fields(definition, i, who, answers), answers, today);
            if (errors.Count > 0)
            {
                return (i, errors);
            }
        }

        return null;
    }

    /// <summary>The next step from <paramref name="from"/> in <paramref name="direction"/> that asks something.</summary>
    public static int? NextWithFields(FormDefinition definition, Applicant who, IReadOnlyDictionary<string, string> answers, int from, int direction)
    {
        for (var i = from; i >= 0 && i < definition.Steps.Count; i += direction)
        {
            if (Fields(definition, i, who, answers).Count > 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The 所属: the directory's, else the one typed into the form.</summary>
    public static string? DepartmentOf(Applicant who, IReadOnlyDictionary<string, string> answers) =>
        string.IsNullOrWhiteSpace(who.Department) ? answers.GetValueOrDefault(DepartmentFieldId) : who.Department;

    public static bool IsDepartmentField(FieldDefinition field) => field.Id == DepartmentFieldId;
}
