using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> the bot believes (section
/// <c>ForwardedHeaders</c>): addresses in <see cref="KnownProxies"/>, networks such as <c>10.0.0.0/24</c> in
/// <see cref="KnownNetworks"/>. None by default: then nobody's forwarded headers change the client address or the
/// scheme, whatever ASPNETCORE_FORWARDEDHEADERS_ENABLED says.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<string> Errors() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"ForwardedHeaders:KnownProxies: '{p}' is not an IP address")
            .Concat(KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                .Select(n => $"ForwardedHeaders:KnownNetworks: '{n}' is not a network such as 10.0.0.0/24"));
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddIsmsForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        // Post-configuration runs after every Configure, including the one ASPNETCORE_FORWARDEDHEADERS_ENABLED adds
        // (which clears the known proxies and so trusts anyone).
        services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, TrustConfiguredProxiesOnly>();
        return services;
    }

    /// <summary>The forwarded headers of a configured proxy, first in the pipeline; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseIsmsForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private sealed class TrustConfiguredProxiesOnly(IOptions<ForwardedHeadersSettings> settings) : IPostConfigureOptions<ForwardedHeadersOptions>
    {
        public void PostConfigure(string? name, ForwardedHeadersOptions options)
        {
            var trusted = settings.Value;
            options.KnownProxies.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still read by the middleware: it must not keep the loopback default
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            options.KnownIPNetworks.Clear();
            // Empty lists would mean "trust everyone" to the middleware: with no proxy configured, read no header at all.
            options.ForwardedHeaders = trusted.TrustsAnyProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            foreach (var proxy in trusted.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }
    }

    private sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
    {
        public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options) =>
            options.Errors().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
