namespace Isms.Bot.Hosting;

/// <summary>
/// The Bot Framework credentials, read from the configuration keys the SDK itself uses (MicrosoftAppType,
/// MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId). With no app id the bot runs unauthenticated, for
/// local use with the Agents Playground.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
