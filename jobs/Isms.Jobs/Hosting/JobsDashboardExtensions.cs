using Hangfire;
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
