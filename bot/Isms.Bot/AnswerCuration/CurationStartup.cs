namespace Isms.Bot.AnswerCuration;

/// <summary>Applies the stored curation while the host starts (after the index is built), so the first question after a
/// restart or an edition change is answered with it, and logs what the loaded edition cannot use.</summary>
public sealed class CurationStartup(CurationService curation) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        curation.ApplyStored();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
