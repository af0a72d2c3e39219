using System.Text.Json.Nodes;

namespace Isms.Jobs.Ports;

/// <summary>Someone to tell: a Teams user id (or Entra object id) the host can reach proactively.</summary>
public sealed record Recipient(string UserId, string? DisplayName = null);

/// <summary>What to tell them, in Japanese. <paramref name="Card"/> is an optional Adaptive Card the host may send instead of the text.</summary>
public sealed record Notification(string Title, string Text, string? Clause = null, string? SubjectId = null, JsonObject? Card = null);

public enum NotifyResult
{
    Sent,
    /// <summary>The host has no way to reach this person yet (no conversation reference).</summary>
    Unreachable,
    Failed,
}

/// <summary>The way jobs talk to people. The bot host implements it with proactive Teams messages.</summary>
public interface INotifier
{
    Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken);
}
