using System.Text.Json.Nodes;
using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Notifications;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Conversations;

/// <summary>
/// The applicant's side of approvals in Teams: 申請状況 with the approval state, 差戻し → 修正して再申請, 取り下げ with a
/// confirmation, クラウド台帳 and 返却. The person is always the activity's sender; a card only names a record id,
/// and the services decide whether this person may act on it.
/// </summary>
public sealed class ApplicantActions(
    FormService forms,
    ApprovalService approvals,
    ApprovalsBridge bridge,
    IRequestStore records,
    CloudServiceRegister cloudRegister,
    TakeoutReturns returns,
    OrgDirectoryService directory,
    RecordProgressReader progress,
    Receipts receipts,
    NotificationOutbox outbox,
    ILogger<ApplicantActions> logger)
{
    /// <summary>The words of 取り下げ; the 受付番号 follows after a space.</summary>
    public static readonly string[] WithdrawWords = ["取り下げ", "取下げ", "取下"];

    /// <summary>The 受付番号 after 取り下げ (e.g. 持出-2026-0001), width-folded; null when there is none.</summary>
    public static string? WithdrawTarget(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        var word = WithdrawWords.FirstOrDefault(w => folded.StartsWith(w, StringComparison.Ordinal));
        var rest = word is null ? "" : folded[word.Length..].Trim();
        return rest is { Length: > 0 and <= 40 } ? rest : null;
    }

    /// <summary>Filing (a form started, a form card submitted, a record reopened) needs a place in the 組織名簿:
    /// tells a stranger whom to ask and returns false.</summary>
    public async Task<bool> MayFileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var identity = directory.Identify(from.AadObjectId, from.Id);
        if (identity.Person is not null)
        {
            return true;
        }

        logger.LogInformation("Refused filing by someone not in the org directory");
        await turnContext.SendActivityAsync(identity.Guidance ?? "組織名簿にあなたの登録が見つかりません。", cancellationToken: cancellationToken);
        return false;
    }

    public Task MyRequestsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        FormStarter.SendAsync(turnContext, forms.MyRequests(ApplicantOf(turnContext), progress.Of), cancellationToken);

    public async Task ReopenAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (RecordId(value) is not { } recordId)
        {
            await RefuseCardAsync(turnContext, cancellationToken);
            return;
        }

        if (!await MayFileAsync(turnContext, cancellationToken))
        {
            return;
        }

        var returned = approvals.Find(recordId)?.Decisions.LastOrDefault(d => d.Decision == Decision.Return);
        await FormStarter.SendAsync(turnContext, forms.Reopen(ApplicantOf(turnContext), recordId, returned?.DeciderName, returned?.Comment), cancellationToken);
    }

    /// <summary>「取り下げ 持出-2026-0001」: checks what can be told now and asks for confirmation.</summary>
    public async Task WithdrawCommandAsync(ITurnContext turnContext, string? number, CancellationToken cancellationToken)
    {
        if (number is null)
        {
            await turnContext.SendActivityAsync(
                "取り下げる申請の受付番号を「取り下げ 持出-2026-0001」のように送ってください。「申請状況」の一覧の「取り下げ」ボタンからもできます。",
                cancellationToken: cancellationToken);
            return;
        }

        var record = records.FindByNumber(number);
        await ConfirmWithdrawAsync(turnContext, record, number, cancellationToken);
    }

    /// <summary>The 取り下げ button of 申請状況 (asks for confirmation) and the confirmation card's buttons.</summary>
    public async Task WithdrawCardAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (RecordId(value) is not { } recordId)
        {
            await RefuseCardAsync(turnContext, cancellationToken);
            return;
        }

        switch (CardData.Text(value, "step"))
        {
            case "confirm":
                await bridge.WithdrawAsync(turnContext, recordId, cancellationToken);
                return;
            case "cancel":
                await turnContext.SendActivityAsync("取り下げを取りやめました。申請はそのまま判断を待っています。", cancellationToken: cancellationToken);
                return;
            default:
                await ConfirmWithdrawAsync(turnContext, records.FindById(recordId), null, cancellationToken);
                return;
        }
    }

    public Task CloudRegisterAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachments.ToActivity(CloudRegisterCard.Create(cloudRegister.List()), "クラウド台帳"), cancellationToken);

    public Task OutstandingTakeoutsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(
            CardAttachments.ToActivity(TakeoutReturnCard.Create(returns.Outstanding(turnContext.Activity.From.Id)), "返却の記録"), cancellationToken);

    public async Task CheckInAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (RecordId(value) is not { } recordId)
        {
            await RefuseCardAsync(turnContext, cancellationToken);
            return;
        }

        var from = turnContext.Activity.From;
        var result = returns.RecordReturn(recordId, from.Id, from.AadObjectId, turnContext.Activity.Id);
        logger.LogInformation("Return of record {RecordId}: {Outcome}", recordId, result.Outcome);
        await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
        if (result.Succeeded)
        {
            await receipts.UpdateAsync(recordId, cancellationToken);
            foreach (var notice in result.Notices ?? [])
            {
                await outbox.SendOrQueueAsync(notice, recordId, result.Record?.Number, cancellationToken);
            }
        }
    }

    private async Task ConfirmWithdrawAsync(ITurnContext turnContext, RequestRecord? record, string? typedNumber, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        string? refusal = null;
        if (record is null)
        {
            refusal = typedNumber is null ? "この申請は見つかりません。" : "その受付番号の申請は見つかりません。「申請状況」で番号を確認してください。";
        }
        else if (!record.Applicant.IsSender(from.Id, from.AadObjectId))
        {
            refusal = "取り下げができるのは申請者本人だけです。";
        }
        else if (approvals.Find(record.Id) is not { State: ApprovalState.Pending })
        {
            refusal = $"{record.Number}は{record.Status.Label()}のため、取り下げできません（判断を待っている申請だけが対象です）。";
        }

        if (refusal is not null)
        {
            await turnContext.SendActivityAsync(refusal, cancellationToken: cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(CardAttachments.ToActivity(WithdrawConfirmationCard(record!), "取り下げの確認"), cancellationToken);
    }

    private static JsonObject WithdrawConfirmationCard(RequestRecord record) =>
        new AdaptiveCard()
            .Add(TextBlock("申請を取り下げますか", TextTone.Heading))
            .Add(FactSet([("受付番号", record.Number), ("申請", record.Title), ("状態", record.Status.Label())]))
            .Add(TextBlock("取り下げると承認者には判断が不要になったことをお知らせし、この申請は元に戻せません。", TextTone.Help))
            .AddAction(SubmitAction("取り下げる", WithdrawData(record.Id, "confirm"), "destructive", sendInputs: false))
            .AddAction(SubmitAction("やめる", WithdrawData(record.Id, "cancel"), sendInputs: false))
            .ToJson();

    private static JsonObject WithdrawData(string recordId, string step) =>
        new() { ["isms"] = StatusCardRenderer.WithdrawMarker, ["record"] = recordId, ["step"] = step };

    /// <summary>A record id from card data: 32 hex characters as the store makes them, nothing else.</summary>
    private static string? RecordId(JObject value) =>
        CardData.Text(value, "record") is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiLetterOrDigit) ? id : null;

    private static Task RefuseCardAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("このカードの操作は受け付けられませんでした。お手数ですが「申請状況」から操作し直してください。", cancellationToken: cancellationToken);

    /// <summary>The person, from the activity Teams signed (never from card data), with their name and 所属 from the org
    /// directory when they are in it (the display name in the activity is whatever the client sent); otherwise the
    /// activity's name, and the form asks for the 所属.</summary>
    public Applicant ApplicantOf(ITurnContext turnContext)
    {
        var from = turnContext.Activity.From;
        var person = directory.Identify(from.AadObjectId, from.Id).Person;
        return new Applicant(from.Id, from.AadObjectId, person?.Name ?? from.Name ?? "", person?.Department);
    }
}
