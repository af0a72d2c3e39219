using Microsoft.Bot.Schema;

namespace Isms.Bot.Cards;

/// <summary>The welcome and help card: what the bot does, with buttons that start each form.</summary>
/// <param name="editionLine">Which edition of the policy the bot answers from, e.g. "対象: …（令和8年4月1日 策定）".</param>
public sealed class WelcomeCard(string editionLine)
{
    public IMessageActivity CreateActivity()
    {
        var card = CardTemplates.Fill("welcome", new Dictionary<string, string> { ["edition"] = editionLine });
        return CardAttachments.ToActivity(card, "情報セキュリティ相談ボットのご案内");
    }
}
