namespace Isms.Workflows.Forms;

/// <summary>Server-side validation of answers; messages are shown next to the field.</summary>
public static class FormValidator
{
    public static string? ValidateField(FieldDefinition field, string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return field.Required ? RequiredMessage(field.Type) : null;
        }

        switch (field.Type)
        {
            case FieldType.Text or FieldType.MultilineText when value.Length > field.MaxLength:
                return $"{field.MaxLength:N0}文字以内で入力してください（現在 {value.Length:N0}文字）。";
            case FieldType.Choice when field.ChoiceTitle(value) is null:
                return "選択肢にない値です。一覧から選んでください。";
            case FieldType.Time when !FieldValues.TryParseTime(value, out _):
                return "時刻の形式が正しくありません。";
            case FieldType.Confirmation when value is not (FieldValues.True or FieldValues.False):
                return "値が正しくありません。チェックを入れ直してください。";
            case FieldType.Confirmation when field.Required && value != FieldValues.True:
                return RequiredMessage(field.Type);
            case FieldType.Date:
                return ValidateDate(field.DateRule, value, today);
        }

        return null;
    }

    /// <summary>Validates <paramref name="fields"/> (the ones asked) and the date orders between them.</summary>
    public static Dictionary<string, string> Validate(
        FormDefinition definition,
        IEnumerable<FieldDefinition> fields,
        IReadOnlyDictionary<string, string> answers,
        DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var asked = new HashSet<string>();
        foreach (var field in fields)
        {
            asked.Add(field.Id);
            if (ValidateField(field, answers.GetValueOrDefault(field.Id), today) is { } error)
            {
                errors[field.Id] = error;
            }
        }

        foreach (var order in definition.DateOrders)
        {
            if (asked.Contains(order.EndFieldId) && !errors.ContainsKey(order.StartFieldId) && !errors.ContainsKey(order.EndFieldId)
                && FieldValues.TryParseDate(answers.GetValueOrDefault(order.StartFieldId) ?? "", out var start)
                && FieldValues.TryParseDate(answers.GetValueOrDefault(order.EndFieldId) ?? "", out var end)
                && end < start)
            {
                errors[order.EndFieldId] = order.Message;
            }
        }

        return errors;
    }

    private static string? ValidateDate(DateRule rule, string value, DateOnly today)
    {
        if (!FieldValues.TryParseDate(value, out var date))
        {
            return "日付の形式が正しくありません。";
        }

        return rule switch
        {
            DateRule.TodayOrLaterWithinYear when date < today => "過去の日付は指定できません。今日以降の日付を選んでください。",
            DateRule.TodayOrLaterWithinYear when date > today.AddYears(1) => "1年より先の日付は指定できません。",
            DateRule.TodayOrEarlier when date > today => "今日より後の日付は指定できません。",
            DateRule.AfterTodayWithinYear when date <= today => "今日以前の日付は指定できません。明日以降の日付を選んでください。",
            DateRule.AfterTodayWithinYear when date > today.AddYears(1) => "1年より先の日付は指定できません。",
            _ => null,
        };
    }

    private static string RequiredMessage(FieldType type) => type switch
    {
        FieldType.Choice => "選択してください。",
        FieldType.Date => "日付を選んでください。",
        FieldType.Time => "時刻を選んでください。",
        FieldType.Confirmation => "内容を確認して、チェックを入れてください。",
        _ => "入力してください。",
    };
}
