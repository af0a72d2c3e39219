using Isms.Bot.Conversations;
using Isms.Workflows.Storage;
using Microsoft.Bot.Builder;

namespace Isms.Bot.Hosting;

/// <summary>
/// Runs a turn once more when it failed on a storage fault before the bot said anything: by then the engine has been
/// reopened (<see cref="HealingEngine"/>), and the person gets an answer instead of an apology. The conversation state is
/// read again from the store, so the second run starts from what is stored, not from what the first run left in memory.
/// A turn that already replied, or fails again, goes to the adapter's error handler as before.
/// </summary>
public sealed partial class StorageFaultRetry(IsmsTeamsBot bot, ConversationState state, IsmsDatabase database, ILogger<StorageFaultRetry> logger) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.OnTurnAsync(turnContext, cancellationToken);
        }
        catch (Exception exception) when (!turnContext.Responded && !cancellationToken.IsCancellationRequested && database.Health.IsStorageFault(exception))
        {
            LogRetry(logger, turnContext.Activity.Type, exception.GetType().Name);
            await state.LoadAsync(turnContext, force: true, cancellationToken);
            await bot.OnTurnAsync(turnContext, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn ({ActivityType}) failed on a storage fault ({ExceptionType}) before replying; running it once more on the reopened store")]
    private static partial void LogRetry(ILogger logger, string activityType, string exceptionType);
}
