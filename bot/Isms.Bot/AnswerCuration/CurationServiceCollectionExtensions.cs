using Isms.Jobs.Ports;

namespace Isms.Bot.AnswerCuration;

public static class CurationServiceCollectionExtensions
{
    /// <summary>The curation loop: the store, the service that applies it to the answerer, the chat commands and the
    /// weekly list for the job. The host adds <see cref="CurationStartup"/> after its warm-up.</summary>
    public static IServiceCollection AddIsmsCuration(this IServiceCollection services)
    {
        services.AddSingleton<CurationStore>();
        services.AddSingleton<CurationService>();
        services.AddSingleton<CurationCommands>();
        services.AddSingleton<ICurationDigest, CurationDigest>();
        return services;
    }
}
