using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Notifications;
using Isms.Workflows.Cards;
using Isms.Workflows.Incidents;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
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
    Receipts receipts,
    AdminAlerts admin,
    OrgDirectoryService directory,
    IRequestStore requests,
    ILogger<IncidentsBridge> logger)
{
    public const int StatusCardLimit = 3;
    private const string CsirtDesk = "統一的な窓口（CSIRT）";

    /// <summary>After an incident report was filed: the 管理者 and the 統一的な窓口 are told at once (5.3(1)①), then the
    /// reporter gets one message (the receipt) saying whom it reached, what happens next, and whom to call for what has
    /// not arrived yet. A configuration problem on the way (no CSIRT channel) goes to the administrators, not to the reporter.</summary>
    public async Task AfterSubmitAsync(ITurnContext turnContext, RequestRecord record, CancellationToken cancellationToken)
    {
        var (started, opening) = SubmittedForm.StartWorkflow(record, () => incidents.Open(record, turnContext.Activity.Id), logger);
        if (!started)
        {
            await receipts.SendAsync(turnContext, record, new SubmissionDelivery([], [], Urgent: true,
                Problem: "受付は完了しましたが、管理者と統一的な窓口への通知に失敗しました。所属の情報セキュリティ管理者と統一的な窓口に、電話などで直接連絡してください。"),
                cancellationToken);
            return;
        }

        // Null when the incident is already open: nothing to send again, and nothing new to say about who has it.
        if (opening is null)
        {
            await receipts.SendAsync(turnContext, record, null, cancellationToken);
            return;
        }

        var reached = new List<Recipient>();
        var missed = new List<Recipient>();
        foreach (var notice in opening.Notices)
        {
            (await SendAsync(notice, record.Id, record.Number, cancellationToken) == NotifyResult.Sent ? reached : missed).Add(notice.To);
        }

        var csirtReached = await SendToCsirtAsync(opening, record, cancellationToken);
        var label = opening.View.AcknowledgerLabel is { Length: > 0 } l ? l : "情報セキュリティ管理者";
        var holders = new List<string>();
        if (reached.Count > 0) holders.Add(NextSteps.Who(label, reached.Select(r => r.Name).ToList()));
        if (csirtReached) holders.Add(CsirtDesk);
        var notReached = missed.Select(r => $"{label}の{Recipient.Describe(r.Name, directory.Current.FindById(r.PersonId)?.Phone)}").ToList();
        if (!csirtReached) notReached.AddRange(DeskContacts());
        if (notReached.Count > 0)
        {
            logger.LogWarning("Incident {RecordId}: {Count} managers unreachable, CSIRT reached: {CsirtReached}", record.Id, missed.Count, csirtReached);
        }

        await receipts.SendAsync(turnContext, record, new SubmissionDelivery(holders, notReached, Urgent: true), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> HandleActionAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var data = value.Action?.Data as JObject;
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
            IncidentText.OutsideReportedVerb => incidents.MarkOutsideReported(recordId, invoker, from.Id, IncidentText.ParseOutsideReport(Text(data, "report")), version, activityId),
            IncidentText.PressVerb => incidents.DecidePress(recordId, invoker, from.Id,
                Text(data, IncidentCards.PressInputId) switch { "yes" => true, "no" => false, _ => null }, version, activityId),
            IncidentText.InstructVerb => incidents.RecordInstruction(recordId, invoker, from.Id, Text(data, IncidentCards.InstructionInputId), version, activityId),
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

        // Only who was reached is said to be told; the rest are named once as not reached yet.
        var record = requests.FindById(recordId);
        var told = new List<string>();
        var unreachable = new List<string>();
        foreach (var notice in result.Notices)
        {
            var sent = await SendAsync(notice, recordId, result.View?.Number, cancellationToken) == NotifyResult.Sent;
            if (!sent) unreachable.Add(notice.To.Name);
            else if (record is null || !record.Applicant.IsSender(notice.To.TeamsUserId, notice.To.AadObjectId)) told.Add(notice.To.Name);
        }

        var said = told.Count == 0 ? "" : string.Join("、", told.Select(n => $"{n}さん")) + (verb == IncidentText.AcknowledgeVerb ? "へ報告しました。" : "にお知らせしました。");
        var card = WithMessage(incidents.CardFor(recordId, invoker, from.Id) ?? IncidentCards.Timeline(result.View!), result.Message + said, "Good");
        if (unreachable.Count > 0)
        {
            logger.LogWarning("Incident {RecordId}: {Count} notices not delivered yet, queued for retry", recordId, unreachable.Count);
            card = WithMessage(card, NotYetDelivered(unreachable), "Warning", at: 1);
        }

        await receipts.UpdateAsync(recordId, cancellationToken);
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
            await turnContext.SendActivityAsync(CardAttachments.ToActivity(incidents.StatusCardFor(view, from.AadObjectId, from.Id), $"{view.Title}（{view.Number}）の経過"), cancellationToken);
        }
    }

    /// <summary>The 統一的な窓口 (1(9)③): the CSIRT channel, or else each CSIRT member personally. Whether the channel is
    /// set up is the administrators' business (<see cref="AdminAlerts"/>); the timeline says only whom it reached.</summary>
    private async Task<bool> SendToCsirtAsync(IncidentOpening opening, RequestRecord record, CancellationToken cancellationToken)
    {
        var text = $"{record.Applicant.Name}さん（{record.Applicant.Department ?? "所属未登録"}）からインシデント報告（{record.Number}）が届きました。状況を確認し、評価してください（根拠 5.3(1)①、5.3(3)①）。";
        var channelId = channelOptions.Value.CsirtChannelId;
        var configured = !string.IsNullOrWhiteSpace(channelId);
        if (configured
            && await channels.NotifyChannelAsync(channelId!, new Notification(IncidentService.NoticeTitle, text, "5.3(1)①", record.Id, opening.CsirtCard), cancellationToken) == NotifyResult.Sent)
        {
            incidents.NoteDelivery(record.Id, "統一的な窓口（CSIRTのチャネル）に投稿", "1(9)③");
            return true;
        }

        var reached = new List<string>();
        foreach (var person in opening.CsirtPeople)
        {
            if (await SendAsync(new Notice(person, IncidentService.NoticeTitle, text, opening.CsirtCard), record.Id, record.Number, cancellationToken) == NotifyResult.Sent) reached.Add(person.Name);
        }

        incidents.NoteDelivery(record.Id, reached.Count > 0 ? $"{CsirtDesk}の{string.Join("さん、", reached)}さんに個別に通知" : $"{CsirtDesk}にはまだ届いていません（再送します）", "1(9)③");
        var outcome = reached.Count > 0 ? "CSIRTの各メンバーに個別に送りました" : "CSIRTの各メンバーに個別に送ろうとしましたが、まだ誰にも届いていません（再送します）";
        await admin.ReportAsync(configured ? "The CSIRT channel is not reachable" : "No CSIRT channel is configured",
            configured
                ? $"インシデント報告（{record.Number}）をCSIRTのチャネルに投稿できなかったため、{outcome}。ボットをそのチームに追加し、チャネルで一度ボットに @メンションしてください（設定 Channels:CsirtChannelId）。"
                : $"CSIRTのチャネル（設定 Channels:CsirtChannelId）が設定されていないため、インシデント報告（{record.Number}）は{outcome}。統一的な窓口のチャネルを設定してください（1(9)③）。",
            record.Id, cancellationToken);
        return reached.Count > 0;
    }

    /// <summary>Whom the reporter calls when the CSIRT was not reached: the 統一的な窓口 (1(9)③), else the CSIRT責任者.</summary>
    private IEnumerable<string> DeskContacts()
    {
        var current = directory.Current;
        var desk = current.Holders(OrgRole.SecurityDesk) is { Count: > 0 } holders ? holders : current.Holders(OrgRole.CsirtLead);
        return desk.Count == 0 ? [CsirtDesk] : desk.Select(p => $"{CsirtDesk}の{Recipient.Describe(p.Name, p.Phone)}");
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
        Enum.GetValues<OutsideReport>().Where(r => r.IsOptional() && Text(data, r.InputId()) == "true").ToList());

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
