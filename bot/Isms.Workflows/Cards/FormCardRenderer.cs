using System.Text.Json.Nodes;
using Isms.Workflows.Forms;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Cards;

/// <summary>One card of a form: a page of one or more steps, numbered among the pages of the form.</summary>
/// <param name="Fields">The questions the card asks, in order.</param>
/// <param name="Title">The titles of the steps on the page.</param>
/// <param name="Clauses">The clauses behind the questions, shown once for the card.</param>
/// <param name="ShowIntroduction">The card opens a form started by its command: say what it is for.</param>
/// <param name="CanGoBack">An earlier page has questions: offer 戻る.</param>
public sealed record FormPageView(
    IReadOnlyList<FieldDefinition> Fields,
    string Title,
    int Number,
    int Count,
    IReadOnlyList<string> Clauses,
    bool ShowIntroduction,
    bool CanGoBack);

/// <summary>The cards of a form: one card per page of steps, then a confirmation card.</summary>
public static class FormCardRenderer
{
    /// <summary>Choices with more options than this, or with titles that wrap, are a drop-down.</summary>
    private const int MaxExpandedChoices = 4;
    private const int MaxExpandedTitleLength = 24;

    public static string CitationText(IEnumerable<string> clauses) => "根拠: " + string.Join("、", clauses);

    public static JsonObject StepCard(
        FormDefinition definition,
        FormDraft draft,
        FormPageView page,
        IReadOnlyDictionary<string, string> errors,
        string? note,
        DateOnly today)
    {
        // One line for the form, the page and what it asks: a second line would cost a field's worth of height.
        var card = new AdaptiveCard()
            .Add(TextBlock($"{definition.Title}（{page.Number}/{page.Count}）{page.Title}", TextTone.Heading));
        if (page.ShowIntroduction)
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

        foreach (var row in Rows(page.Fields))
        {
            if (row.Count == 1)
            {
                card.AddRange(FieldBlock(row[0], draft.Answers.GetValueOrDefault(row[0].Id), errors, today));
            }
            else
            {
                card.Add(Columns(row.Select(f => FieldBlock(f, draft.Answers.GetValueOrDefault(f.Id), errors, today))));
            }
        }

        // The basis once for the card, not under every question.
        card.Add(TextBlock(CitationText(page.Clauses), TextTone.Help));
        card.AddAction(SubmitAction("次へ", FormCardData.Action(FormOp.Next, draft.Id, draft.StepIndex, draft.Nonce), "positive"));
        if (page.CanGoBack)
        {
            card.AddAction(SubmitAction("戻る", FormCardData.Action(FormOp.Back, draft.Id, draft.StepIndex, draft.Nonce), sendInputs: false));
        }

        card.AddAction(SubmitAction("キャンセル", FormCardData.Action(FormOp.Cancel, draft.Id, draft.StepIndex, draft.Nonce), "destructive", sendInputs: false));
        return card.ToJson();
    }

    /// <param name="person">Who sends it: the 申請者 of a request, the 報告者 of a report.</param>
    /// <param name="filledIn">Labels of answers the person did not type (from their words, their last record, defaults).</param>
    public static JsonObject ConfirmationCard(
        FormDefinition definition,
        FormDraft draft,
        Applicant who,
        string? department,
        IReadOnlyList<(FieldDefinition Field, string? Value)> answers,
        bool isIncident,
        IReadOnlyList<string> clauses,
        string? note = null,
        IReadOnlyList<string>? filledIn = null)
    {
        var facts = new List<(string, string)> { (definition.SenderRole, $"{who.Name}（{department ?? "所属未入力"}）") };
        facts.AddRange(answers.Select(a => (a.Field.Label, FieldValues.Display(a.Field, a.Value))));
        var step = definition.Steps.Count;
        JsonObject Build(int shown)
        {
            var card = new AdaptiveCard()
                .Add(TextBlock($"{definition.Title}の内容確認", TextTone.Heading));
            if (note is not null)
            {
                // Why the confirmation is shown again (an old card was pressed, a draft was resumed): never silently.
                card.Add(TextBlock(note, TextTone.Note));
            }

            card.Add(TextBlock("内容を確かめて「送信」を押してください。"))
                .AddRange(FoldedFacts(facts, shown));
            if (filledIn is { Count: > 0 })
            {
                card.Add(TextBlock($"自動で入力した項目: {string.Join("、", filledIn)}。違っていれば「修正する」で直してください。", TextTone.Note));
            }

            if (isIncident)
            {
                card.Add(TextBlock("この報告は情報セキュリティインシデントとして扱われ、速やかに関係者へ報告されます（根拠: 5.3(1)①）。", TextTone.Error));
            }

            return card
                .Add(TextBlock(CitationText(clauses), TextTone.Help))
                .AddAction(SubmitAction("送信", FormCardData.Action(FormOp.Submit, draft.Id, step, draft.Nonce), "positive", sendInputs: false))
                .AddAction(SubmitAction("修正する", FormCardData.Action(FormOp.Back, draft.Id, step, draft.Nonce), sendInputs: false))
                .AddAction(SubmitAction("キャンセル", FormCardData.Action(FormOp.Cancel, draft.Id, step, draft.Nonce), "destructive", sendInputs: false))
                .ToJson();
        }

        // Every answer is on the card; those beyond one screen wait behind one toggle, in the form's order.
        var card = Build(facts.Count);
        for (var shown = facts.Count - 1; shown >= 1 && !CardHeight.FitsOneScreen(card); shown--)
        {
            card = Build(shown);
        }

        return card;
    }

    private const string MoreAnswersId = "moreAnswers";

    /// <summary>The first <paramref name="shown"/> facts, then the rest in a hidden container with the toggle that shows them.</summary>
    private static IEnumerable<JsonObject> FoldedFacts(List<(string, string)> facts, int shown)
    {
        yield return FactSet(facts.Take(shown));
        if (shown >= facts.Count)
        {
            yield break;
        }

        var rest = Container([FactSet(facts.Skip(shown))]);
        rest["id"] = MoreAnswersId;
        rest["isVisible"] = false;
        rest["spacing"] = "None";
        yield return rest;
        yield return ActionSet([new JsonObject
        {
            ["type"] = "Action.ToggleVisibility",
            ["title"] = $"残り{facts.Count - shown}項目を表示／折りたたむ",
            ["targetElements"] = new JsonArray(MoreAnswersId),
        }]);
    }

    /// <summary>Consecutive date and time questions side by side (持ち出す日 | 返却予定日), the rest one per row.</summary>
    private static List<List<FieldDefinition>> Rows(IReadOnlyList<FieldDefinition> fields)
    {
        var rows = new List<List<FieldDefinition>>();
        foreach (var field in fields)
        {
            if (IsShort(field) && rows.Count > 0 && rows[^1] is [var previous] && IsShort(previous))
            {
                rows[^1].Add(field);
            }
            else
            {
                rows.Add([field]);
            }
        }

        return rows;
    }

    private static bool IsShort(FieldDefinition field) => field.Type is FieldType.Date or FieldType.Time && field.Help is null;

    private static JsonObject Columns(IEnumerable<IEnumerable<JsonObject>> columns) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JsonArray([.. columns.Select(items => (JsonNode)new JsonObject
        {
            ["type"] = "Column",
            ["width"] = "stretch",
            ["items"] = new JsonArray([.. items]),
        })]),
    };

    /// <summary>The input, its error (from the server's validation) and its help, if any.</summary>
    private static IEnumerable<JsonObject> FieldBlock(FieldDefinition field, string? value, IReadOnlyDictionary<string, string> errors, DateOnly today)
    {
        yield return FieldInput(field, value, today);
        if (errors.TryGetValue(field.Id, out var error))
        {
            yield return TextBlock(error, TextTone.Error);
        }

        if (field.Help is not null)
        {
            yield return TextBlock(field.Help, TextTone.Help);
        }
    }

    private static JsonObject FieldInput(FieldDefinition field, string? value, DateOnly today)
    {
        var id = FormCardData.InputId(field.Id);
        var label = field.Required ? field.Label : $"{field.Label}（任意）";
        switch (field.Type)
        {
            case FieldType.Choice:
                var compact = field.Compact || field.Choices.Count > MaxExpandedChoices || field.Choices.Any(c => c.Title.Length > MaxExpandedTitleLength);
                return ChoiceInput(id, label, field.Choices.Select(c => (c.Value, c.Title)), field.ChoiceTitle(value ?? "") is null ? null : value, field.Required, compact);
            case FieldType.Date:
                var (min, max) = field.DateRule switch
                {
                    DateRule.TodayOrLaterWithinYear => (FieldValues.FormatDate(today), FieldValues.FormatDate(today.AddYears(1))),
                    DateRule.TodayOrEarlier => ((string?)null, FieldValues.FormatDate(today)),
                    DateRule.AfterTodayWithinYear => (FieldValues.FormatDate(today.AddDays(1)), FieldValues.FormatDate(today.AddYears(1))),
                    _ => (null, null),
                };
                var date = FieldValues.TryParseDate(value ?? "", out _) ? value : null;
                return DateInput(id, label, date, field.Required, min, max);
            case FieldType.Time:
                var time = FieldValues.TryParseTime(value ?? "", out var parsed) ? FieldValues.FormatTime(parsed) : null;
                return TimeInput(id, label, time, field.Required);
            case FieldType.Confirmation:
                // The title says what is confirmed; a label would repeat it and cost a line per toggle. Without a label
                // the client may not require it (schema rule), so the server's check is what asks for it.
                return ToggleInput(id, null, field.Label, value == FieldValues.True, required: false);
            default:
                return TextInput(id, label, value, field.MaxLength, field.Type == FieldType.MultilineText, field.Required, field.Placeholder ?? "入力してください");
        }
    }
}
