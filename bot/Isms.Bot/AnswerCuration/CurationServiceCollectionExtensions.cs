namespace Isms.Bot.AnswerCuration;

public static class CurationServiceCollectionExtensions
{
    /// <summary>The curation loop: the store, the service that applies it to the answerer and the chat commands. The
    /// host adds <see cref="CurationStartup"/> after its warm-up; the jobs' hosting adds the weekly list (<see cref="CurationDigest"/>).</summary>
    public static IServiceCollection AddIsmsCuration(this IServiceCollection services)
    {
        services.AddSingleton<CurationStore>();
        services.AddSingleton<CurationService>();
        services.AddSingleton<CurationCommands>();
        return services;
    }
}
