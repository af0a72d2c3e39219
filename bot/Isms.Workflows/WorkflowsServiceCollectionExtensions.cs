using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Isms.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// The guided forms and their records. Expects the host to register <see cref="Storage.IsmsDatabase"/>;
    /// registers <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddIsmsWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormsOptions>()
            .Bind(configuration.GetSection(FormsOptions.SectionName))
            .Validate(o => o.RecentDays > 0 && !string.IsNullOrWhiteSpace(o.WebMeetingApprover), "Forms:RecentDays must be positive and Forms:WebMeetingApprover set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FormsOptions>>().Value);
        services.AddSingleton<FormCatalog>();
        services.AddSingleton<FormDraftStore>();
        services.AddSingleton<IRequestStore, LiteDbRequestStore>();
        services.AddSingleton<FormService>();
        return services;
    }
}
