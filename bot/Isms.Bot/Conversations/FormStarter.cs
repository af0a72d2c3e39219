using Isms.Bot.Cards;
using Isms.Workflows.Forms;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>Starts a procedure's form in the person's chat (from its command words or from a question that asks for it)
/// and sends the engine's replies.</summary>
public sealed class FormStarter(FormService forms, FormCatalog catalog, ApplicantActions applicantActions, ApplicantRoleCheck roleCheck, ILogger<FormStarter> logger)
{
    /// <summary>Starts the form; the caller has checked the chat and the person (see <see cref="StartIfAllowedAsync"/>).</summary>
    public async Task StartAsync(ITurnContext turnContext, FormKind kind, string? words, IReadOnlyCollection<string>? reportClauses, CancellationToken cancellationToken)
    {
        if (!await MayApplyAsync(turnContext, kind, cancellationToken))
        {
            return;
        }

        var applicant = applicantActions.ApplicantOf(turnContext);
        var otherDrafts = forms.HasOpenDraft(applicant, out var kinds) ? kinds.Where(k => k != kind).ToList() : [];
        await SendAsync(turnContext, forms.Start(applicant, kind, words, reportClauses), cancellationToken);
        if (otherDrafts.Count > 0)
        {
            // Starting something else in the middle of a form: the other draft is kept; say so and offer to drop it.
            await SendAsync(turnContext, forms.ResumeOrDiscardPrompt(applicant), cancellationToken);
        }
    }

    /// <summary>「キャンセル」 typed in the middle of a form: the drafts with their 続きから再開 and 破棄 buttons, so nothing
    /// is dropped by a word typed in a hurry (or that there is none).</summary>
    public Task ShowDraftsAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        SendAsync(turnContext, forms.ResumeOrDiscardPrompt(applicantActions.ApplicantOf(turnContext)), cancellationToken);

    /// <summary>Whether the sender holds a role the procedure asks of its applicants (<see cref="FormDefinition.ApplicantRoles"/>);
    /// if not, says politely who does, by name from the directory, and returns false.</summary>
    public async Task<bool> MayApplyAsync(ITurnContext turnContext, FormKind kind, CancellationToken cancellationToken)
    {
        var definition = catalog.Get(kind);
        if (roleCheck.Refusal(applicantActions.ApplicantOf(turnContext), definition) is not { } refusal)
        {
            return true;
        }

        logger.LogInformation("Refused {Procedure} to someone without the applicant roles", definition.Key);
        await turnContext.SendActivityAsync(refusal, cancellationToken: cancellationToken);
        return false;
    }

    /// <summary>Starts the form only in a personal chat and for someone in the 組織名簿 (a question may ask for a form anywhere).</summary>
    public async Task StartIfAllowedAsync(ITurnContext turnContext, FormKind kind, string? words, IReadOnlyCollection<string> reportClauses, CancellationToken cancellationToken)
    {
        if (!PersonalChat.Is(turnContext))
        {
            await PersonalChat.SayOnlyAsync(turnContext, cancellationToken);
            return;
        }

        if (await applicantActions.MayFileAsync(turnContext, cancellationToken))
        {
            await StartAsync(turnContext, kind, words, reportClauses, cancellationToken);
        }
    }

    /// <summary>Sends a form engine reply: each message as a card, text, or a card with its text.</summary>
    public static async Task SendAsync(ITurnContext turnContext, FormReply reply, CancellationToken cancellationToken)
    {
        foreach (var message in reply.Messages)
        {
            IMessageActivity activity = message.Card is not null
                ? CardAttachments.ToActivity(message.Card)
                : MessageFactory.Text(message.Text);
            if (message.Card is not null && message.Text is not null)
            {
                activity.Text = message.Text;
            }

            await turnContext.SendActivityAsync(activity, cancellationToken);
        }
    }
}

/// <summary>Forms, records, approvals, incidents and training hold personal data: they are shown only in the person's own
/// chat with the bot, never in a team channel or group chat where others read along.</summary>
public static class PersonalChat
{
    public static bool Is(ITurnContext turnContext) =>
        (turnContext.Activity.Conversation?.ConversationType ?? "personal") == "personal";

    public static Task SayOnlyAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(
            "申請・報告や申請状況などの操作は、個人情報を含むため、ボットとの個人チャットでご利用ください。質問への回答はここでもできます。",
            cancellationToken: cancellationToken);
}
