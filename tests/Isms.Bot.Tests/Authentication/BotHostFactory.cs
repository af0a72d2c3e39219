using Isms.Bot.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// The real bot host (Program) with the given configuration on top of appsettings.json and its own temporary data
/// directory, deleted on dispose.
/// </summary>
public sealed class BotHostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("isms-bot-auth-tests-").FullName;

    /// <summary>
    /// Authentication on, channel tokens checked against the given OpenID metadata. Setting any of the SDK's
    /// "parameterized" keys switches ConfigurationBotFrameworkAuthentication from its built-in public cloud settings
    /// to ParameterizedBotFrameworkAuthentication, which then needs all of them: the others get the public cloud values
    /// (without ToChannelFromBotLoginUrl the SDK fails with a NullReferenceException after accepting the token).
    /// </summary>
    public static BotHostFactory WithAuthentication(string appId, string metadataUrl) => new(new Dictionary<string, string?>
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

    public ConversationReferenceStore References => Services.GetRequiredService<ConversationReferenceStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings) { ["Storage:DataDirectory"] = _dataDirectory }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
