using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace Isms.Bot.Hosting;

/// <summary>
/// The CloudAdapter with the bot's turn error handler: the log gets the exception and the activity's type and id,
/// never its text or the person's name; the person gets a short apology in Japanese.
/// </summary>
public sealed class IsmsCloudAdapter : CloudAdapter
{
    public IsmsCloudAdapter(BotFrameworkAuthentication authentication, ILogger<IsmsCloudAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Unhandled error in a turn (activity type {ActivityType}, id {ActivityId})",
                turnContext.Activity.Type, turnContext.Activity.Id);
            try
            {
                await turnContext.SendActivityAsync(
                    "申し訳ありません。処理中にエラーが発生しました。少し時間をおいてもう一度お試しください。" +
                    "急ぎの報告（インシデントなど）は、所属の情報セキュリティ管理者へ直接連絡してください。");
            }
            catch (Exception sendError)
            {
                logger.LogWarning(sendError, "Could not tell the user about the error");
            }
        };
    }
}
