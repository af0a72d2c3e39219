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
public sealed class FormService
{
    private readonly FormCatalog _catalog;
    private readonly FormDraftStore _drafts;
    private readonly IRequestStore _records;
    private readonly TimeProvider _time;
    private readonly FormsOptions _options;
    private readonly ILogger<FormService> _logger;
    // One LiteDB file per process: serialising card handling makes double clicks and retries see each other's result.
    private readonly Lock _gate = new();

    public FormService(
        FormCatalog catalog,
        FormDraftStore drafts,
        IRequestStore records,
        TimeProvider time,
        FormsOptions options,
        ILogger<FormService>? logger = null)
    {
        _catalog = catalog;
        _drafts = drafts;
        _records = records;
        _time = time;
        _options = options;
        _logger = logger ?? NullLogger<FormService>.Instance;
    }

    public FormReply Start(Applicant who, FormKind kind, string? freeText)
    {
        lock (_gate)
        {
            var definition = _catalog.Get(kind);
            var prefill = PrefillMapper.Map(definition, freeText, Today);
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

    /// <summary>
    /// Opens a returned (差戻し) record again as a draft with its answers and the approver's comment; submitting it
    /// resubmits the same record. Only the applicant, only while it is returned; a second call shows the same draft.
    /// </summary>
    public FormReply Reopen(Applicant who, string recordId, string? returnedBy, string? comment)
    {
        lock (_gate)
        {
            var record = _records.FindById(recordId);
            if (record is null || !IsApplicant(who, record))
            {
                _logger.LogWarning("Reopen refused for record {RecordId}: unknown or not the applicant's", recordId);
                return Text("この申請は見つかりませんでした。修正して再申請できるのは申請者本人だけです。");
            }

            if (record.Status != RequestStatus.Returned)
            {
                return Text($"{record.Number}は{record.Status.Label()}のため、修正して再申請することはできません。");
            }

            var definition = _catalog.Get(record.Kind);
            var existing = _drafts.FindByOwner(who.UserId, record.Kind);
            if (existing is not null && existing.ReopensRecordId == record.Id)
            {
                return Render(who, definition, existing, note: "作成途中の修正の続きです。");
            }

            if (existing is not null)
            {
                return Text($"作成途中の{definition.Title}があります。「申請状況」から再開して送信するか破棄してから、もう一度「修正して再申請」を押してください。");
            }

            var draft = new FormDraft
            {
                Id = Guid.NewGuid().ToString("N"),
                OwnerUserId = who.UserId,
                Kind = record.Kind,
                Answers = record.Answers.Where(a => !string.IsNullOrEmpty(a.Value.Value)).ToDictionary(a => a.Key, a => a.Value.Value),
                ReopensRecordId = record.Id,
                ReopenNote = $"{record.Number}は{returnedBy ?? "承認者"}さんにより差し戻されました。"
                    + (comment is null ? "" : $"\nコメント: {comment}")
                    + "\n内容を修正して送信すると、同じ受付番号で再申請されます。",
                CreatedAt = _time.GetUtcNow(),
            };
            _logger.LogInformation("Record {Number} reopened as draft {DraftId}", record.Number, draft.Id);
            return Render(who, definition, draft);
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

    private FormReply StartNew(Applicant who, FormDefinition definition, Dictionary<string, string> prefill)
    {
        var now = _time.GetUtcNow();
        var draft = new FormDraft
        {
            Id = Guid.NewGuid().ToString("N"),
            OwnerUserId = who.UserId,
            Kind = definition.Kind,
            Answers = prefill,
            CreatedAt = now,
        };
        _logger.LogInformation("Form {Kind} started as draft {DraftId} with {PrefilledCount} prefilled answers", definition.Kind, draft.Id, prefill.Count);
        return Render(who, definition, draft, note: prefill.Count > 0 ? "メッセージから分かる項目を入力しておきました。確認してください。" : null);
    }

    private FormReply Next(Applicant who, FormDefinition definition, FormDraft draft, CardSubmission submission)
    {
        var inputErrors = FormSteps.MergeInputs(draft, submission);
        var fields = FormSteps.Fields(definition, draft.StepIndex, who, draft.Answers);
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

        var nextStep = FormSteps.NextWithFields(definition, who, draft.Answers, draft.StepIndex + 1, +1);
        if (nextStep is { } step)
        {
            draft.StepIndex = step;
            return Render(who, definition, draft);
        }

        return Confirm(who, definition, draft);
    }

    private FormReply Back(Applicant who, FormDefinition definition, FormDraft draft)
    {
        draft.StepIndex = FormSteps.NextWithFields(definition, who, draft.Answers, draft.StepIndex - 1, -1) ?? draft.StepIndex;
        return Render(who, definition, draft);
    }

    private FormReply Edit(Applicant who, FormDefinition definition, FormDraft draft)
    {
        draft.Stage = DraftStage.Editing;
        draft.StepIndex = 0;
        return Render(who, definition, draft, note: "内容を修正して「次へ」で進んでください。入力済みの内容は残っています。");
    }

    /// <summary>Checks every asked field once more (answers may be old, or a branch may have changed) and shows the confirmation.</summary>
    private FormReply Confirm(Applicant who, FormDefinition definition, FormDraft draft)
    {
        if (FormSteps.FirstWithErrors(definition, who, draft.Answers, Today) is { } invalid)
        {
            draft.Stage = DraftStage.Editing;
            draft.StepIndex = invalid.Step;
            return Render(who, definition, draft, errors: invalid.Errors);
        }

        draft.Stage = DraftStage.Confirming;
        return Render(who, definition, draft);
    }

    private FormReply Submit(Applicant who, FormDefinition definition, FormDraft draft)
    {
        if (FormSteps.FirstWithErrors(definition, who, draft.Answers, Today) is { } invalid)
        {
            draft.Stage = DraftStage.Editing;
            draft.StepIndex = invalid.Step;
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

    /// <summary>The corrected answers replace those of the returned record; number, id and history stay.</summary>
    private FormReply Resubmit(Applicant who, FormDefinition definition, FormDraft draft, string recordId)
    {
        var record = _records.FindById(recordId);
        if (record is null || !IsApplicant(who, record) || record.Status != RequestStatus.Returned)
        {
            _drafts.Delete(draft.Id);
            return Text(record is null ? "元の申請が見つからないため、再申請できませんでした。"
                : $"{record.Number}は{record.Status.Label()}のため、再申請できませんでした。");
        }

        var now = _time.GetUtcNow();
        var corrected = RecordFactory.Create(definition, who, FormSteps.Asked(definition, who, draft.Answers), draft.Answers, now);
        record.ChangesSinceReturn = AnswerChange.Between(record.Answers, corrected.Answers);
        record.Answers = corrected.Answers;
        record.HighestConfidentiality = corrected.HighestConfidentiality;
        record.IsIncident = corrected.IsIncident;
        record.AppliedClauses = corrected.AppliedClauses;
        record.NextStep = corrected.NextStep;
        record.Applicant.Department = corrected.Applicant.Department;
        record.SubmissionKey = SubmissionKey(draft.Id, draft.Nonce);
        record.ChangeStatus(definition.InitialStatus, new RequestHistoryEntry { At = now, Actor = who.UserId, Action = RequestRecord.ResubmittedAction, Note = "差戻し後に修正して再申請" });
        _records.Update(record);
        _drafts.Delete(draft.Id);
        _logger.LogInformation("Record {Number} resubmitted after a return", record.Number);
        return new FormReply([FormMessage.FromCard(ReceiptCard.Create(record, RecordProgress.Basic(record)))], record);
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
        if (draft.Stage == DraftStage.Confirming)
        {
            var asked = FormSteps.Asked(definition, who, draft.Answers);
            var answers = FormSteps.Effective(definition, who, draft.Answers);
            draft.RenderedFieldIds = [];
            var card = FormCardRenderer.ConfirmationCard(
                definition, draft, who, FormSteps.DepartmentOf(who, draft.Answers),
                asked.Where(f => !FormSteps.IsDepartmentField(f)).Select(f => (f, answers.GetValueOrDefault(f.Id))).ToList(),
                RecordFactory.IsIncident(definition, answers),
                RecordFactory.AppliedClauses(definition, asked, answers),
                note);
            messages.Add(FormMessage.FromCard(card));
        }
        else
        {
            var fields = FormSteps.Fields(definition, draft.StepIndex, who, draft.Answers);
            draft.RenderedFieldIds = fields.Select(f => f.Id).ToList();
            messages.Add(FormMessage.FromCard(FormCardRenderer.StepCard(
                definition, draft, fields, errors ?? new Dictionary<string, string>(), note, Today)));
        }

        _drafts.Save(draft);
        return new FormReply(messages, null);
    }

    private static string SubmissionKey(string draftId, string nonce) => $"{draftId}:{nonce}";

    private static FormReply Text(string text) => FormReply.Of(FormMessage.FromText(text));
}
