using Isms.Bot.Cards;
using Isms.Bot.Notifications;
using Isms.Workflows;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Conversations;

/// <summary>
/// What an applicant does after a procedure is permitted: records a 廃棄・リース返却 as done (2(2)⑩(イ)), and closes or
/// extends a 例外措置 (7.4(1)). The person is the activity's sender; the card names only a record id, and the services
/// decide whether this person may act on it.
/// </summary>
public sealed class ProcedureFollowUps(
    DisposalRecords disposals,
    ExceptionMeasures exceptions,
    FormStarter starter,
    FormService forms,
    ApplicantActions applicantActions,
    Receipts receipts,
    NotificationOutbox outbox,
    TimeProvider clock,
    ILogger<ProcedureFollowUps> logger)
{
    public Task ShowDisposalsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachments.ToActivity(
            DisposalCard.Create(disposals.Outstanding(turnContext.Activity.From.Id), JapanTime.Today(clock)), "廃棄・リース返却の実施記録"), cancellationToken);

    public Task ShowExceptionsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachments.ToActivity(
            ExceptionMeasureCard.Create(exceptions.InForce(turnContext.Activity.From.Id)), "許可された例外措置"), cancellationToken);

    /// <summary>The 記録する button of the 廃棄記録 card.</summary>
    public async Task RecordDisposalAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (RecordId(value) is not { } recordId)
        {
            await RefuseAsync(turnContext, cancellationToken);
            return;
        }

        var from = turnContext.Activity.From;
        var result = disposals.RecordDone(recordId, from.Id, from.AadObjectId,
            CardData.Text(value, DisposalRecords.DoneOn), CardData.Text(value, DisposalRecords.DoneBy), CardData.Text(value, DisposalRecords.DoneMethod), turnContext.Activity.Id);
        logger.LogInformation("Disposal record for {RecordId}: {Succeeded}", recordId, result.Succeeded);
        await SendAsync(turnContext, recordId, result, cancellationToken);
        if (result.Succeeded && disposals.Outstanding(from.Id).Count > 0)
        {
            await ShowDisposalsAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>The 終了 and 延長申請 buttons of a 例外措置.</summary>
    public async Task ExceptionStepAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (RecordId(value) is not { } recordId)
        {
            await RefuseAsync(turnContext, cancellationToken);
            return;
        }

        var from = turnContext.Activity.From;
        switch (CardData.Text(value, "step"))
        {
            case ExceptionMeasures.CloseStep:
                var result = exceptions.Close(recordId, from.Id, from.AadObjectId, turnContext.Activity.Id);
                logger.LogInformation("Exception measure {RecordId} closed: {Succeeded}", recordId, result.Succeeded);
                await SendAsync(turnContext, recordId, result, cancellationToken);
                return;
            case ExceptionMeasures.RenewStep:
                var (answers, refusal) = exceptions.RenewalOf(recordId, from.Id, from.AadObjectId);
                if (answers is null)
                {
                    await turnContext.SendActivityAsync(refusal, cancellationToken: cancellationToken);
                    return;
                }

                // A renewal is a new 例外措置申請: the same check of who may apply as when it is started by name.
                if (await starter.MayApplyAsync(turnContext, ExceptionMeasureRequestDefinition.Kind, cancellationToken))
                {
                    await FormStarter.SendAsync(turnContext, forms.StartWith(applicantActions.ApplicantOf(turnContext), ExceptionMeasureRequestDefinition.Kind, answers), cancellationToken);
                }

                return;
            default:
                await RefuseAsync(turnContext, cancellationToken);
                return;
        }
    }

    private async Task SendAsync(ITurnContext turnContext, string recordId, FollowUpResult result, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            return;
        }

        await receipts.UpdateAsync(recordId, cancellationToken);
        foreach (var notice in result.Notices ?? [])
        {
            await outbox.SendOrQueueAsync(notice, recordId, result.Record?.Number, cancellationToken);
        }
    }

    /// <summary>A record id from card data: 32 hex characters as the store makes them, nothing else.</summary>
    private static string? RecordId(JObject value) =>
        CardData.Text(value, "record") is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiLetterOrDigit) ? id : null;

    private static Task RefuseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("このカードの操作は受け付けられませんでした。お手数ですが「申請状況」から操作し直してください。", cancellationToken: cancellationToken);
}
