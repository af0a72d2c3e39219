using Isms.Bot.Approvals;
using Isms.Workflows.Approvals;

namespace Isms.Bot.Notifications;

public static class NotificationDeliveryServiceCollectionExtensions
{
    /// <summary>Decision-card copies and their updates, 承認待ち, and the outbox of undelivered notifications with its retry loop.</summary>
    public static IServiceCollection AddIsmsNotificationDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApprovalCardCopies>();
        services.AddSingleton<WaitingApprovals>();
        services.AddSingleton<ApprovalCardSender>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<NotificationOutbox>();
        services.AddHostedService<OutboxRetryService>();
        return services;
    }
}
