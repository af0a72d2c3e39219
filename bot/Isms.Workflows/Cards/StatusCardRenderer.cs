using System.Globalization;
using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Cards;

/// <summary>Cards about records and drafts: the sent confirmation, the resume/discard prompt and 申請状況 (the receipt is <see cref="ReceiptCard"/>).</summary>
public static class StatusCardRenderer
{
    /// <summary>What the form's confirmation card becomes once sent: read-only, so nothing invites a second 送信.</summary>
    public static JsonObject SubmittedCard(RequestRecord record) =>
        new AdaptiveCard()
            .Add(TextBlock(record.Title, TextTone.Heading))
            .Add(TextBlock($"送信済み（{record.Number}）", TextTone.Subheading))
            .Add(TextBlock("この内容は送信済みです。状況は「申請状況」と送ると確認できます。", TextTone.Help))
            .ToJson();

    /// <summary>
    /// Lists open drafts with 再開 / 破棄. With <paramref name="offerRestart"/> (the person started the same form again)
    /// 破棄 becomes 破棄して新しく始める.
    /// </summary>
    public static JsonObject DraftPromptCard(IEnumerable<(FormDefinition Definition, FormDraft Draft)> drafts, bool offerRestart)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("作成途中の申請があります", TextTone.Heading))
            .Add(TextBlock(offerRestart
                ? "前回の入力の続きから再開するか、破棄して新しく始めるかを選んでください。"
                : "続きから再開するか、破棄するかを選んでください。破棄しない限り、下書きはそのまま残ります。"));
        foreach (var (definition, draft) in drafts)
        {
            var resume = FormCardData.Action(FormOp.Resume, draft.Id, draft.StepIndex, draft.Nonce);
            var discard = FormCardData.Action(FormOp.Discard, draft.Id, draft.StepIndex, draft.Nonce);
            if (offerRestart)
            {
                discard["restart"] = true;
            }

            card.Add(Container(
            [
                TextBlock(definition.Title, TextTone.Subheading),
                TextBlock($"最終更新: {JapanTime.FormatDateTime(draft.UpdatedAt)}", TextTone.Help),
                ActionSet(
                [
                    SubmitAction("続きから再開", resume, "positive", sendInputs: false),
                    SubmitAction(offerRestart ? "破棄して新しく始める" : "破棄", discard, "destructive", sendInputs: false),
                ]),
            ], separator: true));
        }

        return card.ToJson();
    }

    public const string WithdrawMarker = "withdraw";

    /// <summary>申請状況: each record with its state and 次の対応 as they stand now (<paramref name="progressOf"/>; from the
    /// record alone without it), who it waits for, who decided, when, the comment, 取り下げ for a pending one and
    /// 修正して再申請 for a returned one.</summary>
    public static JsonObject MyRequestsCard(
        IReadOnlyList<RequestRecord> records,
        IEnumerable<(FormDefinition Definition, FormDraft Draft)> drafts,
        Func<RequestRecord, RecordProgress>? progressOf = null)
    {
        var card = new AdaptiveCard().Add(TextBlock("申請状況", TextTone.Heading));
        var draftList = drafts.ToList();
        if (records.Count == 0 && draftList.Count == 0)
        {
            return card.Add(TextBlock("現在、受付中の申請・報告はありません。")).ToJson();
        }

        foreach (var record in records)
        {
            var progress = progressOf?.Invoke(record) ?? RecordProgress.Basic(record);
            var facts = new List<(string, string)>
            {
                ("状態", progress.State),
                ("受付日", JapanTime.FormatDateTime(record.CreatedAt)),
            };
            if (record.LinkedRecordLabel is { } linked)
            {
                facts.Add(("関連する記録", linked));
            }

            var approval = progress.Approval;
            if (approval is not null)
            {
                facts.AddRange(ApprovalFacts(approval));
            }

            if (record.ReturnedAt is { } returnedAt)
            {
                facts.Add(("返却（持ち込み）", JapanTime.FormatDateTime(returnedAt)));
                facts.Add(("返却の確認", record.ReturnConfirmedAt is { } confirmed
                    ? $"{JapanTime.FormatDateTime(confirmed)}（{record.ReturnConfirmedBy}さん）"
                    : "情報セキュリティ管理者の確認待ち"));
            }
            else if (progress.IsOpen && !string.IsNullOrEmpty(progress.NextStep))
            {
                facts.Add(("次の対応", progress.NextStep));
            }

            var items = new List<JsonObject> { TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading), FactSet(facts) };
            if (approval is { State: ApprovalState.Pending })
            {
                items.Add(ActionSet([SubmitAction("取り下げ", new JsonObject { ["isms"] = WithdrawMarker, ["record"] = record.Id }, "destructive", sendInputs: false)]));
            }
            else if (record.Status == RequestStatus.Returned)
            {
                items.Add(ActionSet([SubmitAction("修正して再申請", ReturnedCard.ReopenData(record.Id), "positive", sendInputs: false)]));
            }

            card.Add(Container(items, separator: true));
        }

        foreach (var (definition, draft) in draftList)
        {
            card.Add(Container(
            [
                TextBlock($"{definition.Title}（作成途中・未送信）", TextTone.Subheading),
                TextBlock($"最終更新: {JapanTime.FormatDateTime(draft.UpdatedAt)}", TextTone.Help),
                ActionSet([SubmitAction("続きから再開", FormCardData.Action(FormOp.Resume, draft.Id, draft.StepIndex, draft.Nonce), sendInputs: false)]),
            ], separator: true));
        }

        return card.ToJson();
    }

    private static IEnumerable<(string, string)> ApprovalFacts(ApprovalView view)
    {
        foreach (var decision in view.Decisions)
        {
            var who = $"{decision.DeciderName}さん" + (decision.ActingFor is null ? "" : $"（{decision.ActingFor}さんの代理）");
            var step = string.IsNullOrEmpty(decision.StepLabel) ? "" : $"{decision.StepLabel} ";
            yield return (decision.Decision.Label(), $"{step}{who}　{JapanTime.FormatDateTime(decision.At)}");
            if (decision.Comment is not null)
            {
                yield return ("コメント", decision.Comment);
            }
        }

        if (view.State == ApprovalState.Pending && view.CurrentStepLabel is not null)
        {
            var names = view.CurrentDeciderNames.Count == 0 ? "不在" : string.Join("、", view.CurrentDeciderNames.Select(n => $"{n}さん"));
            yield return (view.CurrentAction == Routing.StepAction.Acknowledge ? "確認待ち" : "承認待ち", $"{view.CurrentStepLabel}（{names}）");
        }
    }
}
