using System.Text.Json.Nodes;
using Isms.Workflows.Forms;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Cards;

/// <summary>The cards of a form: one card per step, then a confirmation card.</summary>
public static class FormCardRenderer
{
    public static string CitationText(IEnumerable<string> clauses) => "根拠: " + string.Join("、", clauses);

    public static JsonObject StepCard(
        FormDefinition definition,
        FormDraft draft,
        IReadOnlyList<FieldDefinition> fields,
        IReadOnlyDictionary<string, string> errors,
        string? note,
        DateOnly today)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock($"{definition.Title}（{draft.StepIndex + 1}/{definition.Steps.Count}）", TextTone.Heading))
            .Add(TextBlock(definition.Steps[draft.StepIndex].Title, TextTone.Subheading));
        if (draft.StepIndex == 0)
        {
            card.Add(TextBlock(definition.Introduction));
        }

        if (errors.Count > 0)
        {
            card.Add(TextBlock($"入力内容を確認してください（{errors.Count}件）。", TextTone.Error));
        }

        if (note is not null)
        {
            // A reopened record's note quotes the approver's comment.
            card.Add(UserText(note, TextTone.Note));
        }

        foreach (var field in fields)
        {
            card.Add(FieldInput(field, draft.Answers.GetValueOrDefault(field.Id), today));
            if (errors.TryGetValue(field.Id, out var error))
            {
                card.Add(TextBlock(error, TextTone.Error));
            }

            if (field.Help is not null)
            {
                card.Add(TextBlock(field.Help, TextTone.Help));
            }
        }

        // The basis once for the card, not under every question: it costs a line per field on a phone.
        var clauses = (draft.StepIndex == 0 ? definition.Clauses : []).Concat(fields.SelectMany(f => f.Clauses)).Distinct();
        card.Add(TextBlock(CitationText(clauses), TextTone.Help));

        card.AddAction(SubmitAction("次へ", FormCardData.Action(FormOp.Next, draft.Id, draft.StepIndex, draft.Nonce), "positive"));
        if (draft.StepIndex > 0)
        {
            card.AddAction(SubmitAction("戻る", FormCardData.Action(FormOp.Back, draft.Id, draft.StepIndex, draft.Nonce), sendInputs: false));
        }

        card.AddAction(SubmitAction("キャンセル", FormCardData.Action(FormOp.Cancel, draft.Id, draft.StepIndex, draft.Nonce), "destructive", sendInputs: false));
        return card.ToJson();
    }

    public static JsonObject ConfirmationCard(
        FormDefinition definition,
        FormDraft draft,
        Applicant who,
        string? department,
        IReadOnlyList<(FieldDefinition Field, string? Value)> answers,
        bool isIncident,
        IReadOnlyList<string> clauses,
        string? note = null)
    {
        var facts = new List<(string, string)> { ("申請者", who.Name), ("所属", department ?? "（未入力）") };
        facts.AddRange(answers.Select(a => (a.Field.Label, FieldValues.Display(a.Field, a.Value))));
        var card = new AdaptiveCard()
            .Add(TextBlock($"{definition.Title}の内容確認", TextTone.Heading));
        if (note is not null)
        {
            // Why the confirmation is shown again (an old card was pressed, a draft was resumed): never silently.
            card.Add(TextBlock(note, TextTone.Note));
        }

        card.Add(TextBlock("次の内容で送信します。よろしければ「送信」を押してください。直す場合は「修正する」を押してください。"))
            .Add(FactSet(facts));
        if (isIncident)
        {
            card.Add(TextBlock("この報告は情報セキュリティインシデントとして扱われ、速やかに関係者へ報告されます（根拠: 5.3(1)①）。", TextTone.Error));
        }

        var step = definition.Steps.Count;
        return card
            .Add(TextBlock(CitationText(clauses), TextTone.Help))
            .AddAction(SubmitAction("送信", FormCardData.Action(FormOp.Submit, draft.Id, step, draft.Nonce), "positive", sendInputs: false))
            .AddAction(SubmitAction("修正する", FormCardData.Action(FormOp.Back, draft.Id, step, draft.Nonce), sendInputs: false))
            .AddAction(SubmitAction("キャンセル", FormCardData.Action(FormOp.Cancel, draft.Id, step, draft.Nonce), "destructive", sendInputs: false))
            .ToJson();
    }

    private static JsonObject FieldInput(FieldDefinition field, string? value, DateOnly today)
    {
        var id = FormCardData.InputId(field.Id);
        var label = field.Required ? field.Label : $"{field.Label}（任意）";
        switch (field.Type)
        {
            case FieldType.Choice:
                return ChoiceInput(id, label, field.Choices.Select(c => (c.Value, c.Title)), field.ChoiceTitle(value ?? "") is null ? null : value, field.Required);
            case FieldType.Date:
                var (min, max) = field.DateRule switch
                {
                    DateRule.TodayOrLaterWithinYear => (FieldValues.FormatDate(today), FieldValues.FormatDate(today.AddYears(1))),
                    DateRule.TodayOrEarlier => ((string?)null, FieldValues.FormatDate(today)),
                    _ => (null, null),
                };
                var date = FieldValues.TryParseDate(value ?? "", out _) ? value : null;
                return DateInput(id, label, date, field.Required, min, max);
            case FieldType.Time:
                var time = FieldValues.TryParseTime(value ?? "", out var parsed) ? FieldValues.FormatTime(parsed) : null;
                return TimeInput(id, label, time, field.Required);
            case FieldType.Confirmation:
                return ToggleInput(id, "確認事項", field.Label, value == FieldValues.True, field.Required);
            default:
                return TextInput(id, label, value, field.MaxLength, field.Type == FieldType.MultilineText, field.Required, field.Placeholder);
        }
    }
}
