using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Cards;

/// <summary>Turns Adaptive Card JSON into Bot Framework attachments and activities.</summary>
public static class CardAttachments
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment ToAttachment(JsonObject card) => new()
    {
        ContentType = AdaptiveCardContentType,
        // The Bot Framework schema serializes with Newtonsoft: hand it a JObject so the card stays verbatim.
        Content = JObject.Parse(card.ToJsonString()),
    };

    public static IMessageActivity ToActivity(JsonObject card, string? fallbackText = null)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [ToAttachment(card)];
        activity.Summary = fallbackText;
        return activity;
    }
}
