using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Isms.Workflows.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>Training settings (validated at start-up), store, planner and service. Part of
    /// <see cref="WorkflowsServiceCollectionExtensions.AddIsmsWorkflows"/>; safe to call twice.</summary>
    public static IServiceCollection AddIsmsTraining(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(TrainingPlanner)))
        {
            return services;
        }

        services.AddOptions<TrainingOptions>()
            .Configure(o =>
            {
                var section = configuration.GetSection(TrainingOptions.SectionName);
                section.Bind(o);
                if (section.GetSection(nameof(TrainingOptions.Courses)).Exists())
                {
                    // Binding appends to the default list; configured courses replace the defaults.
                    o.Courses = section.GetSection(nameof(TrainingOptions.Courses)).Get<List<TrainingCourse>>() ?? [];
                }
            })
            .Validate(o => !o.Problems().Any(), "Training settings are invalid: see TrainingOptions.Problems().")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrainingOptions>>().Value);
        services.AddSingleton<TrainingStore>();
        services.AddSingleton<TrainingPlanner>();
        services.AddSingleton<TrainingService>();
        return services;
    }
}
