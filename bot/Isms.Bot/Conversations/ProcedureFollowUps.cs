using Isms.Bot.Cards;
using Isms.Bot.Notifications;
using Isms.Workflows;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Conversations;

/// <summary>
/// Carries out what the procedures declare for after a request (<see cref="FormDefinition.FollowUpCommands"/> and
/// <see cref="FormDefinition.CardActions"/>): shows a follow-up command's card, and runs the action of a card marker a
/// definition declares. The person is the activity's sender; the card names only a record id, and the procedure decides
/// whether this person may act on it. A marker that two definitions declare, or that the bot's own cards use, stops
/// the host at start-up.
/// </summary>
public sealed class ProcedureFollowUps
{
    private readonly IReadOnlyDictionary<string, FollowUpAction> _actions;
    private readonly IServiceProvider _services;
    private readonly FormStarter _starter;
    private readonly FormService _forms;
    private readonly ApplicantActions _applicantActions;
    private readonly Receipts _receipts;
    private readonly NotificationOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProcedureFollowUps> _logger;

    public ProcedureFollowUps(FormCatalog catalog, IServiceProvider services, FormStarter starter, FormService forms, ApplicantActions applicantActions,
        Receipts receipts, NotificationOutbox outbox, TimeProvider clock, ILogger<ProcedureFollowUps> logger)
    {
        _actions = ActionsByMarker(catalog, MessageRouter.BotMarkers);
        (_services, _starter, _forms, _applicantActions, _receipts, _outbox, _clock, _logger) = (services, starter, forms, applicantActions, receipts, outbox, clock, logger);
    }

    /// <summary>Whether a definition declares <paramref name="marker"/>.</summary>
    public bool Handles(string marker) => _actions.ContainsKey(marker);

    /// <summary>Each marker the definitions declare and its action; refuses a marker declared twice or used by the bot.</summary>
    public static IReadOnlyDictionary<string, FollowUpAction> ActionsByMarker(FormCatalog catalog, IReadOnlyCollection<string> botMarkers)
    {
        var declared = catalog.All.SelectMany(d => d.CardActions.Select(a => (Definition: d.Key, Action: a))).ToList();
        var problems = declared.GroupBy(x => x.Action.Marker, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"the card marker '{g.Key}' is declared by {string.Join(" and ", g.Select(x => x.Definition))}")
            .Concat(declared.Where(x => botMarkers.Contains(x.Action.Marker)).Select(x => $"the card marker '{x.Action.Marker}' of {x.Definition} is one of the bot's own"))
            .Concat(declared.Where(x => string.IsNullOrWhiteSpace(x.Action.Marker) || x.Action.Run is null).Select(x => $"{x.Definition} declares a card action without a marker or an action"))
            .ToList();
        if (problems.Count > 0) throw new InvalidOperationException("The procedures' card actions are invalid: " + string.Join("; ", problems));
        return declared.ToDictionary(x => x.Action.Marker, x => x.Action, StringComparer.Ordinal);
    }

    /// <summary>A follow-up command: the card it shows the sender.</summary>
    public Task ShowAsync(ITurnContext turnContext, FollowUpCommand command, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, command.Show(new FollowUpViewer(_services, turnContext.Activity.From.Id, JapanTime.Today(_clock))), cancellationToken);

    /// <summary>A card submit with a marker a definition declares (<see cref="Handles"/>).</summary>
    public async Task RunAsync(ITurnContext turnContext, string marker, JObject value, CancellationToken cancellationToken)
    {
        if (!_actions.TryGetValue(marker, out var action) || RecordId(value) is not { } recordId)
        {
            await RefuseAsync(turnContext, cancellationToken);
            return;
        }

        var from = turnContext.Activity.From;
        var values = value.Properties().Where(p => p.Value is JValue { Type: JTokenType.String }).ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal);
        var outcome = action.Run(new FollowUpSubmit(_services, from.Id, from.AadObjectId, turnContext.Activity.Id, recordId, values, JapanTime.Today(_clock)));
        switch (outcome)
        {
            case FollowUpOutcome.Done done:
                _logger.LogInformation("Follow-up {Marker} on {RecordId}: {Succeeded}", marker, recordId, done.Result.Succeeded);
                await SendAsync(turnContext, recordId, done.Result, cancellationToken);
                if (done.Result.Succeeded && done.ThenShow is { } next)
                {
                    await SendCardAsync(turnContext, next, cancellationToken);
                }

                return;
            case FollowUpOutcome.StartForm start:
                if (await _starter.MayApplyAsync(turnContext, start.Kind, cancellationToken))
                {
                    await FormStarter.SendAsync(turnContext, _forms.StartWith(_applicantActions.ApplicantOf(turnContext), start.Kind, start.Answers), cancellationToken);
                }

                return;
            default:
                await RefuseAsync(turnContext, cancellationToken);
                return;
        }
    }

    private static Task SendCardAsync(ITurnContext turnContext, FollowUpCard card, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardAttachments.ToActivity(card.Card, card.Summary), cancellationToken);

    private async Task SendAsync(ITurnContext turnContext, string recordId, FollowUpResult result, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            return;
        }

        await _receipts.UpdateAsync(recordId, cancellationToken);
        foreach (var notice in result.Notices ?? [])
        {
            await _outbox.SendOrQueueAsync(notice, recordId, result.Record?.Number, cancellationToken);
        }
    }

    /// <summary>A record id from card data: 32 hex characters as the store makes them, nothing else.</summary>
    private static string? RecordId(JObject value) =>
        CardData.Text(value, "record") is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiLetterOrDigit) ? id : null;

    private static Task RefuseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("このカードの操作は受け付けられませんでした。お手数ですが「申請状況」から操作し直してください。", cancellationToken: cancellationToken);
}
