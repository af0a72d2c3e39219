using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// Plays the Bot Framework token service on 127.0.0.1 over HTTPS: OpenID metadata and a JWKS with two signing keys,
/// one endorsed for msteams and one endorsed only for another channel. The SDK fetches them with its own HttpClient,
/// which trusts the system roots only; the server presents <see cref="LoopbackCertificate"/>, trusted for the life of
/// the test process.
/// </summary>
public sealed class LoopbackOpenIdServer : IAsyncLifetime
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsKeyId = "isms-test-teams-key";
    public const string OtherChannelKeyId = "isms-test-webchat-key";

    private WebApplication? _app;

    /// <summary>Endorsed for msteams: tokens signed with it are the genuine ones.</summary>
    public RSA TeamsKey { get; } = RSA.Create(2048);

    /// <summary>Published, but endorsed only for webchat.</summary>
    public RSA OtherChannelKey { get; } = RSA.Create(2048);

    public string MetadataUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LoopbackCertificate.Server)));
        _app = builder.Build();
        _app.MapGet("/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"https://{request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { Jwk(TeamsKey, TeamsKeyId, "msteams"), Jwk(OtherChannelKey, OtherChannelKeyId, "webchat") },
        }));
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        MetadataUrl = $"{address}/.well-known/openidconfiguration";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        TeamsKey.Dispose();
        OtherChannelKey.Dispose();
    }

    private static Dictionary<string, object> Jwk(RSA key, string keyId, params string[] endorsements)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }
}

/// <summary>
/// Every test here that starts a bot host: one at a time, since the trust store entry, the SDK's metadata cache and
/// LiteDB's global BsonMapper are shared by the whole test process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackOpenIdCollection : ICollectionFixture<LoopbackOpenIdServer>
{
    public const string Name = "Loopback OpenID metadata";
}
