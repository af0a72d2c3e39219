using Isms.Workflows.Cards;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Forms;

/// <summary>The cards of a draft as it stands: the page of steps it is on, or the confirmation.</summary>
internal static class FormView
{
    private static readonly Dictionary<string, string> NoErrors = [];

    /// <summary>The pages of the draft; a page takes the steps that fit one screen with <paramref name="note"/> on it.</summary>
    public static FormPages Pages(FormDefinition definition, FormDraft draft, Applicant who, DateOnly today, string? note = null) =>
        new(definition, draft, who, today, page =>
            CardHeight.FitsOneScreen(FormCardRenderer.StepCard(definition, draft, View(definition, draft, page, 1, 1, canGoBack: true), NoErrors, note, today)));

    /// <summary>Moves the draft to <paramref name="page"/>.</summary>
    public static void MoveTo(FormDraft draft, FormPage page)
    {
        draft.StepIndex = page.First;
        draft.PageEnd = page.Last;
    }

    /// <summary>The last step of the page shown (drafts saved before pages show one step).</summary>
    public static int PageEnd(FormDraft draft) => Math.Max(draft.StepIndex, draft.PageEnd);

    public static FormPageView View(FormDefinition definition, FormDraft draft, FormPage page, int number, int count, bool canGoBack)
    {
        var titles = Enumerable.Range(page.First, page.Last - page.First + 1)
            .Where(s => page.Fields.Any(f => definition.Steps[s].Fields.Contains(f) || (s == 0 && FormSteps.IsDepartmentField(f))))
            .Select(s => definition.Steps[s].Title);
        var opens = number == 1;
        var clauses = (opens ? definition.Clauses : []).Concat(page.Fields.SelectMany(f => f.Clauses)).Distinct().ToList();
        // Someone who said what they need in their own words knows what the form is for: the room goes to the questions.
        var introduce = opens && !draft.AutoFilled.Values.Any(a => a.Source == AutoFillSource.Words);
        return new FormPageView(page.Fields, string.Join("・", titles), number, count, clauses, introduce, canGoBack);
    }

    public static FormMessage StepCard(
        FormDefinition definition, FormDraft draft, Applicant who, DateOnly today, IReadOnlyDictionary<string, string>? errors, string? note)
    {
        var pages = Pages(definition, draft, who, today, note);
        var page = pages.Page(draft.StepIndex, PageEnd(draft));
        var (number, count) = pages.Position(draft.StepIndex);
        draft.RenderedFieldIds = page.Fields.Select(f => f.Id).ToList();
        var view = View(definition, draft, page, number, count, pages.HasEarlierQuestions(draft.StepIndex));
        return FormMessage.FromCard(FormCardRenderer.StepCard(definition, draft, view, errors ?? NoErrors, note, today));
    }

    public static FormMessage ConfirmationCard(FormDefinition definition, FormDraft draft, Applicant who, DateOnly today, string? note)
    {
        var pages = Pages(definition, draft, who, today);
        var asked = FormSteps.Asked(definition, who, draft.Answers);
        var answers = FormSteps.Effective(definition, who, draft.Answers);
        draft.RenderedFieldIds = [];
        return FormMessage.FromCard(FormCardRenderer.ConfirmationCard(
            definition, draft, who, FormSteps.DepartmentOf(who, draft.Answers),
            asked.Where(f => !FormSteps.IsDepartmentField(f)).Select(f => (f, answers.GetValueOrDefault(f.Id))).ToList(),
            RecordFactory.IsIncident(definition, answers),
            RecordFactory.AppliedClauses(definition, asked, answers),
            note,
            asked.Where(pages.IsFilledIn).Select(f => f.Label).ToList()));
    }

    /// <summary>Says which answers were filled in and will not be asked (the confirmation shows them).</summary>
    public static string? FilledInNote(FormDefinition definition, FormDraft draft, Applicant who, DateOnly today)
    {
        var pages = Pages(definition, draft, who, today);
        var labels = FormSteps.Asked(definition, who, draft.Answers).Where(pages.IsFilledIn).Select(f => f.Label).ToList();
        if (labels.Count == 0)
        {
            return null;
        }

        return $"入力済みの項目: {string.Join("、", labels)}（最後の確認画面で直せます）";
    }
}
