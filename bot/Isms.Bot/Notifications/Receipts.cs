using Isms.Bot.Cards;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Bot.Builder;

namespace Isms.Bot.Notifications;

/// <summary>Where a record's receipt was posted, so that it can be updated in place (collection <c>receipt_messages</c>,
/// keyed by record id).</summary>
public sealed class ReceiptMessage
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ActivityId { get; set; } = "";
}

/// <summary>
/// The receipt: the one message the sender gets after a submission (what happened, who has it, what to do next, what
/// has not arrived yet), sent once routing and delivery are done; and afterwards the same message, updated in place
/// whenever the record moves on, so that its state and 次の対応 are never the ones from before a decision.
/// </summary>
public sealed class Receipts(
    IsmsDatabase database,
    IRequestStore records,
    RecordProgressReader progress,
    TeamsNotifier notifier,
    ILogger<Receipts> logger)
{
    public const string CollectionName = "receipt_messages";

    private readonly ILiteCollection<ReceiptMessage> _messages = database.Collection<ReceiptMessage>(CollectionName);

    /// <summary>Sends the receipt of a just-submitted (or resubmitted) record in the sender's chat and remembers it.</summary>
    public async Task SendAsync(ITurnContext turnContext, RequestRecord record, SubmissionDelivery? delivery, CancellationToken cancellationToken)
    {
        var current = records.FindById(record.Id) ?? record;
        var card = ReceiptCard.Create(current, progress.Of(current), delivery);
        var response = await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, Summary(current)), cancellationToken);

        // The receipt of the first submission (before a 差戻し) shows where the record stands now, then this one takes over.
        if (_messages.FindById(record.Id) is { } earlier)
        {
            await UpdateAsync(earlier, current, cancellationToken);
        }

        if (response?.Id is { Length: > 0 and <= 200 } activityId && turnContext.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            _messages.Upsert(new ReceiptMessage { Id = record.Id, ConversationId = conversationId, ActivityId = activityId });
        }
    }

    /// <summary>After any change to the record: its receipt shows the current state and 次の対応. Returns whether one was updated.</summary>
    public async Task<bool> UpdateAsync(string recordId, CancellationToken cancellationToken)
    {
        var message = _messages.FindById(recordId);
        var record = message is null ? null : records.FindById(recordId);
        return message is not null && record is not null && await UpdateAsync(message, record, cancellationToken);
    }

    private async Task<bool> UpdateAsync(ReceiptMessage message, RequestRecord record, CancellationToken cancellationToken)
    {
        var card = ReceiptCard.Create(record, progress.Of(record));
        var result = await notifier.UpdateCardAsync(message.ConversationId, channelPost: false, message.ActivityId, card, record.Id, cancellationToken);
        if (result != Isms.Workflows.Notifications.NotifyResult.Sent)
        {
            logger.LogInformation("Could not update the receipt of record {RecordId}: {Result}", record.Id, result);
        }

        return result == Isms.Workflows.Notifications.NotifyResult.Sent;
    }

    private static string Summary(RequestRecord record) =>
        record.IsResubmission ? $"{record.Title}を再申請しました（{record.Number}）" : $"{record.Title}を受け付けました（{record.Number}）";
}
