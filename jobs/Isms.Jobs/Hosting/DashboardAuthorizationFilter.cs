using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Isms.Jobs.Hosting;

/// <summary>
/// Default deny. Allows: in Development, requests from the loopback address that no proxy forwarded; an authenticated
/// user in one of Jobs:Dashboard:Roles (only when the host has an ASP.NET Core authentication scheme — the bot itself
/// has none: its Bot Framework tokens authenticate the Teams channel, not people); HTTP Basic credentials equal to the
/// configured ones (compared in constant time; the password crosses the wire, so only on a request that came over HTTPS
/// — behind a TLS-terminating proxy the host must be told so by forwarded headers). Hangfire answers
/// a refusal with 401 for an anonymous request and 403 for an authenticated one.
/// </summary>
public sealed class DashboardAuthorizationFilter(JobsDashboardOptions options, bool isDevelopment) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (IsAllowed(http))
        {
            return true;
        }

        if (options.HasBasicAuth)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Isms.Bot jobs\", charset=\"UTF-8\"";
        }

        return false;
    }

    public bool IsAllowed(HttpContext http)
    {
        if (isDevelopment && IsLocal(http))
        {
            return true;
        }

        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && options.Roles.Any(user.IsInRole))
        {
            return true;
        }

        // The password crosses the wire in Basic: never accepted on a plain HTTP request.
        return options.HasBasicAuth && http.Request.IsHttps && BasicCredentialsMatch(http.Request.Headers.Authorization.ToString());
    }

    /// <summary>Loopback, and not relayed: a reverse proxy on the same machine makes every visitor look local, so a
    /// request that carries forwarding headers is not counted as local.</summary>
    private static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        var headers = http.Request.Headers;
        return remote is not null && IPAddress.IsLoopback(remote)
            && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }

    private bool BasicCredentialsMatch(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{options.BasicAuthUser}:{options.BasicAuthPassword}");
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(decoded)), SHA256.HashData(expected));
    }
}
