using Isms.Bot.AnswerCuration;
using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Bot.Incidents;
using Isms.Bot.Jobs;
using Isms.Bot.Notifications;
using Isms.Bot.State;
using Isms.Bot.Training;
using Isms.Jobs.Hosting;
using Isms.Knowledge;
using Isms.Workflows;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>Everything the Teams bot host needs: storage, authentication, adapter, state and the bot.</summary>
    public static WebApplicationBuilder AddIsmsBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpClient();
        services.TryAddSingletonTimeProvider();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotAuthenticationOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddIsmsForwardedHeaders();

        // The directory is locked and proven writable before any data file in it is opened (IsmsDatabase, hangfire.db).
        services.AddSingleton(sp => DataDirectory.Prepare(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<DataDirectory>();
            return IsmsDatabase.Open(
                sp.GetRequiredService<IOptions<StorageOptions>>().Value,
                sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Isms.Storage"));
        });
        services.AddSingleton<IStorage, LiteDbStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<TeamRosters>();
        services.AddSingleton<RosterWatch>();
        services.AddSingleton<RosterSync>();
        services.AddHostedService(sp => sp.GetRequiredService<RosterSync>());

        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        // CloudAdapter has two public constructors that DI cannot choose between: register it through a factory.
        services.AddSingleton(sp => new IsmsCloudAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<IsmsCloudAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<IsmsCloudAdapter>());

        services.AddIsmsKnowledge(builder.Configuration);
        services.AddIsmsWorkflows(builder.Configuration);
        services.AddSingleton(sp =>
        {
            var document = sp.GetRequiredService<IPolicyAnswerer>().Document;
            return new WelcomeCard(sp.GetRequiredService<CommandTable>(), sp.GetRequiredService<OrgDirectoryService>(),
                $"対象: {document.Title}（{document.Edition}）", sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<FormsOptions>().MalwareFirstResponse);
        });
        services.AddSingleton<RoleContacts>();
        services.AddSingleton<ApplicantRoleCheck>();
        services.AddSingleton<IApplicantRoleCheck>(sp => sp.GetRequiredService<ApplicantRoleCheck>());
        services.AddSingleton<AnswerLog>();
        services.AddIsmsCuration();
        services.AddSingleton<WelcomeLedger>();
        services.AddSingleton<QuestionHandler>();
        services.AddSingleton<TrainingStatusHandler>();
        services.AddSingleton<TrainingImportCommand>();
        services.AddSingleton<DrillCommand>();
        services.AddSingleton<FormStarter>();
        services.AddSingleton(IsmsCommands.Create);
        services.AddSingleton<MessageRouter>();
        services.AddOptions<NotificationChannelsOptions>().BindConfiguration(NotificationChannelsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<TeamsNotifier>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<TeamsNotifier>());
        services.AddSingleton<IncidentsBridge>();
        services.AddSingleton<ApprovalsBridge>();
        builder.AddIsmsBotJobs();
        services.AddSingleton<ApplicantActions>();
        services.AddSingleton<ProcedureFollowUps>();
        services.AddSingleton<AuditCommands>();
        services.AddIsmsNotificationDelivery();
        services.AddTransient<IsmsTeamsBot>();
        services.AddTransient<IBot, StorageFaultRetry>();
        services.AddHostedService<BotWarmUp>();
        services.AddHostedService<StorageAlerts>();
        services.AddHostedService<LoopbackOnlyGuard>();
        services.AddHostedService<CurationStartup>();
        return builder;
    }

    public static WebApplication MapIsmsBot(this WebApplication app)
    {
        app.UseIsmsForwardedHeaders();
        app.MapBotMessages();
        app.MapIsmsJobsDashboard();
        app.MapStorageHealth();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>Stops the bot at start-up when the app credentials are half configured, or missing outside Development.</summary>
public sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (!options.IsEnabled)
        {
            // Without an app id anyone who reaches the port can act as any person (see LoopbackOnlyGuard).
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"MicrosoftAppId が未設定です。認証なしで動かせるのは開発環境 (ASPNETCORE_ENVIRONMENT=Development) でこのマシン自身 (loopback) だけから使う場合に限ります（現在の環境: {environment.EnvironmentName}）。 "
                    + $"MicrosoftAppId is not set: running without authentication is allowed only with ASPNETCORE_ENVIRONMENT=Development on loopback (environment now: {environment.EnvironmentName}). "
                    + "Set MicrosoftAppId and MicrosoftAppPassword.");
        }

        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType;
        if (!AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}.");
        }

        if (!appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return ValidateOptionsResult.Fail("MicrosoftAppPassword is required when MicrosoftAppId is set.");
        }

        if (!appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppTenantId is required for MicrosoftAppType {appType}.");
        }

        return ValidateOptionsResult.Success;
    }
}
