using Isms.Bot.Cards;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>
/// After a form was sent, its confirmation card (the message the 送信 was pressed on; Teams names it in the submit's
/// replyToId) is replaced by a read-only 送信済み card. A second press would only be answered 受付済み, but live
/// 送信／修正する／キャンセル buttons invite it. Without a replyToId, or when Teams refuses, the card simply stays.
/// </summary>
internal static class SubmittedForm
{
    public static async Task ReplaceConfirmationAsync(ITurnContext turnContext, RequestRecord record, ILogger logger, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ReplyToId is not { Length: > 0 and <= 200 } confirmationId)
        {
            return;
        }

        var activity = CardAttachments.ToActivity(StatusCardRenderer.SubmittedCard(record), $"送信済み（{record.Number}）");
        activity.Id = confirmationId;
        try
        {
            await turnContext.UpdateActivityAsync(activity, cancellationToken);
        }
        catch (Exception exception) when (exception is ErrorResponseException or HttpRequestException or IOException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogInformation("Could not mark the confirmation card of record {RecordId} as sent: {ExceptionType}", record.Id, exception.GetType().Name);
        }
    }

    /// <summary>Starts the workflow of a just-stored record (its approval, its incident chain). The record exists: when
    /// starting fails, it is logged and false returned, and the caller tells the person what to do instead in the one
    /// message that answers the submission, rather than the record being lost silently.</summary>
    public static (bool Started, T? Result) StartWorkflow<T>(RequestRecord record, Func<T> start, ILogger logger)
    {
        try
        {
            return (true, start());
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or LiteDB.LiteException)
        {
            logger.LogError(exception, "Could not start the workflow of record {RecordId}", record.Id);
            return (false, default);
        }
    }
}
