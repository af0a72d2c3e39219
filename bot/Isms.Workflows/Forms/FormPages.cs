namespace Isms.Workflows.Forms;

/// <summary>Consecutive steps shown on one card, with the questions it asks.</summary>
internal sealed record FormPage(int First, int Last, IReadOnlyList<FieldDefinition> Fields);

/// <summary>
/// Which steps share a card. A form's steps are short; a card takes as many consecutive steps as fit one screen,
/// except a step with a question that depends on an answer the card itself asks (it follows on the next card, so
/// the question can be shown or left out). While the draft asks only what is missing, answers filled in for the
/// person are not asked, and a step left with no question is passed over.
/// </summary>
internal sealed class FormPages(FormDefinition definition, FormDraft draft, Applicant who, DateOnly today, Func<FormPage, bool> fits)
{
    /// <summary>Most ways of answering the undecided questions tried when counting the pages still to come.</summary>
    private const int MaxBranches = 256;

    /// <summary>The answers the pages are cut for: the draft's, or the draft's with supposed answers to questions to come.</summary>
    private IReadOnlyDictionary<string, string> _answers = draft.Answers;

    /// <summary>The questions <paramref name="step"/> asks now.</summary>
    public List<FieldDefinition> Asked(int step)
    {
        var fields = FormSteps.Fields(definition, step, who, _answers);
        return draft.AsksOnlyMissing ? fields.Where(f => !IsFilledIn(f)).ToList() : fields;
    }

    /// <summary>Filled in for the person, unchanged since, and valid: not asked while the draft asks only what is missing.</summary>
    public bool IsFilledIn(FieldDefinition field) =>
        draft.AutoFilled.TryGetValue(field.Id, out var auto)
        && draft.Answers.TryGetValue(field.Id, out var value) && value == auto.Value
        && FormValidator.ValidateField(field, value, today) is null;

    /// <summary>The page that starts at the first step from <paramref name="from"/> that asks something; null when none does.</summary>
    public FormPage? Forward(int from)
    {
        var first = Enumerable.Range(from, Math.Max(0, definition.Steps.Count - from)).Cast<int?>().FirstOrDefault(s => Asked(s!.Value).Count > 0);
        if (first is not { } start)
        {
            return null;
        }

        var page = new FormPage(start, start, Asked(start));
        for (var step = start + 1; step < definition.Steps.Count && !DependsOnPage(step, page); step++)
        {
            var asked = Asked(step);
            var candidate = page with { Last = step, Fields = [.. page.Fields, .. asked] };
            if (asked.Count > 0 && !fits(candidate))
            {
                break;
            }

            page = candidate;
        }

        return page;
    }

    /// <summary>The page that ends at the last step up to <paramref name="from"/> that asks something; null when none does.</summary>
    public FormPage? Backward(int from)
    {
        var last = Enumerable.Range(0, Math.Max(0, Math.Min(from + 1, definition.Steps.Count))).Reverse().Cast<int?>()
            .FirstOrDefault(s => Asked(s!.Value).Count > 0);
        if (last is not { } end)
        {
            return null;
        }

        var page = new FormPage(end, end, Asked(end));
        for (var step = end - 1; step >= 0; step--)
        {
            var asked = Asked(step);
            var candidate = page with { First = step, Fields = [.. asked, .. page.Fields] };
            if (Enumerable.Range(step + 1, end - step).Any(later => DependsOn(later, asked)) || (asked.Count > 0 && !fits(candidate)))
            {
                break;
            }

            page = candidate;
        }

        return page;
    }

    /// <summary>The page of steps <paramref name="first"/>..<paramref name="last"/> as the answers stand now (after an answer
    /// made a question appear, or to show the page again).</summary>
    public FormPage Page(int first, int last) =>
        new(first, last, Enumerable.Range(first, last - first + 1).SelectMany(Asked).ToList());

    /// <summary>The number of the page that starts at <paramref name="step"/> and how many pages the form has: the pages
    /// before it as answered, and from it on the most that any way of answering the questions still to come makes, so
    /// the total announced only shrinks as the person answers.</summary>
    public (int Number, int Count) Position(int step)
    {
        var before = 0;
        for (var page = Forward(0); page is not null && page.Last < step; page = Forward(page.Last + 1))
        {
            before++;
        }

        var remaining = Branches(step).Max(answers => new FormPages(definition, draft, who, today, fits) { _answers = answers }.PagesFrom(step));
        return (before + 1, before + Math.Max(remaining, 1));
    }

    private int PagesFrom(int step)
    {
        var count = 0;
        for (var page = Forward(step); page is not null; page = Forward(page.Last + 1))
        {
            count++;
        }

        return count;
    }

    /// <summary>The draft's answers with each way the choices not made yet, on <paramref name="step"/> or later, that show
    /// or hide a question could go.</summary>
    private List<IReadOnlyDictionary<string, string>> Branches(int step)
    {
        var ahead = definition.Steps.Skip(step).SelectMany(s => s.Fields).ToList();
        var deciding = ahead.SelectMany(f => f.VisibleWhen).Select(c => c.FieldId).Distinct()
            .Where(id => !draft.Answers.ContainsKey(id))
            .Select(id => ahead.FirstOrDefault(f => f.Id == id))
            .OfType<FieldDefinition>()
            .ToList();
        var branches = new List<Dictionary<string, string>> { new(draft.Answers) };
        foreach (var field in deciding)
        {
            string[] values = field.Type switch
            {
                FieldType.Choice => [.. field.Choices.Select(c => c.Value)],
                FieldType.Confirmation => [FieldValues.True, FieldValues.False],
                _ => [],
            };
            if (values.Length == 0 || branches.Count * values.Length > MaxBranches)
            {
                continue;
            }

            branches = [.. branches.SelectMany(b => values.Select(v => new Dictionary<string, string>(b) { [field.Id] = v }))];
        }

        return [.. branches];
    }

    /// <summary>Whether an earlier step asks something (when every answer is shown, as 戻る shows them).</summary>
    public bool HasEarlierQuestions(int step) =>
        Enumerable.Range(0, Math.Min(step, definition.Steps.Count)).Any(s => FormSteps.Fields(definition, s, who, draft.Answers).Count > 0);

    private bool DependsOnPage(int step, FormPage page) => DependsOn(step, page.Fields);

    /// <summary>Whether a question of <paramref name="step"/> (asked now or not) is shown or left out by one of <paramref name="fields"/>.</summary>
    private bool DependsOn(int step, IReadOnlyList<FieldDefinition> fields) =>
        definition.Steps[step].Fields.Any(f => f.VisibleWhen.Any(c => fields.Any(p => p.Id == c.FieldId)));
}
