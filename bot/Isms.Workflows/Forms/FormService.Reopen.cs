using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;

namespace Isms.Workflows.Forms;

/// <summary>A returned (差戻し) record corrected by its applicant and sent again under its number.</summary>
public sealed partial class FormService
{
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
            ShowEverythingFrom(who, definition, draft, 0);
            _logger.LogInformation("Record {Number} reopened as draft {DraftId}", record.Number, draft.Id);
            return Render(who, definition, draft);
        }
    }

    /// <summary>Starts a new draft from given answers (a 延長申請 from the record it extends): what they fill is not asked
    /// again, as with answers read from the person's words. A draft of the same form already open is offered first.</summary>
    public FormReply StartWith(Applicant who, FormKind kind, IReadOnlyDictionary<string, string> answers)
    {
        lock (_gate)
        {
            var definition = _catalog.Get(kind);
            var prefill = answers.Where(a => definition.FindField(a.Key) is not null).ToDictionary(a => a.Key, a => a.Value);
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
        record.Title = corrected.Title;
        record.HighestConfidentiality = corrected.HighestConfidentiality;
        record.ConfidentialityClass = corrected.ConfidentialityClass;
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
}
