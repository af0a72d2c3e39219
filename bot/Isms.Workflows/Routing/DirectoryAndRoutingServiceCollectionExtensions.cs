using Isms.Workflows.Org;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Isms.Workflows.Routing;

public static class DirectoryAndRoutingServiceCollectionExtensions
{
    /// <summary>
    /// The org directory (section "Directory"), the approval routing rules (section "Routing") and the audit trail.
    /// Both files are checked at start-up: an invalid one stops the host with an <see cref="OptionsValidationException"/>
    /// naming the problem. Part of <see cref="WorkflowsServiceCollectionExtensions.AddIsmsWorkflows"/>; safe to call twice.
    /// Expects the host to register <see cref="Storage.IsmsDatabase"/> and logging.
    /// </summary>
    public static IServiceCollection AddIsmsDirectoryAndRouting(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ApprovalRouter)))
        {
            return services;
        }

        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryFileValidator>();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RulesFileValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClauseCatalog>(_ => PolicyClauseCatalog.FromEmbeddedPolicy());
        services.AddSingleton<OrgDirectoryService>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RoutingOptions>>().Value;
            return RoutingRulesLoader.LoadFile(options.ResolvedRulesPath, sp.GetRequiredService<IClauseCatalog>(), options.SettingOverrides);
        });
        // The web-meeting form names its approver; the routing rules decide who that is, so the form takes it from them.
        services.AddOptions<Forms.FormsOptions>().PostConfigure<RoutingRules>((forms, rules) =>
        {
            if (rules.ApproverOf(Forms.FormKind.WebMeetingRequest) is { } role)
            {
                forms.WebMeetingApprover = (role.IsDepartmental() ? "所属の" : "") + role.Label();
            }
        });
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton(sp => new ApprovalRouter(sp.GetRequiredService<RoutingRules>(), sp.GetRequiredService<OrgDirectoryService>()));
        services.AddSingleton<Approvals.ApprovalService>();
        return services;
    }

    private sealed class DirectoryFileValidator : IValidateOptions<DirectoryOptions>
    {
        public ValidateOptionsResult Validate(string? name, DirectoryOptions options)
        {
            try
            {
                OrgDirectoryLoader.LoadFile(options.ResolvedPath);
                return ValidateOptionsResult.Success;
            }
            catch (DirectoryLoadException e)
            {
                return ValidateOptionsResult.Fail($"Directory:Path: {e.Message}");
            }
        }
    }

    private sealed class RulesFileValidator(IClauseCatalog clauses) : IValidateOptions<RoutingOptions>
    {
        public ValidateOptionsResult Validate(string? name, RoutingOptions options)
        {
            try
            {
                RoutingRulesLoader.LoadFile(options.ResolvedRulesPath, clauses, options.SettingOverrides);
                return ValidateOptionsResult.Success;
            }
            catch (RoutingRulesException e)
            {
                return ValidateOptionsResult.Fail($"Routing:RulesPath: {e.Message}");
            }
        }
    }
}
