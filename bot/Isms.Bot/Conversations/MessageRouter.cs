using System.Text;
using Isms.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Conversations;

/// <summary>
/// Decides what a message is: a card submit (routed on its <c>isms</c> marker), a command, or a question.
/// Message text and card data are untrusted input.
/// </summary>
public sealed class MessageRouter(WelcomeCard welcomeCard, ILogger<MessageRouter> logger)
{
    /// <summary>Longest message text the bot reads; Teams itself caps messages at about 28 KB.</summary>
    public const int MaxTextLength = 4000;

    public async Task RouteAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Value is JObject value && value.Value<string>("isms") is { } marker)
        {
            await RouteCardSubmitAsync(turnContext, marker, value, cancellationToken);
            return;
        }

        var text = NormalizeText(turnContext);
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

        await RouteCommandAsync(turnContext, text, cancellationToken);
    }

    private async Task RouteCommandAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (IsHelp(text))
        {
            await turnContext.SendActivityAsync(welcomeCard.CreateActivity(), cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(
            "ご質問を受け付けました。対策基準の検索機能は準備中です。「ヘルプ」で使い方を表示します。",
            cancellationToken: cancellationToken);
    }

    private async Task RouteCardSubmitAsync(ITurnContext turnContext, string marker, JObject value, CancellationToken cancellationToken)
    {
        switch (marker)
        {
            case "command" when value.Value<string>("command") is { Length: > 0 and < 40 } command:
                await RouteCommandAsync(turnContext, command, cancellationToken);
                break;
            default:
                logger.LogInformation("Declined a card submit with an unknown marker");
                await turnContext.SendActivityAsync(
                    "このカードの操作は受け付けられませんでした。お手数ですが「ヘルプ」から操作し直してください。",
                    cancellationToken: cancellationToken);
                break;
        }
    }

    private static bool IsHelp(string text) =>
        text is "ヘルプ" or "help" or "へるぷ" or "?" or "使い方" or "メニュー";

    /// <summary>Removes the @mention of the bot (group chats and channels) and folds width and case.</summary>
    private static string NormalizeText(ITurnContext<IMessageActivity> turnContext)
    {
        var activity = turnContext.Activity;
        var text = activity.Text ?? "";
        if (activity.Recipient is not null && activity.GetMentions().Length > 0)
        {
            text = activity.RemoveRecipientMention() ?? text;
        }

        // Teams also leaves the <at> tag when the mention entity does not match exactly.
        text = System.Text.RegularExpressions.Regex.Replace(text, "<at>[^<]{0,200}</at>", " ");
        return text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
    }
}
