using System.ComponentModel.DataAnnotations;

namespace Isms.Bot.Notifications;

/// <summary>Retries of undelivered notifications (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Outbox";

    private static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    /// <summary>Waits before each retry after the first attempt; after the last retry the failure is reported.
    /// Empty means the defaults (1, 5 and 30 minutes). (Configuration binding appends to a non-empty default array.)</summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    /// <summary>How often the hosted loop looks for due retries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<TimeSpan> Delays => RetryDelays.Length > 0 ? RetryDelays : DefaultDelays;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelays.Any(d => d <= TimeSpan.Zero) || RetryDelays.Length > 10)
        {
            yield return new ValidationResult("Outbox:RetryDelays must be up to 10 positive times (hh:mm:ss).");
        }

        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Outbox:PollInterval must be between 00:00:01 and 01:00:00.");
        }
    }
}
