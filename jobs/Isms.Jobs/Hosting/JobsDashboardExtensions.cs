using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Hosting;

public static class JobsDashboardExtensions
{
    /// <summary>
    /// The Hangfire dashboard at Jobs:Dashboard:Path (/hangfire), guarded by <see cref="DashboardAuthorizationFilter"/>.
    /// Call after UseAuthentication/UseAuthorization when roles are used. Returns null when the dashboard is disabled.
    /// </summary>
    public static IEndpointConventionBuilder? MapIsmsJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value.Dashboard;
        if (!options.Enabled)
        {
            return null;
        }

        if (options.Roles.Count > 0
            && (endpoints.ServiceProvider.GetService<IAuthenticationSchemeProvider>() is not { } schemes
                || !schemes.GetAllSchemesAsync().GetAwaiter().GetResult().Any()))
        {
            // Roles with no authentication scheme would never match anyone; say so at start-up instead of denying silently.
            throw new InvalidOperationException(
                "Jobs:Dashboard:Roles is set but the host has no ASP.NET Core authentication scheme, so no user could ever be in a role. " +
                "Add authentication to the host, or use Jobs:Dashboard:BasicAuthUser / BasicAuthPassword.");
        }

        var isDevelopment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return endpoints.MapHangfireDashboard(options.Path, new DashboardOptions
        {
            Authorization = [new DashboardAuthorizationFilter(options, isDevelopment)],
            AsyncAuthorization = [],
            DashboardTitle = "Isms.Bot ジョブ",
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
    }
}
