using Isms.Bot.Conversations;
using Isms.Knowledge;
using Isms.Workflows.Org;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace Isms.Bot.Hosting;

/// <summary>
/// Builds the clause index, the adapter and the org directory watcher while the host starts, so the first person's
/// message does not pay for them. Registered after the options validators, so a bad setting is reported as such
/// before anything here runs.
/// </summary>
public sealed class BotWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IPolicyAnswerer>();
        services.GetRequiredService<IBotFrameworkHttpAdapter>();
        services.GetRequiredService<OrgDirectoryService>();
        // The procedures' card markers are checked here, so a clash stops the host rather than a later card submit.
        services.GetRequiredService<ProcedureFollowUps>();
        // …and so are the commands: a word two commands share stops the host (CommandTable's own check).
        services.GetRequiredService<CommandTable>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
