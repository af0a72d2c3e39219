using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Isms.Jobs.Backup;
using Isms.Jobs.Chasing;
using Isms.Jobs.Ports;
using Isms.Jobs.Reporting;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Hosting;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with the job store chosen by Jobs:Storage, the server (unless Jobs:RunServer is false), the scheduling
    /// core and the recurring chase jobs (the procedures' own chases from the <c>FormCatalog</c>). The host registers <see cref="IsmsDatabase"/> and what Workflows owns
    /// (<c>AddIsmsWorkflows</c>: the records, the training records), <see cref="Isms.Workflows.Notifications.INotifier"/>,
    /// <see cref="Ports.IPeopleLookup"/>, <see cref="Ports.IApprovalAssignments"/> and <see cref="Ports.ICurationDigest"/>.
    /// </summary>
    public static IServiceCollection AddIsmsJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // Hangfire's dashboard checks the antiforgery token on its POSTs (trigger, delete, requeue) only when this is registered.
        services.AddAntiforgery();

        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<IOptions<JobsOptions>>().Value.Calendar));
        services.AddSingleton<DueCalculator>();
        services.AddSingleton<ReminderLedger>();
        services.TryAddSingleton<IChaseableRequests, LiteDbChaseableRequests>();
        services.AddTransient<PendingApprovalChaseJob>();
        services.AddTransient<IncidentAcknowledgementChaseJob>();
        services.TryAddSingleton<IOpenIncidents, LiteDbOpenIncidents>();
        services.AddTransient<IncidentFollowUpChaseJob>();
        services.AddTransient<TakeoutReturnChaseJob>();
        services.AddTransient<DeclaredChaseJob>();
        services.AddTransient<SelfInspectionReminderJob>();
        services.AddTransient<TrainingChaseJob>();
        services.AddTransient<LedgerPruneJob>();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddTransient<BackupJob>();
        services.AddTransient<CurationDigestJob>();

        // The job store and the activator belong to this host, not to Hangfire's process-wide JobStorage.Current /
        // JobActivator.Current (AddHangfire only adds them when missing): two hosts in one process (tests, a restart
        // in place) would otherwise run each other's jobs or write to each other's store.
        var storageSection = configuration.GetSection(StorageOptions.SectionName);
        services.AddSingleton<JobStorage>(sp =>
        {
            // The host's data directory (when it registers one) is locked and checked before the job file in it is opened.
            sp.GetService<DataDirectory>();
            return CreateStorage(sp.GetRequiredService<IOptions<JobsOptions>>().Value, storageSection.Get<StorageOptions>() ?? new StorageOptions(), contentRoot);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLoggerBridge(sp.GetRequiredService<ILoggerFactory>())));

        // Jobs:RunServer is read when the host starts (not here), so settings added late (tests, environment) count.
        services.AddTransient<IHostedService>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // applies the serializer settings above
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (!options.RunServer)
            {
                return new NoJobServer();
            }

            var server = new BackgroundJobServerOptions
            {
                WorkerCount = options.WorkerCount,
                ServerName = "isms-" + Environment.MachineName,
                SchedulePollingInterval = TimeSpan.FromSeconds(options.PollingSeconds),
                Activator = sp.GetRequiredService<JobActivator>(),
                FilterProvider = sp.GetService<IJobFilterProvider>(),
                TimeZoneResolver = sp.GetService<ITimeZoneResolver>(),
            };
            return new BackgroundJobServerHostedService(sp.GetRequiredService<JobStorage>(), server, [], sp.GetService<IHostApplicationLifetime>());
        });

        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    /// <summary>The job store Jobs:Storage names. SQLite (the default) is a file in the data directory, so scheduled,
    /// recurring and retrying jobs survive a restart.</summary>
    public static JobStorage CreateStorage(JobsOptions options, StorageOptions storage, string contentRoot) => options.Storage switch
    {
        JobStorageKind.Sqlite => OpenSqlite(SqlitePath(storage, options, contentRoot), options),
        JobStorageKind.Postgres => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(options.PostgresConnectionString!, new PostgreSqlStorageOptions { SchemaName = options.PostgresSchema }),
            new PostgreSqlStorageOptions { SchemaName = options.PostgresSchema, PrepareSchemaIfNecessary = true }),
        _ => new Hangfire.InMemory.InMemoryStorage(),
    };

    /// <summary>The SQLite job file: Jobs:SqliteFileName inside Storage:DataDirectory (relative to the content root).</summary>
    public static string SqlitePath(StorageOptions storage, JobsOptions jobs, string contentRoot)
    {
        var directory = storage.ResolveDirectory(contentRoot);
        DataFiles.CreateFolder(directory);
        return Path.Combine(directory, jobs.SqliteFileName);
    }

    /// <summary>
    /// The SQLite job store, its file created owner-only (SQLite's journal takes the file's mode). SQLite here has no
    /// encryption (SQLCipher is not served), so the file is protected by its permissions; it holds job ids, schedules and
    /// states, never personal data (a declared chase's job takes only its id). What keeps it from opening names the path and the cause.
    /// </summary>
    private static SQLiteStorage OpenSqlite(string path, JobsOptions options)
    {
        try
        {
            DataFiles.Protect(path);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(options.PollingSeconds) });
        }
        catch (Exception exception) when (exception is SQLite.SQLiteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException(path, SqliteCause(exception), exception.Message, exception);
        }
    }

    private static StorageCause SqliteCause(Exception exception) => exception is SQLite.SQLiteException sqlite
        ? sqlite.Result switch
        {
            SQLite.SQLite3.Result.Full => StorageCause.DiskFull,
            SQLite.SQLite3.Result.ReadOnly => StorageCause.ReadOnly,
            SQLite.SQLite3.Result.Perm or SQLite.SQLite3.Result.CannotOpen => StorageCause.PermissionDenied,
            SQLite.SQLite3.Result.Busy or SQLite.SQLite3.Result.Locked => StorageCause.InUse,
            SQLite.SQLite3.Result.Corrupt or SQLite.SQLite3.Result.NonDBFile => StorageCause.Unreadable,
            _ => StorageCause.Io,
        }
        : StorageFailure.Classify(exception);
}

/// <summary>Jobs:RunServer=false: this instance only schedules; another one runs the jobs.</summary>
internal sealed class NoJobServer : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
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
