using Isms.Workflows.Requests;

namespace Isms.Workflows.Forms.Prefill;

/// <summary>
/// What a new form holds before the person answers: what their words say, then their answer on their last record of
/// the same form (for the fields that remember it), then the defaults (today, the person and their 所属). Only valid
/// answers are filled in; a later source never replaces an earlier one.
/// </summary>
public static class AutoFill
{
    /// <param name="fromWords">Answers read from the words that started the form (<see cref="PrefillMapper"/>).</param>
    /// <param name="lastRecord">The person's last record of this form, if any.</param>
    public static Dictionary<string, AutoAnswer> For(
        FormDefinition definition,
        Applicant who,
        IReadOnlyDictionary<string, string> fromWords,
        RequestRecord? lastRecord,
        DateOnly today)
    {
        var filled = new Dictionary<string, AutoAnswer>();
        void Fill(FieldDefinition field, string? value, AutoFillSource source)
        {
            if (!filled.ContainsKey(field.Id) && !string.IsNullOrWhiteSpace(value) && FormValidator.ValidateField(field, value, today) is null)
            {
                filled[field.Id] = new AutoAnswer { Value = value, Source = source };
            }
        }

        var fields = definition.AllFields.ToList();
        foreach (var field in fields)
        {
            Fill(field, fromWords.GetValueOrDefault(field.Id), AutoFillSource.Words);
        }

        if (lastRecord is not null && lastRecord.Kind == definition.Kind && lastRecord.Applicant.IsSender(who.UserId, who.AadObjectId))
        {
            foreach (var field in fields.Where(f => f.RemembersLastAnswer))
            {
                Fill(field, lastRecord.Answers.GetValueOrDefault(field.Id)?.Value, AutoFillSource.LastAnswer);
            }

            if (string.IsNullOrWhiteSpace(who.Department))
            {
                Fill(FormSteps.DepartmentField, lastRecord.Applicant.Department, AutoFillSource.LastAnswer);
            }
        }

        var department = string.IsNullOrWhiteSpace(who.Department) ? filled.GetValueOrDefault(FormSteps.DepartmentField.Id)?.Value : who.Department;
        foreach (var field in fields)
        {
            Fill(field, field.Default switch
            {
                FieldDefault.Today => FieldValues.FormatDate(today),
                FieldDefault.Applicant => department is null ? who.Name : $"{who.Name}（{department}）",
                FieldDefault.FirstChoice => field.Choices.FirstOrDefault()?.Value,
                _ => null,
            }, AutoFillSource.Default);
        }

        return filled;
    }
}
