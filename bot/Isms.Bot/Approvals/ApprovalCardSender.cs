using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Notifications;
using Isms.Workflows.Approvals;
using Isms.Workflows.Notifications;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Approvals;

/// <summary>
/// Posts decision cards and keeps every posted copy in step with the record: each copy is recorded in
/// <see cref="ApprovalCardCopies"/> and replaced in place (UpdateActivity) by the status card after every change.
/// </summary>
public sealed class ApprovalCardSender(
    TeamsNotifier notifier,
    ApprovalCardCopies copies,
    ApprovalService approvals,
    IOptions<NotificationChannelsOptions> channels,
    TimeProvider time,
    ILogger<ApprovalCardSender> logger)
{
    /// <summary>The title of a decision card's message: what the chat list previews.</summary>
    public static string RequestTitle(ApprovalView view) =>
        view.CurrentAction == Isms.Workflows.Routing.StepAction.Acknowledge ? NotificationTitles.AcknowledgeRequest : NotificationTitles.Request;

    /// <summary>The decision card in the person's personal chat.</summary>
    public async Task<NotifyResult> SendToPersonAsync(ApprovalView view, Recipient to, string text, CancellationToken cancellationToken)
    {
        if (to.ReachId is null)
        {
            return NotifyResult.Unreachable;
        }

        var delivery = await notifier.DeliverAsync(to,
            new Notification(RequestTitle(view), text, SubjectId: view.RecordId, Card: DecisionCard.ForApprovers(view)), cancellationToken);
        await RememberAsync(view, CardCopyPlace.Conversation, delivery, to.PersonId, cancellationToken);
        return delivery.Result;
    }

    /// <summary>
    /// The decision card in the approvals channel (Channels:ApprovalsChannelId), headed by whom it is for; false when
    /// the channel is not configured or not reachable. Anyone there sees it; only the approver's decision is accepted.
    /// </summary>
    public async Task<bool> PostToApprovalsChannelAsync(ApprovalView view, Recipient to, CancellationToken cancellationToken)
    {
        if (channels.Value.ApprovalsChannelId is not { Length: > 0 } channelId)
        {
            return false;
        }

        var card = DecisionCard.ForApprovers(view);
        card["body"]!.AsArray().Insert(0, new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"{to.Name}さん宛ての判断依頼です（個人チャットに届けられなかったため、このチャネルに投稿しました）。"
                + $"判断できるのは{to.Name}さんまたはその代理の方です。",
            ["wrap"] = true,
            ["weight"] = "Bolder",
        });
        var delivery = await notifier.DeliverToChannelAsync(channelId, new Notification(RequestTitle(view), $"{to.Name}さん宛ての判断依頼", SubjectId: view.RecordId, Card: card),
            cancellationToken);
        await RememberAsync(view, CardCopyPlace.ChannelPost, delivery, to.PersonId, cancellationToken);
        return delivery.Result == NotifyResult.Sent;
    }

    /// <summary>Shows the decision card in the current conversation (承認待ち); the reply is a copy like the others.</summary>
    public async Task ShowInTurnAsync(ITurnContext turnContext, ApprovalView view, string? personId, CancellationToken cancellationToken)
    {
        var response = await turnContext.SendActivityAsync(CardAttachments.ToActivity(DecisionCard.ForApprovers(view), $"{view.Title}（{view.Number}）"),
            cancellationToken);
        await RememberAsync(view, CardCopyPlace.Conversation, new Delivery(NotifyResult.Sent, turnContext.Activity.Conversation?.Id, response?.Id), personId,
            cancellationToken);
    }

    /// <summary>Replaces every copy of the record's card with its current status card; returns how many were updated.</summary>
    public async Task<int> UpdateCopiesAsync(string recordId, CancellationToken cancellationToken)
    {
        var view = approvals.Find(recordId);
        var all = copies.ForRecord(recordId);
        if (view is null || all.Count == 0)
        {
            return 0;
        }

        // The current state, read now: two changes in quick succession both end with the latest one on screen.
        var card = DecisionCard.Status(view);
        // In parallel: the decision's invoke response waits for these, and each is a round trip to Teams.
        var results = await Task.WhenAll(all.Select(copy => notifier.UpdateCardAsync(copy.ConversationId, copy.Place == CardCopyPlace.ChannelPost,
            copy.ActivityId, card, recordId, cancellationToken)));
        var updated = results.Count(r => r == NotifyResult.Sent);

        logger.LogInformation("Updated {Updated} of {Copies} card copies of record {RecordId}", updated, all.Count, recordId);
        return updated;
    }

    /// <summary>Records the posted copy; an older copy it replaces (same conversation) becomes the status card, so no
    /// message is left behind with buttons that nothing keeps in step.</summary>
    private async Task RememberAsync(ApprovalView view, CardCopyPlace place, Delivery delivery, string? personId, CancellationToken cancellationToken)
    {
        if (delivery.Result != NotifyResult.Sent)
        {
            return;
        }

        if (delivery is not { ConversationId: { Length: > 0 } conversationId, ActivityId: { Length: > 0 } activityId })
        {
            logger.LogWarning("A card of record {RecordId} was posted without an activity id; it cannot be updated later", view.RecordId);
            return;
        }

        var replaced = copies.Add(view.RecordId, place, conversationId, activityId, personId, time.GetUtcNow());
        if (replaced.Count == 0)
        {
            return;
        }

        var card = DecisionCard.Status(view);
        var results = await Task.WhenAll(replaced.Select(copy => notifier.UpdateCardAsync(copy.ConversationId, copy.Place == CardCopyPlace.ChannelPost,
            copy.ActivityId, card, view.RecordId, cancellationToken)));
        logger.LogInformation("Replaced {Replaced} older card copies of record {RecordId} ({Updated} turned into the status card)", replaced.Count, view.RecordId,
            results.Count(r => r == NotifyResult.Sent));
    }
}
