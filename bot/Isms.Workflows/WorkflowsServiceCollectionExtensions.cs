using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Incidents;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Isms.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Everything Isms.Workflows owns: the forms and their records (<see cref="AddIsmsForms"/>), the org directory, the
    /// routing rules, the audit trail and the approvals (<see cref="AddIsmsDirectoryAndRouting"/>), the incidents, what
    /// the procedures keep beside their records (the クラウド台帳, the takeout return), the decision-card copies,
    /// 承認待ち and where each record stands (<see cref="RecordProgressReader"/>), and the training records. Settings are checked at start-up. Expects the host to register
    /// <see cref="Storage.IsmsDatabase"/> and logging; registers <see cref="TimeProvider.System"/> unless a clock is registered.
    /// </summary>
    public static IServiceCollection AddIsmsWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIsmsForms(configuration);
        services.AddIsmsDirectoryAndRouting(configuration);
        services.AddIsmsTraining(configuration);
        services.TryAddSingleton<IncidentService>();
        services.TryAddSingleton<CloudServiceRegister>();
        services.TryAddSingleton<TakeoutReturns>();
        services.TryAddSingleton<DisposalRecords>();
        services.TryAddSingleton<ExceptionMeasures>();
        services.TryAddSingleton<ApprovalCardCopies>();
        services.TryAddSingleton<WaitingApprovals>();
        services.TryAddSingleton<RecordProgressReader>();
        return services;
    }

    /// <summary>
    /// The guided forms and their records. Part of <see cref="AddIsmsWorkflows"/>; on its own for a host that only files
    /// forms (the web-meeting approver then comes from Forms:WebMeetingApprover, not from the routing rules).
    /// </summary>
    public static IServiceCollection AddIsmsForms(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(FormService)))
        {
            return services;
        }

        services.AddOptions<FormsOptions>()
            .Bind(configuration.GetSection(FormsOptions.SectionName))
            .Validate(o => o.RecentDays > 0 && !string.IsNullOrWhiteSpace(o.WebMeetingApprover), "Forms:RecentDays must be positive and Forms:WebMeetingApprover set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FormsOptions>>().Value);
        // A field may offer the org directory's systems (障害報告: which system); a host without the directory offers its own choices only.
        services.AddSingleton(sp => new FormCatalog(sp.GetRequiredService<FormsOptions>(),
            sp.GetService<Org.OrgDirectoryService>() is { } directory ? source => directory.Current.Choices(source) : null));
        services.AddSingleton<FormDraftStore>();
        services.AddSingleton<IRequestStore, LiteDbRequestStore>();
        services.AddSingleton<FormService>();
        return services;
    }
}
