using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Incidents;
using Isms.Bot.Notifications;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Approvals;

/// <summary>
/// Connects submitted records to <see cref="ApprovalService"/> in Teams: routes a new record and sends the decision
/// card to its approvers (personal chat, else the approvals channel; undelivered ones go to the outbox), answers the
/// card's Universal Actions (<c>adaptiveCard/action</c>) and updates every posted copy after each change. Every check
/// is the service's; the invoker is always the activity's sender, never anything in the card data.
/// </summary>
public sealed class ApprovalsBridge(
    ApprovalService approvals,
    ApprovalCardSender cards,
    NotificationOutbox outbox,
    WaitingApprovals waiting,
    OrgDirectoryService directory,
    IRequestStore requests,
    IncidentsBridge incidents,
    Receipts receipts,
    ILogger<ApprovalsBridge> logger)
{
    private const string CardContentType = CardAttachments.AdaptiveCardContentType;
    private const string StaleCardNotice = "このカードは古くなっていたため、操作を受け付けませんでした。最新の内容を表示しましたので、確認のうえ改めて判断してください。";

    private enum CardDelivery
    {
        PersonalChat,
        ApprovalsChannel,
        NotDelivered,
    }

    /// <summary>After a form created a record: route it, tell the approvers, and answer the applicant with one message
    /// (the receipt) saying who has it, what happens next, and whom it has not reached yet.</summary>
    public async Task AfterSubmitAsync(ITurnContext turnContext, RequestRecord record, CancellationToken cancellationToken)
    {
        if (record.IsIncident)
        {
            // Incidents (and 誤送信報告 with personal data or 機密性3) follow the 5.3 chain, not an approval.
            await incidents.AfterSubmitAsync(turnContext, record, cancellationToken);
            return;
        }

        // The submit activity goes to the audit trail; the cards' own activities are kept in ApprovalCardCopies.
        var (assigned, assignment) = SubmittedForm.StartWorkflow(record, () => approvals.Assign(record, turnContext.Activity.Id), logger);
        if (!assigned || assignment is null)
        {
            await receipts.SendAsync(turnContext, record, new SubmissionDelivery([], [], Urgent: false,
                Problem: "受付は完了しましたが、承認者への回付に失敗しました。所属の情報セキュリティ管理者に直接お知らせください。"), cancellationToken);
            return;
        }

        var reached = new List<Recipient>();
        var missed = new List<Recipient>();
        var inChannel = new List<string>();
        foreach (var notification in assignment.Notifications)
        {
            var isApplicant = IsApplicant(notification, record.Applicant);
            var delivery = !isApplicant && assignment.State == ApprovalState.Pending
                ? await SendDecisionCardAsync(assignment.View, notification, cancellationToken)
                : await SendAsync(notification, record.Id, record.Number, cancellationToken) == NotifyResult.Sent ? CardDelivery.PersonalChat : CardDelivery.NotDelivered;
            if (isApplicant) continue;
            (delivery == CardDelivery.NotDelivered ? missed : reached).Add(notification.To);
            if (delivery == CardDelivery.ApprovalsChannel) inChannel.Add($"{notification.To.Name}さん");
        }

        if (missed.Count > 0)
        {
            logger.LogWarning("Could not reach {Count} approvers for record {RecordId}", missed.Count, record.Id);
        }

        // Who has it, in the words of the step (警防課の情報セキュリティ管理者の佐藤 花子さん); a route without decisions only names people.
        var label = assignment.State == ApprovalState.Pending ? assignment.View.CurrentStepSpokenLabel ?? assignment.View.CurrentStepLabel : null;
        IReadOnlyList<string> holders = reached.Count == 0 ? []
            : label is null ? [string.Join("、", reached.Select(r => $"{r.Name}さん"))]
            : [NextSteps.Who(label, reached.Select(r => r.Name).ToList())];
        var notReached = missed.Select(r => (label is null ? "" : $"{label}の") + Recipient.Describe(r.Name, directory.Current.FindById(r.PersonId)?.Phone)).ToList();
        // Said once, in the same message: a card in the approvals channel reaches the approver, but not in their own chat.
        IReadOnlyList<string> notes = inChannel.Count == 0 ? assignment.Notes
            : [.. assignment.Notes, $"{string.Join("、", inChannel)}には個人チャットで通知できなかったため、承認用チャネルに判断依頼を投稿しました。"];
        await receipts.SendAsync(turnContext, record, new SubmissionDelivery(holders, notReached, Urgent: false, notes), cancellationToken);
    }

    /// <summary>承認待ち: lists what waits for the sender's decision and shows each decision card again in this chat.</summary>
    public async Task ShowWaitingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var identity = directory.Identify(from?.AadObjectId, from?.Id);
        if (identity.Person is not { } person)
        {
            await turnContext.SendActivityAsync(identity.Guidance ?? "組織名簿にあなたの登録が見つからないため、承認待ちの申請を表示できません。",
                cancellationToken: cancellationToken);
            return;
        }

        var views = waiting.For(person);
        if (views.Count == 0)
        {
            await turnContext.SendActivityAsync("あなたの判断を待っている申請はありません。", cancellationToken: cancellationToken);
            return;
        }

        var lines = views.Select(v => $"- {v.Number} {v.Title}（{v.ApplicantName}さん、{v.CurrentStepLabel}）");
        await turnContext.SendActivityAsync($"あなたの判断を待っている申請は{views.Count}件です。\n\n{string.Join("\n", lines)}",
            cancellationToken: cancellationToken);
        foreach (var view in views)
        {
            await cards.ShowInTurnAsync(turnContext, view, person.Id, cancellationToken);
            outbox.DecisionCardShown(view.RecordId, person.Id);
        }
    }

    /// <summary>After any change made outside a card (a withdrawal): every copy shows the new state.</summary>
    public Task<int> UpdateCardCopiesAsync(string recordId, CancellationToken cancellationToken) =>
        cards.UpdateCopiesAsync(recordId, cancellationToken);

    /// <summary>Handles 承認 / 差戻し / 却下 / 確認 and refreshes of a decision card.</summary>
    public async Task<AdaptiveCardInvokeResponse> HandleActionAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        // Card data is untrusted JSON: anything but an object, or a field of the wrong type, reads as missing.
        var data = value.Action?.Data as JObject;
        var recordId = data is null ? null : CardData.Text(data, "recordId");
        var from = turnContext.Activity.From;
        if (data is null || recordId is not { Length: > 0 and <= 64 })
        {
            return Message(400, "このカードの操作は受け付けられませんでした。");
        }

        if (value.Action?.Verb == "isms.refresh")
        {
            var refreshed = approvals.CardFor(recordId, from.AadObjectId, from.Id);
            return refreshed is null ? Message(200, ApprovalService.NotVisible) : Card(refreshed);
        }

        if (DecisionText.FromVerb(value.Action?.Verb) is not { } decision || from.AadObjectId is not { Length: > 0 } invoker)
        {
            return Message(400, "このカードの操作は受け付けられませんでした。");
        }

        var comment = CardData.Text(data, DecisionCard.CommentInputId);
        var result = approvals.Decide(recordId, invoker, from.Id, decision, comment, CardData.Text(data, "version") ?? "", turnContext.Activity.Id);
        if (!result.Succeeded)
        {
            logger.LogInformation("Refused a decision on record {RecordId}: {Outcome}", recordId, result.Outcome);
            // A stale card in the hands of someone who may still decide: the current buttons, under the message, so
            // that a client without refresh (the Playground) does not leave them stuck.
            if (result.Outcome == DecisionOutcome.StaleCard && approvals.CardFor(recordId, from.AadObjectId, from.Id, StaleCardNotice) is { } current
                && current["actions"] is not null)
            {
                return Card(current);
            }

            // Invalid (no reason for a 差戻し or 却下) is only ever said to someone who may decide: they keep the
            // buttons. The status card would take them away where refresh does not bring them back (the Playground).
            // Someone who may not decide learns why, but not the request's contents.
            return result.Outcome switch
            {
                DecisionOutcome.Invalid when result.View is { } refused => Card(DecisionCard.ForApprovers(refused, commentError: result.Message)),
                DecisionOutcome.NotAllowed => Message(200, result.Message),
                _ => Message(200, result.Message, result.View),
            };
        }

        // Every copy first shows the new state (the clicker's too: in a channel others see it); then the next step's
        // approvers, if any, get fresh cards, which are new copies.
        var view = result.View!;
        await cards.UpdateCopiesAsync(recordId, cancellationToken);
        await receipts.UpdateAsync(recordId, cancellationToken);
        var record = requests.FindByNumber(view.Number);
        foreach (var notification in result.Notifications)
        {
            if (view.State == ApprovalState.Pending && (record is null || !IsApplicant(notification, record.Applicant)))
            {
                await SendDecisionCardAsync(view, notification, cancellationToken);
                continue;
            }

            await SendAsync(notification, recordId, view.Number, cancellationToken);
        }

        // 5.3(1)①: the incident report the 管理者 made of the report starts its chain; its receipt goes to the 管理者.
        if (result.Incident is { } incident)
        {
            await incidents.AfterSubmitAsync(turnContext, incident, cancellationToken);
        }

        // A confirmed report stays open to 「インシデントとして報告」 for the one who confirmed it (5.3(1)①): their card says so.
        return Card(view.State == ApprovalState.Decided && view.CanReportIncident && approvals.CardFor(recordId, from.AadObjectId, from.Id) is { } confirmed
            ? confirmed
            : DecisionCard.Status(view));
    }

    private Task<NotifyResult> SendAsync(Notice notice, string recordId, string recordNumber, CancellationToken cancellationToken) =>
        outbox.SendOrQueueAsync(notice, recordId, recordNumber, cancellationToken);

    /// <summary>Personal chat first; otherwise the outbox retries it there and the approvals channel gets it now.</summary>
    private async Task<CardDelivery> SendDecisionCardAsync(ApprovalView view, Notice notification, CancellationToken cancellationToken)
    {
        var result = await cards.SendToPersonAsync(view, notification.To, notification.Text, cancellationToken);
        if (result == NotifyResult.Sent)
        {
            return CardDelivery.PersonalChat;
        }

        outbox.QueueDecisionCard(view, notification.To, notification.Text, result);
        return await cards.PostToApprovalsChannelAsync(view, notification.To, cancellationToken) ? CardDelivery.ApprovalsChannel : CardDelivery.NotDelivered;
    }

    private static bool IsApplicant(Notice notification, RecordApplicant applicant) =>
        applicant.IsSender(notification.To.TeamsUserId, notification.To.AadObjectId);

    private static AdaptiveCardInvokeResponse Card(JsonObject card) =>
        new() { StatusCode = 200, Type = CardContentType, Value = JObject.Parse(card.ToJsonString()) };

    /// <summary>A message in the invoke response; with a view, the card shows the state and the message together.</summary>
    private static AdaptiveCardInvokeResponse Message(int status, string message, ApprovalView? view = null)
    {
        if (view is not null)
        {
            var card = DecisionCard.Status(view);
            card["body"]!.AsArray().Insert(0, new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = message, ["wrap"] = true, ["color"] = "Attention",
            });
            return Card(card);
        }

        return new AdaptiveCardInvokeResponse { StatusCode = status, Type = "application/vnd.microsoft.activity.message", Value = message };
    }

    /// <summary>The applicant's 取り下げ: the service checks everything; the approvers are told, the applicant gets the result.</summary>
    public async Task WithdrawAsync(ITurnContext turnContext, string recordId, CancellationToken cancellationToken)
    {
        var result = approvals.Withdraw(recordId, turnContext.Activity.From.AadObjectId, turnContext.Activity.From.Id);
        logger.LogInformation("Withdrawal of record {RecordId}: {Outcome}", recordId, result.Outcome);
        var unreachable = 0;
        foreach (var notification in result.Succeeded ? result.Notifications : [])
        {
            unreachable += await SendAsync(notification, recordId, result.View?.Number ?? "", cancellationToken) == NotifyResult.Sent ? 0 : 1;
        }

        if (result.Succeeded)
        {
            await UpdateCardCopiesAsync(recordId, cancellationToken);
            await receipts.UpdateAsync(recordId, cancellationToken);
        }

        var told = !result.Succeeded ? "" : unreachable == 0 ? "承認者にお知らせしました。"
            : "承認者の一部にはボットから通知できませんでした。お手数ですが、取り下げたことを直接お伝えください。";
        await turnContext.SendActivityAsync(result.Message + told, cancellationToken: cancellationToken);
    }
}
