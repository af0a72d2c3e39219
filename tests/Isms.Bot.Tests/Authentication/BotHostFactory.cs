using Isms.Bot.Tests.Pipeline;

namespace Isms.Bot.Tests.Authentication;

/// <summary>The bot host with authentication configured, on a data directory of its own (removed on dispose).</summary>
public static class BotHostFactory
{
    /// <summary>
    /// Authentication on, channel tokens checked against the given OpenID metadata. Setting any of the SDK's
    /// "parameterized" keys switches ConfigurationBotFrameworkAuthentication from its built-in public cloud settings
    /// to ParameterizedBotFrameworkAuthentication, which then needs all of them: the others get the public cloud values
    /// (without ToChannelFromBotLoginUrl the SDK fails with a NullReferenceException after accepting the token).
    /// </summary>
    public static BotHost WithAuthentication(string appId, string metadataUrl) => BotHost.Start(settings: new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromChannelTokenIssuer"] = LoopbackOpenIdServer.Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
    });
}
