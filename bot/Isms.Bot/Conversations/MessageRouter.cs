using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Isms.Bot.AnswerCuration;
using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Bot.Training;
using Isms.Knowledge;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Isms.Workflows.Training;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Conversations;

/// <summary>
/// Decides what a message is: a card submit (routed on its <c>isms</c> marker), a command, a clause ID or a
/// question. Message text and card data are untrusted input; the person is always taken from the activity.
/// </summary>
public sealed partial class MessageRouter(
    CommandTable commands,
    FormService forms,
    FormStarter starter,
    QuestionHandler questions,
    IPolicyAnswerer knowledge,
    AnswerLog answers,
    ApprovalsBridge approvals,
    TrainingStatusHandler training,
    DrillCommand drills,
    ApplicantActions applicantActions,
    ProcedureFollowUps followUps,
    CurationCommands curation,
    TimeProvider clock,
    ILogger<MessageRouter> logger)
{
    /// <summary>The markers of the bot's own cards (the switch below); the procedures' cards declare theirs in their
    /// definitions (<see cref="ProcedureFollowUps"/>), and none may be one of these.</summary>
    public static readonly IReadOnlyCollection<string> BotMarkers =
    [
        "command", "form", DrillCard.Marker, "training", CurationCards.Marker, ReturnedCard.ReopenMarker,
        StatusCardRenderer.WithdrawMarker, TakeoutReturns.CheckInMarker, "clause", "feedback",
    ];

    /// <summary>Longest message text the bot reads; Teams itself caps messages at about 28 KB.</summary>
    public const int MaxTextLength = 4000;

    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Value is JObject value && CardData.Text(value, "isms") is { } marker)
        {
            await RouteCardSubmitAsync(turnContext, data, marker, value, cancellationToken);
            return;
        }

        var text = ReadText(turnContext);
        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync("メッセージが空でした。質問や「ヘルプ」と送ってください。", cancellationToken: cancellationToken);
            return;
        }

        if (text.Length > MaxTextLength)
        {
            logger.LogInformation("Declined a message of {Length} characters", text.Length);
            await turnContext.SendActivityAsync(
                $"メッセージが長すぎます（{MaxTextLength:N0}文字まで）。要点を短くして送ってください。",
                cancellationToken: cancellationToken);
            return;
        }

        await RouteTextAsync(turnContext, data, text, cancellationToken);
    }

    private async Task RouteTextAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, string text, CancellationToken cancellationToken)
    {
        if (commands.Find(text) is { } command)
        {
            if (command.Scope == CommandScope.PersonalChat && !PersonalChat.Is(turnContext))
            {
                await PersonalChat.SayOnlyAsync(turnContext, cancellationToken);
                return;
            }

            if (command.Users == CommandUsers.InDirectory && !await applicantActions.MayFileAsync(turnContext, cancellationToken))
            {
                return;
            }

            await command.Handler(new CommandTurn(turnContext, data, text, cancellationToken));
            return;
        }

        var clauseText = ClausePrefix().Replace(text, "");
        if (knowledge.Document.FindClauseWithItems(clauseText) is { Count: > 0 } clauses)
        {
            await turnContext.SendActivityAsync(CardAttachments.ToActivity(ClauseCard.Create(knowledge.Document, clauses), $"{clauses[0].Id} の全文"), cancellationToken);
            return;
        }

        if (await questions.AnswerAsync(turnContext, data, text, cancellationToken) is { } form)
        {
            await starter.StartIfAllowedAsync(turnContext, form.Kind, text, form.ReportClauses, cancellationToken);
        }
    }

    private async Task RouteCardSubmitAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, string marker, JObject value, CancellationToken cancellationToken)
    {
        if (marker is not ("command" or "clause" or "feedback") && !PersonalChat.Is(turnContext))
        {
            await PersonalChat.SayOnlyAsync(turnContext, cancellationToken);
            return;
        }

        switch (marker)
        {
            case "command" when CardData.Text(value, "command") is { Length: > 0 and < 40 } command:
                await RouteTextAsync(turnContext, data, command, cancellationToken);
                return;
            case "form":
                if (!await applicantActions.MayFileAsync(turnContext, cancellationToken))
                {
                    return;
                }

                using (var document = JsonDocument.Parse(value.ToString(Formatting.None)))
                {
                    var reply = forms.HandleCardSubmit(applicantActions.ApplicantOf(turnContext), document.RootElement);
                    if (reply.CreatedRecord is not { } record)
                    {
                        await FormStarter.SendAsync(turnContext, reply, cancellationToken);
                        return;
                    }

                    // One voice: the engine's receipt knows only the record; the one message the sender gets comes once the
                    // record is routed and delivered, and says who has it (ApprovalsBridge / IncidentsBridge send it).
                    await SubmittedForm.ReplaceConfirmationAsync(turnContext, record, logger, cancellationToken);
                    await approvals.AfterSubmitAsync(turnContext, record, cancellationToken);
                }

                return;
            case DrillCard.Marker:
                await drills.SubmitAsync(turnContext, value, cancellationToken);
                return;
            case "training":
                await training.HandleSubmitAsync(turnContext, value, cancellationToken);
                return;
            case CurationCards.Marker:
                await curation.HandleSubmitAsync(turnContext, value, cancellationToken);
                return;
            case ReturnedCard.ReopenMarker:
                await applicantActions.ReopenAsync(turnContext, value, cancellationToken);
                return;
            case StatusCardRenderer.WithdrawMarker:
                await applicantActions.WithdrawCardAsync(turnContext, value, cancellationToken);
                return;
            case TakeoutReturns.CheckInMarker:
                await applicantActions.CheckInAsync(turnContext, value, cancellationToken);
                return;
            case var declared when followUps.Handles(declared):
                await followUps.RunAsync(turnContext, declared, value, cancellationToken);
                return;
            case "clause" when CardData.Text(value, "id") is { Length: > 0 and < 40 } id
                && knowledge.Document.FindClauseWithItems(id) is { Count: > 0 } clauses:
                await turnContext.SendActivityAsync(CardAttachments.ToActivity(ClauseCard.Create(knowledge.Document, clauses), $"{clauses[0].Id} の全文"), cancellationToken);
                return;
            case "feedback" when CardData.Text(value, "answer") is { Length: 32 } answerId && CardData.Flag(value, "helpful") is { } helpful:
                var stored = answers.RecordFeedback(answerId, turnContext.Activity.From.Id, helpful, clock.GetUtcNow());
                await turnContext.SendActivityAsync(
                    stored ? "ご意見ありがとうございます。回答の改善に使わせていただきます。" : "この回答へのご意見は受け付けられませんでした。",
                    cancellationToken: cancellationToken);
                return;
        }

        logger.LogInformation("Declined a card submit with marker {Marker}", marker.Length <= 20 ? marker : "(long)");
        await turnContext.SendActivityAsync(
            "このカードの操作は受け付けられませんでした。お手数ですが「ヘルプ」から操作し直してください。",
            cancellationToken: cancellationToken);
    }

    /// <summary>The message text without the bot's @mention, trimmed. Not width-folded here: NFKC would turn
    /// circled clause numbers (⑧) into digits; commands and the knowledge library fold what they need.</summary>
    private static string ReadText(ITurnContext<IMessageActivity> turnContext)
    {
        var activity = turnContext.Activity;
        var text = activity.Text ?? "";
        if (activity.Recipient is not null && activity.GetMentions().Length > 0)
        {
            text = activity.RemoveRecipientMention() ?? text;
        }

        // Teams leaves the <at> tag in the text when the mention entity does not match exactly.
        text = AtTag().Replace(text, " ");
        return text.Trim();
    }

    [GeneratedRegex("<at>[^<]{0,200}</at>")]
    private static partial Regex AtTag();

    [GeneratedRegex(@"^(条項|条文|全文)\s*")]
    private static partial Regex ClausePrefix();
}
