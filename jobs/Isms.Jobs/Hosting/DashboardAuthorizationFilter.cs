using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Isms.Jobs.Hosting;

/// <summary>
/// Default deny. Allows: in Development, requests from the local machine; otherwise an authenticated user in one of
/// the configured roles, or HTTP Basic credentials equal to the configured ones (compared in constant time; use only
/// over HTTPS).
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

        return options.HasBasicAuth && BasicCredentialsMatch(http.Request.Headers.Authorization.ToString());
    }

    private static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress));
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
