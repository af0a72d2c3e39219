using System.Security.Cryptography;
using System.Text.Json;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms.Prefill;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isms.Workflows.Forms;

/// <summary>
/// The form engine: starts forms (with prefill from the person's words), takes card submissions (untrusted),
/// keeps drafts in LiteDB, validates, confirms and creates records. It knows no form in particular: everything
/// form-specific is in the <see cref="FormDefinition"/>s of the <see cref="FormCatalog"/>.
/// Logs carry kinds, ids and numbers only: never names or anything typed.
/// </summary>
public sealed partial class FormService
{
    private readonly FormCatalog _catalog;
    private readonly FormDraftStore _drafts;
    private readonly IRequestStore _records;
    private readonly TimeProvider _time;
    private readonly FormsOptions _options;
    private readonly ILogger<FormService> _logger;
    private readonly IApplicantRoleCheck? _roleCheck;
    // One LiteDB file per process: serialising card handling makes double clicks and retries see each other's result.
    private readonly Lock _gate = new();

    public FormService(
        FormCatalog catalog,
        FormDraftStore drafts,
        IRequestStore records,
        TimeProvider time,
        FormsOptions options,
        ILogger<FormService>? logger = null,
        IApplicantRoleCheck? roleCheck = null)
    {
        _catalog = catalog;
        _drafts = drafts;
        _records = records;
        _time = time;
        _options = options;
        _logger = logger ?? NullLogger<FormService>.Instance;
        _roleCheck = roleCheck;
    }

    /// <summary>Starts the form, prefilled from the words that asked for it; <paramref name="reportClauses"/>: see
    /// <see cref="PrefillExtractor.Extract"/>.</summary>
    public FormReply Start(Applicant who, FormKind kind, string? freeText, IReadOnlyCollection<string>? reportClauses = null)
    {
        lock (_gate)
        {
            var definition = _catalog.Get(kind);
            var prefill = PrefillMapper.Map(definition, freeText, Today, reportClauses);
            var existing = _drafts.FindByOwner(who.UserId, kind);
            if (existing is not null)
            {
                existing.PendingPrefill = prefill;
                _drafts.Save(existing);
                return FormReply.Of(FormMessage.FromCard(StatusCardRenderer.DraftPromptCard([(definition, existing)], offerRestart: true)));
            }

            return StartNew(who, definition, prefill);
        }
    }

    public FormReply HandleCardSubmit(Applicant who, JsonElement value)
    {
        lock (_gate)
        {
            var submission = CardSubmission.TryParse(value);
            if (submission is null)
            {
                _logger.LogWarning("Rejected a form card payload that could not be parsed");
                return Text("このカードの操作を受け付けられませんでした。お手数ですが、もう一度フォームを開いてください。");
            }

            if (submission.Op == FormOp.Submit && _records.FindBySubmissionKey(SubmissionKey(submission.DraftId, submission.Nonce)) is { } done
                && done.Applicant.IsSender(who.UserId, who.AadObjectId))
            {
                _logger.LogInformation("Duplicate submission of {Number} answered without creating a record", done.Number);
                return Text($"この申請は受付済みです（{done.Number}）。");
            }

            var draft = _drafts.Find(submission.DraftId);
            if (draft is null || draft.OwnerUserId != who.UserId)
            {
                // The same answer for someone else's draft: do not reveal that it exists.
                _logger.LogWarning("Form card for an unknown or foreign draft {DraftId}", submission.DraftId);
                return Text("この入力画面は見つかりませんでした。送信済みか、取り消された可能性があります。「申請状況」で確認できます。");
            }

            var definition = _catalog.Get(draft.Kind);
            switch (submission.Op)
            {
                case FormOp.Resume:
                    return Render(who, definition, draft, note: "前回の続きから再開します。");
                case FormOp.Discard:
                    return Discard(who, definition, draft, submission.Restart);
            }

            var expectedStep = draft.Stage == DraftStage.Confirming ? definition.Steps.Count : draft.StepIndex;
            if (submission.Nonce != draft.Nonce || submission.Step != expectedStep)
            {
                _logger.LogInformation("Stale form card for draft {DraftId}", draft.Id);
                return Render(who, definition, draft, note: "古い画面からの操作のため、最新の入力画面を表示しました。入力済みの内容は残っています。");
            }

            return (submission.Op, draft.Stage) switch
            {
                (FormOp.Cancel, _) => Cancel(draft),
                (FormOp.Next, DraftStage.Editing) => Next(who, definition, draft, submission),
                (FormOp.Back, DraftStage.Editing) => Back(who, definition, draft),
                (FormOp.Back, DraftStage.Confirming) => Edit(who, definition, draft),
                (FormOp.Submit, DraftStage.Confirming) => Submit(who, definition, draft),
                _ => Render(who, definition, draft, note: "この画面ではその操作はできません。最新の入力画面を表示しました。"),
            };
        }
    }

    /// <param name="progressOf">Where each record stands now (its approval or incident); from the record alone without it.</param>
    public FormReply MyRequests(Applicant who, Func<RequestRecord, RecordProgress>? progressOf = null)
    {
        progressOf ??= RecordProgress.Basic;
        var since = _time.GetUtcNow().AddDays(-_options.RecentDays);
        var records = _records.ListByApplicant(who.UserId, limit: 50)
            .Where(r => progressOf(r).IsOpen || r.UpdatedAt >= since)
            .Take(10).ToList();
        var drafts = _drafts.ListByOwner(who.UserId).Select(d => (_catalog.Get(d.Kind), d));
        return FormReply.Of(FormMessage.FromCard(StatusCardRenderer.MyRequestsCard(records, drafts, progressOf)));
    }

    public bool HasOpenDraft(Applicant who, out IReadOnlyList<FormKind> kinds)
    {
        kinds = _drafts.ListByOwner(who.UserId).Select(d => d.Kind).ToList();
        return kinds.Count > 0;
    }

    public FormReply ResumeOrDiscardPrompt(Applicant who)
    {
        var drafts = _drafts.ListByOwner(who.UserId);
        if (drafts.Count == 0)
        {
            return Text("作成途中の申請はありません。");
        }

        return FormReply.Of(FormMessage.FromCard(StatusCardRenderer.DraftPromptCard(drafts.Select(d => (_catalog.Get(d.Kind), d)), offerRestart: false)));
    }

    private DateOnly Today => JapanTime.Today(_time);

    /// <summary>A new draft with what the words say, the person's last answers and the defaults filled in; it asks only
    /// what is missing, and goes straight to the confirmation when nothing is.</summary>
    private FormReply StartNew(Applicant who, FormDefinition definition, Dictionary<string, string> prefill)
    {
        var lastRecord = _records.ListByApplicant(who.UserId, limit: 20).FirstOrDefault(r => r.Kind == definition.Kind);
        var filled = AutoFill.For(definition, who, prefill, lastRecord, Today);
        var draft = new FormDraft
        {
            Id = Guid.NewGuid().ToString("N"),
            OwnerUserId = who.UserId,
            Kind = definition.Kind,
            Answers = filled.ToDictionary(a => a.Key, a => a.Value.Value),
            AutoFilled = filled,
            AsksOnlyMissing = true,
            CreatedAt = _time.GetUtcNow(),
        };
        _logger.LogInformation(
            "Form {Kind} started as draft {DraftId} with {FromWords} answers from the words, {FromLast} from the last record and {Defaults} defaults",
            definition.Kind, draft.Id, Count(AutoFillSource.Words), Count(AutoFillSource.LastAnswer), Count(AutoFillSource.Default));
        if (Ending(who, definition, draft) is { } ending)
        {
            _logger.LogInformation("Form {Kind} ended at its start by rule {RuleId}", definition.Kind, ending.Id);
            return Text(ending.Notice!);
        }

        var note = FormView.FilledInNote(definition, draft, who, Today);
        if (FormView.Pages(definition, draft, who, Today, note).Forward(0) is not { } first)
        {
            return Confirm(who, definition, draft);
        }

        FormView.MoveTo(draft, first);
        return Render(who, definition, draft, note: note);

        int Count(AutoFillSource source) => filled.Values.Count(a => a.Source == source);
    }

    private FormReply Next(Applicant who, FormDefinition definition, FormDraft draft, CardSubmission submission)
    {
        var inputErrors = FormSteps.MergeInputs(draft, submission);
        // An answer that leaves nothing to apply for ends the form before the rest of the page is checked.
        if (Ending(who, definition, draft) is { } ending)
        {
            _drafts.Delete(draft.Id);
            _logger.LogInformation("Draft {DraftId} ended by rule {RuleId}", draft.Id, ending.Id);
            return Text(ending.Notice!);
        }

        var pages = FormView.Pages(definition, draft, who, Today);
        var fields = pages.Page(draft.StepIndex, FormView.PageEnd(draft)).Fields;
        // Only what the card showed is checked now; a field that the answers just made visible is shown first.
        var errors = FormValidator.Validate(definition, fields.Where(f => draft.RenderedFieldIds.Contains(f.Id)), draft.Answers, Today);
        foreach (var (fieldId, error) in inputErrors)
        {
            errors[fieldId] = error;
        }

        if (errors.Count > 0)
        {
            return Render(who, definition, draft, errors: errors);
        }

        if (fields.Any(f => !draft.RenderedFieldIds.Contains(f.Id)))
        {
            return Render(who, definition, draft, note: "回答に応じて確認する項目が増えました。入力して「次へ」を押してください。");
        }

        if (pages.Forward(FormView.PageEnd(draft) + 1) is { } next)
        {
            FormView.MoveTo(draft, next);
            return Render(who, definition, draft);
        }

        return Confirm(who, definition, draft);
    }

    /// <summary>The page before, with every answer shown (going back is to look at or change what was filled in).</summary>
    private FormReply Back(Applicant who, FormDefinition definition, FormDraft draft)
    {
        draft.AsksOnlyMissing = false;
        if (FormView.Pages(definition, draft, who, Today).Backward(draft.StepIndex - 1) is { } previous)
        {
            FormView.MoveTo(draft, previous);
        }

        return Render(who, definition, draft);
    }

    private FormReply Edit(Applicant who, FormDefinition definition, FormDraft draft)
    {
        draft.Stage = DraftStage.Editing;
        ShowEverythingFrom(who, definition, draft, 0);
        return Render(who, definition, draft, note: "内容を修正して「次へ」で進んでください。入力済みの内容は残っています。");
    }

    /// <summary>Every answer shown again, from the page that starts at <paramref name="step"/>.</summary>
    private void ShowEverythingFrom(Applicant who, FormDefinition definition, FormDraft draft, int step)
    {
        draft.AsksOnlyMissing = false;
        var page = FormView.Pages(definition, draft, who, Today).Forward(step);
        draft.StepIndex = page?.First ?? step;
        draft.PageEnd = page?.Last ?? step;
    }

    /// <summary>Checks every asked field once more (answers may be old, or a branch may have changed) and shows the confirmation.</summary>
    private FormReply Confirm(Applicant who, FormDefinition definition, FormDraft draft)
    {
        if (FormSteps.FirstWithErrors(definition, who, draft.Answers, Today) is { } invalid)
        {
            draft.Stage = DraftStage.Editing;
            ShowEverythingFrom(who, definition, draft, invalid.Step);
            return Render(who, definition, draft, errors: invalid.Errors);
        }

        draft.Stage = DraftStage.Confirming;
        return Render(who, definition, draft);
    }

    private FormReply Submit(Applicant who, FormDefinition definition, FormDraft draft)
    {
        // Checked again on sending: the role may have ended since the start. The draft stays, answers and all.
        // Without a check to ask (a host without the directory), it is refused: the roles cannot be confirmed.
        if (definition.ApplicantRoles.Count > 0 && (_roleCheck is null ? definition.ApplicantRolesSentence() : _roleCheck.Refusal(who, definition)) is { } refusal)
        {
            _logger.LogInformation("Refused to send draft {DraftId} of {Kind}: the sender holds none of its applicant roles", draft.Id, definition.Kind);
            return Text($"{refusal}\n入力した内容は下書きとして残っています。");
        }

        if (FormSteps.FirstWithErrors(definition, who, draft.Answers, Today) is { } invalid)
        {
            draft.Stage = DraftStage.Editing;
            ShowEverythingFrom(who, definition, draft, invalid.Step);
            return Render(who, definition, draft, errors: invalid.Errors);
        }

        if (draft.ReopensRecordId is { } reopened)
        {
            return Resubmit(who, definition, draft, reopened);
        }

        var record = RecordFactory.Create(definition, who, FormSteps.Asked(definition, who, draft.Answers), draft.Answers, _time.GetUtcNow());
        record.SubmissionKey = SubmissionKey(draft.Id, draft.Nonce);
        var (stored, created) = _records.CreateOnce(record, definition.NumberPrefix, JapanTime.Now(_time).Year);
        if (!created)
        {
            return Text($"この申請は受付済みです（{stored.Number}）。");
        }

        _drafts.Delete(draft.Id);
        _logger.LogInformation("Form {Kind} submitted as {Number} (incident: {IsIncident})", definition.Kind, stored.Number, stored.IsIncident);
        return new FormReply([FormMessage.FromCard(ReceiptCard.Create(stored, RecordProgress.Basic(stored)))], stored);
    }

    private static bool IsApplicant(Applicant who, RequestRecord record) => record.Applicant.IsSender(who.UserId, who.AadObjectId);

    private FormReply Cancel(FormDraft draft)
    {
        _drafts.Delete(draft.Id);
        _logger.LogInformation("Draft {DraftId} cancelled", draft.Id);
        return Text("入力を取り消しました。記録は作成していません。");
    }

    private FormReply Discard(Applicant who, FormDefinition definition, FormDraft draft, bool restart)
    {
        _drafts.Delete(draft.Id);
        _logger.LogInformation("Draft {DraftId} discarded", draft.Id);
        if (restart)
        {
            return StartNew(who, definition, draft.PendingPrefill);
        }

        return Text($"{definition.Title}の下書きを破棄しました。");
    }

    /// <summary>Renders the draft as it stands (a step or the confirmation) with a fresh nonce, and saves it.</summary>
    private FormReply Render(
        Applicant who,
        FormDefinition definition,
        FormDraft draft,
        IReadOnlyDictionary<string, string>? errors = null,
        string? note = null)
    {
        if (draft.ReopenNote is not null)
        {
            note = note is null ? draft.ReopenNote : $"{draft.ReopenNote}\n{note}";
        }

        var messages = new List<FormMessage>();
        foreach (var rule in definition.Rules.Where(r => r.Effects.HasFlag(RuleEffects.NotifyImmediately) && r.Notice is not null))
        {
            if (!draft.NoticesShown.Contains(rule.Id) && rule.Applies(FormSteps.Effective(definition, who, draft.Answers)))
            {
                draft.NoticesShown.Add(rule.Id);
                messages.Add(FormMessage.FromText(rule.Notice!));
                _logger.LogInformation("Immediate notice {RuleId} shown for draft {DraftId}", rule.Id, draft.Id);
            }
        }

        draft.Nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
        draft.UpdatedAt = _time.GetUtcNow();
        messages.Add(draft.Stage == DraftStage.Confirming
            ? FormView.ConfirmationCard(definition, draft, who, Today, note)
            : FormView.StepCard(definition, draft, who, Today, errors, note));
        _drafts.Save(draft);
        return new FormReply(messages, null);
    }

    private FormRule? Ending(Applicant who, FormDefinition definition, FormDraft draft) =>
        definition.Rules.FirstOrDefault(r => r.Effects.HasFlag(RuleEffects.EndsForm) && r.Notice is not null
            && r.Applies(FormSteps.Effective(definition, who, draft.Answers)));

    private static string SubmissionKey(string draftId, string nonce) => $"{draftId}:{nonce}";

    private static FormReply Text(string text) => FormReply.Of(FormMessage.FromText(text));
}
