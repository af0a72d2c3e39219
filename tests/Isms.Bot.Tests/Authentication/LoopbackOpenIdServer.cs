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
/// which trusts the system roots only, so the server's self-signed certificate is added to the CurrentUser\Root store
/// (honoured by .NET on Linux when building chains) for the life of the fixture and removed by thumbprint on dispose.
/// </summary>
public sealed class LoopbackOpenIdServer : IAsyncLifetime
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsKeyId = "isms-test-teams-key";
    public const string OtherChannelKeyId = "isms-test-webchat-key";

    /// <summary>Unique to these tests, so leftovers of a crashed run can be recognised.</summary>
    private const string CertificateSubject = "CN=Isms.Bot.Tests loopback OpenID metadata";

    private WebApplication? _app;
    private X509Certificate2? _certificate;

    /// <summary>Endorsed for msteams: tokens signed with it are the genuine ones.</summary>
    public RSA TeamsKey { get; } = RSA.Create(2048);

    /// <summary>Published, but endorsed only for webchat.</summary>
    public RSA OtherChannelKey { get; } = RSA.Create(2048);

    public string MetadataUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        RemoveExpiredLeftovers();
        _certificate = CreateCertificate();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
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

        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        using var publicPart = X509CertificateLoader.LoadCertificate(_certificate.RawData);
        store.Add(publicPart);
    }

    public async Task DisposeAsync()
    {
        if (_certificate is not null)
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            foreach (var stored in store.Certificates.Find(X509FindType.FindByThumbprint, _certificate.Thumbprint, validOnly: false))
            {
                store.Remove(stored);
            }

            _certificate.Dispose();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        TeamsKey.Dispose();
        OtherChannelKey.Dispose();
    }

    /// <summary>True while this fixture's certificate is in the trust store (for the cleanup test).</summary>
    public bool IsCertificateTrusted()
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        return store.Certificates.Find(X509FindType.FindByThumbprint, _certificate!.Thumbprint, validOnly: false).Count == 1;
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

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(CertificateSubject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        // Valid for two hours only: a certificate left behind by a killed run stops being trusted soon after.
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>
    /// Removes certificates a killed run left behind. Only expired ones: a live one may belong to a test run going on
    /// at the same moment in another process.
    /// </summary>
    private static void RemoveExpiredLeftovers()
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        foreach (var stored in store.Certificates.Find(X509FindType.FindBySubjectDistinguishedName, CertificateSubject, validOnly: false))
        {
            if (stored.NotAfter < DateTime.Now)
            {
                store.Remove(stored);
            }
        }
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
