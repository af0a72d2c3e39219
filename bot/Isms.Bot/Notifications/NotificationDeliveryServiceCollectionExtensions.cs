using Isms.Bot.Approvals;

namespace Isms.Bot.Notifications;

public static class NotificationDeliveryServiceCollectionExtensions
{
    /// <summary>Sending decision cards and updating their copies, the receipts (sent once, then kept up to date), the
    /// administrators' alerts, and the outbox of undelivered notifications with its retry loop.</summary>
    public static IServiceCollection AddIsmsNotificationDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApprovalCardSender>();
        services.AddSingleton<Receipts>();
        services.AddSingleton<AdminAlerts>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<LateCards>();
        services.AddSingleton<NotificationOutbox>();
        services.AddHostedService<OutboxRetryService>();
        return services;
    }
}
