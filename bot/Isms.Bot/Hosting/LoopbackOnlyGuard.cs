using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Hosting;

/// <summary>
/// Without an app id the bot trusts the <c>from</c> of every activity and returns replies in the HTTP response, so
/// whoever reaches the port can act as anyone in the directory. That mode is for a developer's own machine only: the
/// options validator refuses it outside Development, and this check, once the server has bound its addresses, stops the
/// host if any of them is reachable from another machine (<c>http://*:3978</c>, <c>0.0.0.0</c>, a host name). The
/// messages endpoint also refuses unauthenticated requests that come from another address or through a proxy.
/// </summary>
public sealed class LoopbackOnlyGuard(IServer server, IOptions<BotAuthenticationOptions> authentication) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (authentication.Value.IsEnabled)
        {
            return Task.CompletedTask;
        }

        var exposed = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Where(a => !IsLoopbackAddress(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new UnsafeStartupException(
                $"MicrosoftAppId が未設定（認証なし）のため、このマシン自身 (loopback) 以外のアドレスでは待ち受けできません: {string.Join(", ", exposed)}。"
                + $"{Environment.NewLine}Authentication is off (no MicrosoftAppId), so the bot may listen on loopback only, not on {string.Join(", ", exposed)}. "
                + "Set Urls to http://localhost:3978 (or 127.0.0.1), or configure MicrosoftAppId and MicrosoftAppPassword.");
        }

        return Task.CompletedTask;
    }

    /// <summary>True for an address only this machine can reach: localhost, 127.0.0.0/8, ::1.</summary>
    public static bool IsLoopbackAddress(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal),
                UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Whether an unauthenticated request may be served: it comes from this machine and not through a proxy
    /// (a proxy in front means the port is reachable from elsewhere). No remote address is the in-process test server.</summary>
    public static bool IsLocalRequest(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Original-For"))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The host refuses to run as configured because that would be unsafe (authentication off on a reachable port).</summary>
public sealed class UnsafeStartupException(string message) : Exception(message);
