using Isms.Bot.AnswerCuration;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;

namespace Isms.Bot.Jobs;

public static class BotJobsHosting
{
    /// <summary>
    /// The Hangfire jobs in the bot process (Isms.Jobs: job store per Jobs:Storage, SQLite file in the data directory by
    /// default; settings validated at start-up) with the bot's adapters: the org directory for people and roles, the
    /// approvals collection for who must decide, the answer log and curation store for the weekly curation list, and
    /// <see cref="Notifications.TeamsNotifier"/> (registered by the bot) to tell them.
    /// </summary>
    public static WebApplicationBuilder AddIsmsBotJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddIsmsJobs(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<IPeopleLookup, DirectoryPeopleLookup>();
        builder.Services.AddSingleton<IApprovalAssignments, StoredApprovalAssignments>();
        builder.Services.AddSingleton<ICurationDigest, CurationDigest>();
        return builder;
    }
}
