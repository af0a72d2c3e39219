using Isms.Workflows.Notifications;

namespace Isms.Jobs.Ports;

/// <summary>Who must decide a pending request now, since when, and who is next up (the routing adapts to this).</summary>
/// <param name="Approvers">The current step's assignees and their active deputies.</param>
/// <param name="AssignedAt">When the current step began: the chase counts from here, so a new step starts afresh.</param>
/// <param name="EscalateTo">Holders of the next role up; empty at the top of the ladder or when the post is vacant.</param>
/// <param name="EscalateRole">The next role's name as staff read it, e.g. "情報セキュリティ責任者".</param>
public sealed record PendingStep(
    IReadOnlyList<Recipient> Approvers, DateTimeOffset AssignedAt, IReadOnlyList<Recipient> EscalateTo, string EscalateRole, bool AcknowledgeOnly = false);

public interface IApprovalAssignments
{
    /// <summary>The current assignment of each of <paramref name="recordIds"/> that has one, in one read; a record
    /// nobody is assigned to (the routing has not run yet) is left out and so is not chased.</summary>
    Task<IReadOnlyDictionary<string, PendingStep>> CurrentAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken);
}
