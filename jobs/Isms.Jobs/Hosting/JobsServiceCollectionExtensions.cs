using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Isms.Jobs.Chasing;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Storage;
using Isms.Workflows.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Hosting;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with the job store chosen by Jobs:Storage, the server (unless Jobs:RunServer is false), the scheduling
    /// core, the training records and the recurring chase jobs. The host registers <see cref="IsmsDatabase"/>,
    /// <see cref="Ports.INotifier"/>, <see cref="Ports.IPeopleLookup"/> and <see cref="Ports.IApprovalAssignments"/>.
    /// </summary>
    public static IServiceCollection AddIsmsJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddIsmsTraining(configuration);

        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IOptions<JobsOptions>>().Value.Calendar));
        services.AddSingleton<DueCalculator>();
        services.AddSingleton<ReminderLedger>();
        services.TryAddSingleton<IChaseableRequests, LiteDbChaseableRequests>();
        services.AddTransient<PendingApprovalChaseJob>();
        services.AddTransient<IncidentAcknowledgementChaseJob>();
        services.AddTransient<TakeoutReturnChaseJob>();
        services.AddTransient<SelfInspectionReminderJob>();
        services.AddTransient<TrainingChaseJob>();
        services.AddTransient<LedgerPruneJob>();

        var storageSection = configuration.GetSection(StorageOptions.SectionName);
        services.AddHangfire((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            _ = options.Storage switch
            {
                JobStorageKind.Sqlite => config.UseSQLiteStorage(
                    SqlitePath(storageSection.Get<StorageOptions>() ?? new StorageOptions(), options, contentRoot), new SQLiteStorageOptions()),
                JobStorageKind.Postgres => config.UsePostgreSqlStorage(
                    c => c.UseNpgsqlConnection(options.PostgresConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = options.PostgresSchema, PrepareSchemaIfNecessary = true }),
                _ => (object)config.UseInMemoryStorage(),
            };
        });

        var runServer = configuration.GetValue(JobsOptions.SectionName + ":" + nameof(JobsOptions.RunServer), true);
        if (runServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                server.ServerName = "isms-" + Environment.MachineName;
            });
        }

        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    /// <summary>The SQLite job file: Jobs:SqliteFileName inside Storage:DataDirectory (relative to the content root).</summary>
    public static string SqlitePath(StorageOptions storage, JobsOptions jobs, string contentRoot)
    {
        var directory = Path.IsPathRooted(storage.DataDirectory) ? storage.DataDirectory : Path.Combine(contentRoot, storage.DataDirectory);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, jobs.SqliteFileName);
    }
}

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
