using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Notifications;
using Isms.Workflows.Incidents;
using Isms.Workflows.Notifications;
using Isms.Workflows.Requests;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Incidents;

/// <summary>
/// Connects incident records to <see cref="IncidentService"/> in Teams: on submission the 管理者 get the 確認 card and
/// the 統一的な窓口 the CSIRT card (the CSIRT channel, or else each CSIRT member personally); answers the
/// <c>isms.incident.*</c> Universal Actions; shows the timeline (インシデント状況). Every check is the service's;
/// the invoker is always the activity's sender.
/// </summary>
public sealed class IncidentsBridge(
    IncidentService incidents,
    NotificationOutbox outbox,
    TeamsNotifier channels,
    IOptions<NotificationChannelsOptions> channelOptions,
    ILogger<IncidentsBridge> logger)
{
    public const int StatusCardLimit = 3;

    public async Task AfterSubmitAsync(ITurnContext turnContext, RequestRecord record, CancellationToken cancellationToken)
    {
        var (_, opening) = await SubmittedForm.StartWorkflowAsync(turnContext, record, () => incidents.Open(record, turnContext.Activity.Id),
            "受付は完了しましたが、管理者と統一的な窓口への通知に失敗しました。所属の情報セキュリティ管理者と統一的な窓口に直接連絡してください。", logger, cancellationToken);
        // Null when it failed (the reporter was told) or the incident is already open (nothing to send again).
        if (opening is null) return;
        var unreachable = new List<string>();
        foreach (var notice in opening.Notices)
        {
            if (await SendAsync(notice, record.Id, record.Number, cancellationToken) != NotifyResult.Sent) unreachable.Add(notice.To.Name);
        }

        var csirtReached = await SendToCsirtAsync(opening, record, cancellationToken);
        await turnContext.SendActivityAsync(opening.ReporterText, cancellationToken: cancellationToken);
        if (unreachable.Count > 0 || !csirtReached)
        {
            logger.LogWarning("Incident {RecordId}: {Count} managers unreachable, CSIRT reached: {CsirtReached}", record.Id, unreachable.Count, csirtReached);
            var who = unreachable.Select(n => $"{n}さん").Concat(csirtReached ? [] : ["統一的な窓口（CSIRT）"]);
            await turnContext.SendActivityAsync($"{string.Join("、", who)}にはまだ届いていません。時間をおいて再送します。急を要する報告ですので、電話などでも直接お伝えください。",
                cancellationToken: cancellationToken);
        }
    }

    public async Task<AdaptiveCardInvokeResponse> HandleActionAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var data = value.Action?.Data is JObject jobject ? jobject : (value.Action?.Data is null ? null : JObject.FromObject(value.Action.Data));
        var recordId = Text(data, "recordId");
        var verb = value.Action?.Verb;
        var from = turnContext.Activity.From;
        if (recordId is not { Length: > 0 and <= 64 }) return Message("このカードの操作は受け付けられませんでした。");
        if (verb == IncidentText.RefreshVerb)
        {
            var refreshed = incidents.CardFor(recordId, from.AadObjectId, from.Id);
            return refreshed is null ? Message("このインシデント報告は表示できません。") : Card(refreshed);
        }

        if (from.AadObjectId is not { Length: > 0 } invoker) return Message("このカードの操作は受け付けられませんでした。");
        var version = Text(data, "version") ?? "";
        var activityId = turnContext.Activity.Id;
        var result = verb switch
        {
            IncidentText.AcknowledgeVerb => incidents.Acknowledge(recordId, invoker, from.Id, version, activityId),
            IncidentText.TriageVerb => incidents.Triage(recordId, invoker, from.Id, ReadTriage(data), version, activityId),
            IncidentText.CloseVerb => incidents.Close(recordId, invoker, from.Id, Text(data, IncidentCards.CauseInputId), Text(data, IncidentCards.PreventionInputId), version, activityId),
            _ => null,
        };
        if (result is null) return Message("このカードの操作は受け付けられませんでした。");
        if (!result.Succeeded)
        {
            // The verb and the id come from the card data: log only the id the store knows.
            logger.LogInformation("Refused an incident action on {RecordId}: {Outcome}", result.View?.RecordId ?? "(unknown)", result.Outcome);
            // Someone who may not act gets the status only (when they may see the case at all); the others get the card
            // they may act on, with the reason.
            var current = result.Outcome == IncidentOutcome.NotAllowed
                ? (result.View is not null && incidents.MayView(recordId, invoker, from.Id) ? IncidentCards.Timeline(result.View) : null)
                : incidents.CardFor(recordId, invoker, from.Id);
            return current is null ? Message(result.Message) : Card(WithMessage(current, result.Message, "Attention"));
        }

        var unreachable = new List<string>();
        foreach (var notice in result.Notices)
        {
            if (await SendAsync(notice, recordId, result.View?.Number, cancellationToken) != NotifyResult.Sent) unreachable.Add(notice.To.Name);
        }

        var card = WithMessage(incidents.CardFor(recordId, invoker, from.Id) ?? IncidentCards.Timeline(result.View!), result.Message, "Good");
        if (unreachable.Count > 0)
        {
            logger.LogWarning("Incident {RecordId}: {Count} notices not delivered yet, queued for retry", recordId, unreachable.Count);
            card = WithMessage(card, NotYetDelivered(unreachable), "Warning", at: 1);
        }

        return Card(card);
    }

    /// <summary>インシデント状況: the timeline of the newest incidents the person reported, was told of, or handles.</summary>
    public async Task ShowStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var views = incidents.VisibleTo(from.AadObjectId, from.Id, StatusCardLimit);
        if (views.Count == 0)
        {
            await turnContext.SendActivityAsync("表示できるインシデント報告はありません。", cancellationToken: cancellationToken);
            return;
        }

        foreach (var view in views)
        {
            await turnContext.SendActivityAsync(CardAttachments.ToActivity(IncidentCards.Timeline(view), $"{view.Title}（{view.Number}）の経過"), cancellationToken);
        }
    }

    private async Task<bool> SendToCsirtAsync(IncidentOpening opening, RequestRecord record, CancellationToken cancellationToken)
    {
        var text = $"{record.Applicant.Name}さん（{record.Applicant.Department ?? "所属未登録"}）からインシデント報告（{record.Number}）が届きました。状況を確認し、評価してください（根拠 5.3(1)①、5.3(3)①）。";
        var channelId = channelOptions.Value.CsirtChannelId;
        if (!string.IsNullOrWhiteSpace(channelId)
            && await channels.NotifyChannelAsync(channelId, new Notification(IncidentService.NoticeTitle, text, "5.3(1)①", record.Id, opening.CsirtCard), cancellationToken) == NotifyResult.Sent)
        {
            incidents.NoteDelivery(record.Id, "統一的な窓口（CSIRTのチャネル）に投稿", "1(9)③");
            return true;
        }

        var reached = new List<string>();
        foreach (var person in opening.CsirtPeople)
        {
            if (await SendAsync(new Notice(person, IncidentService.NoticeTitle, text, opening.CsirtCard), record.Id, record.Number, cancellationToken) == NotifyResult.Sent) reached.Add(person.Name);
        }

        var why = string.IsNullOrWhiteSpace(channelId) ? "CSIRTのチャネルが設定されていないため" : "CSIRTのチャネルに投稿できなかったため";
        incidents.NoteDelivery(record.Id, reached.Count > 0 ? $"{why}、CSIRT（{string.Join("、", reached)}）に個別に通知" : $"{why}個別に通知しようとしましたが、CSIRTの誰にも届きませんでした", "1(9)③");
        return reached.Count > 0;
    }

    /// <summary>A personal notice through the outbox: what does not arrive now is retried, and reported if it never does.</summary>
    private async Task<NotifyResult> SendAsync(Notice notice, string recordId, string? recordNumber, CancellationToken cancellationToken)
    {
        if (notice.To.ReachId is null) return NotifyResult.Unreachable;
        return await outbox.SendOrQueueAsync(notice, recordId, recordNumber, cancellationToken);
    }

    public static string NotYetDelivered(IEnumerable<string> names) =>
        $"{string.Join("、", names.Select(n => $"{n}さん"))}にはまだ届いていません。時間をおいて再送します。";

    private static TriageInput ReadTriage(JObject? data) => new(
        Text(data, IncidentCards.IsIncidentInputId) switch { "yes" => true, "no" => false, _ => null },
        IncidentText.ParseSeverity(Text(data, IncidentCards.SeverityInputId)),
        Text(data, IncidentCards.ContainmentInputId),
        Enum.GetValues<OutsideReport>().Where(r => Text(data, r.InputId()) == "true").ToList());

    /// <summary>A string value of the (untrusted) action data; anything else is treated as absent.</summary>
    private static string? Text(JObject? data, string name) => data?[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static JsonObject WithMessage(JsonObject card, string message, string color, int at = 0)
    {
        card["body"]!.AsArray().Insert(at, new JsonObject { ["type"] = "TextBlock", ["text"] = message, ["wrap"] = true, ["color"] = color });
        return card;
    }

    private static AdaptiveCardInvokeResponse Card(JsonObject card) =>
        new() { StatusCode = 200, Type = CardAttachments.AdaptiveCardContentType, Value = JObject.Parse(card.ToJsonString()) };

    private static AdaptiveCardInvokeResponse Message(string message) =>
        new() { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = message };
}
