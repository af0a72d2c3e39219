using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Jobs.Ports;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ApprovalNotification = Isms.Workflows.Approvals.Notification;
using PortNotification = Isms.Jobs.Ports.Notification;
using PortRecipient = Isms.Jobs.Ports.Recipient;

namespace Isms.Bot.Approvals;

/// <summary>
/// Connects submitted records to <see cref="ApprovalService"/> in Teams: routes a new record and sends the decision
/// card to its approvers, and answers the card's Universal Actions (<c>adaptiveCard/action</c>). Every check is the
/// service's; the invoker is always the activity's sender, never anything in the card data.
/// </summary>
public sealed class ApprovalsBridge(ApprovalService approvals, INotifier notifier, IncidentsBridge incidents, ILogger<ApprovalsBridge> logger)
{
    private const string CardContentType = CardAttachments.AdaptiveCardContentType;

    /// <summary>After a form created a record: route it, tell the approvers, and tell the applicant who was told.</summary>
    public async Task AfterSubmitAsync(ITurnContext turnContext, RequestRecord record, CancellationToken cancellationToken)
    {
        if (record.IsIncident)
        {
            // Incidents (and 誤送信報告 with personal data or 機密性3) follow the 5.3 chain, not an approval.
            await incidents.AfterSubmitAsync(turnContext, record, cancellationToken);
            return;
        }

        Isms.Workflows.Approvals.ApprovalAssignment assignment;
        try
        {
            assignment = approvals.Assign(record, turnContext.Activity.Id);
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or LiteDB.LiteException)
        {
            // The record exists; routing it failed. Say so rather than lose it silently.
            logger.LogError(exception, "Could not route record {RecordId}", record.Id);
            await turnContext.SendActivityAsync("受付は完了しましたが、承認者への回付に失敗しました。所属の情報セキュリティ管理者に直接お知らせください。",
                cancellationToken: cancellationToken);
            return;
        }

        var unreachable = new List<string>();
        foreach (var notification in assignment.Notifications)
        {
            var isApplicant = notification.To.AadObjectId is { } aad && aad == record.Applicant.AadObjectId;
            var card = !isApplicant && assignment.State == ApprovalState.Pending ? DecisionCard.ForApprovers(assignment.View) : null;
            var result = await SendAsync(notification, card, cancellationToken);
            if (result != NotifyResult.Sent && !isApplicant)
            {
                unreachable.Add(notification.To.Name);
            }
        }

        foreach (var note in assignment.Notes)
        {
            await turnContext.SendActivityAsync(note, cancellationToken: cancellationToken);
        }

        if (unreachable.Count > 0)
        {
            logger.LogWarning("Could not reach {Count} approvers for record {RecordId}", unreachable.Count, record.Id);
            await turnContext.SendActivityAsync(
                $"{string.Join("、", unreachable)} さんにはボットから通知できませんでした（ボットが未登録の可能性があります）。" +
                "お手数ですが、申請したことを直接お伝えください。", cancellationToken: cancellationToken);
        }
    }

    /// <summary>Handles 承認 / 差戻し / 却下 / 確認 and refreshes of a decision card.</summary>
    public async Task<AdaptiveCardInvokeResponse> HandleActionAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var data = value.Action?.Data is JObject jobject ? jobject : (value.Action?.Data is null ? null : JObject.FromObject(value.Action.Data));
        var recordId = data?.Value<string>("recordId");
        var from = turnContext.Activity.From;
        if (recordId is not { Length: > 0 and <= 64 })
        {
            return Message(400, "このカードの操作は受け付けられませんでした。");
        }

        if (value.Action?.Verb == "isms.refresh")
        {
            var refreshed = approvals.CardFor(recordId, from.AadObjectId, from.Id);
            return refreshed is null ? Message(404, "この申請は見つかりませんでした。") : Card(refreshed);
        }

        if (DecisionText.FromVerb(value.Action?.Verb) is not { } decision || from.AadObjectId is not { Length: > 0 } invoker)
        {
            return Message(400, "このカードの操作は受け付けられませんでした。");
        }

        var comment = data?.Value<string>(DecisionCard.CommentInputId);
        var result = approvals.Decide(recordId, invoker, from.Id, decision, comment, data?.Value<string>("version") ?? "", turnContext.Activity.Id);
        if (!result.Succeeded)
        {
            logger.LogInformation("Refused a decision on record {RecordId}: {Outcome}", recordId, result.Outcome);
            // Invalid (no reason for a 差戻し or 却下) is only ever said to someone who may decide: they keep the
            // buttons. The status card would take them away where refresh does not bring them back (the Playground).
            return result.Outcome == DecisionOutcome.Invalid && result.View is { } view
                ? Card(DecisionCard.ForApprovers(view, commentError: result.Message))
                : Message(200, result.Message, result.View);
        }

        foreach (var notification in result.Notifications)
        {
            await SendAsync(notification, null, cancellationToken);
        }

        return Card(DecisionCard.Status(result.View!));
    }

    private async Task<NotifyResult> SendAsync(ApprovalNotification notification, JsonObject? card, CancellationToken cancellationToken)
    {
        var id = notification.To.AadObjectId ?? notification.To.TeamsUserId;
        if (id is null)
        {
            return NotifyResult.Unreachable;
        }

        return await notifier.NotifyAsync(new PortRecipient(id, notification.To.Name),
            new PortNotification("申請の承認", notification.Text, Card: card ?? notification.Card), cancellationToken);
    }

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
        var result = approvals.Withdraw(recordId, turnContext.Activity.From.AadObjectId ?? "");
        logger.LogInformation("Withdrawal of record {RecordId}: {Outcome}", recordId, result.Outcome);
        var unreachable = 0;
        foreach (var notification in result.Succeeded ? result.Notifications : [])
        {
            unreachable += await SendAsync(notification, null, cancellationToken) == NotifyResult.Sent ? 0 : 1;
        }

        var told = !result.Succeeded ? "" : unreachable == 0 ? "承認者にお知らせしました。"
            : "承認者の一部にはボットから通知できませんでした。お手数ですが、取り下げたことを直接お伝えください。";
        await turnContext.SendActivityAsync(result.Message + told, cancellationToken: cancellationToken);
    }
}
