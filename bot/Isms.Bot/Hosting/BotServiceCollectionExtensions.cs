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

        services.AddSingleton(sp => IsmsDatabase.Open(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddSingleton<IStorage, LiteDbStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<ConversationReferenceStore>();

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
            return new WelcomeCard($"対象: {document.Title}（{document.Edition}）");
        });
        services.AddSingleton<AnswerLog>();
        services.AddIsmsCuration();
        services.AddSingleton<WelcomeLedger>();
        services.AddSingleton<QuestionHandler>();
        services.AddSingleton<TrainingStatusHandler>();
        services.AddSingleton<TrainingImportCommand>();
        services.AddSingleton<FormStarter>();
        services.AddSingleton(IsmsCommands.Create);
        services.AddSingleton<MessageRouter>();
        services.AddOptions<NotificationChannelsOptions>().BindConfiguration(NotificationChannelsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamsNotifier>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<TeamsNotifier>());
        services.AddSingleton<IncidentsBridge>();
        services.AddSingleton<ApprovalsBridge>();
        builder.AddIsmsBotJobs();
        services.AddSingleton<ApplicantActions>();
        services.AddSingleton<AuditCommands>();
        services.AddIsmsNotificationDelivery();
        services.AddTransient<IBot, IsmsTeamsBot>();
        services.AddHostedService<BotWarmUp>();
        services.AddHostedService<CurationStartup>();
        return builder;
    }

    public static WebApplication MapIsmsBot(this WebApplication app)
    {
        app.MapBotMessages();
        app.MapIsmsJobsDashboard();
        app.MapGet("/healthz", (IsmsDatabase database) =>
        {
            // Touching the file proves the data store is open and readable.
            _ = database.Database.CollectionExists("bot_state");
            return Results.Ok(new { status = "ok" });
        });
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

/// <summary>Stops the bot at start-up when the app credentials are half configured.</summary>
public sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
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
