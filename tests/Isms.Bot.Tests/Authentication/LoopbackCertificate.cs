using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// The loopback OpenID server's self-signed certificate, added to the CurrentUser\Root store (which .NET on Linux
/// honours when building chains) as the test assembly loads and removed when the process exits.
/// Its subject is unique to the process: when the store held several self-signed certificates with one subject (left
/// by a killed run, or from a test run in another checkout at the same moment), OpenSSL trusted only one of them, the
/// SDK's metadata fetch failed with UntrustedRoot and every signed-token test got 503.
/// </summary>
internal static class LoopbackCertificate
{
    /// <summary>Unique to these tests, so leftovers of a killed run can be recognised.</summary>
    private const string SubjectPrefix = "Isms.Bot.Tests loopback OpenID metadata";

    public static X509Certificate2 Server { get; private set; } = null!;

    [ModuleInitializer]
    internal static void TrustForThisProcess()
    {
        RemoveExpiredLeftovers();
        Server = Create();
        using (var store = OpenRoot(OpenFlags.ReadWrite))
        using (var publicPart = X509CertificateLoader.LoadCertificate(Server.RawData))
        {
            store.Add(publicPart);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(Server.Thumbprint);
    }

    private static X509Store OpenRoot(OpenFlags flags)
    {
        var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(flags);
        return store;
    }

    private static void Remove(string thumbprint)
    {
        using var store = OpenRoot(OpenFlags.ReadWrite);
        foreach (var stored in store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false))
        {
            store.Remove(stored);
        }
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={SubjectPrefix} {Guid.NewGuid():N}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        // Valid for six hours only: a certificate left behind by a killed run stops being trusted soon after.
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(6));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>Only expired ones: a live one may belong to a test run going on at the same moment in another process.</summary>
    private static void RemoveExpiredLeftovers()
    {
        using var store = OpenRoot(OpenFlags.ReadWrite);
        foreach (var stored in store.Certificates.Find(X509FindType.FindBySubjectName, SubjectPrefix, validOnly: false))
        {
            if (stored.NotAfter < DateTime.Now)
            {
                store.Remove(stored);
            }
        }
    }
}
