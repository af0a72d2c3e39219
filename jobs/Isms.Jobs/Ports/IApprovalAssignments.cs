using Isms.Workflows.Requests;

namespace Isms.Jobs.Ports;

/// <summary>Who must decide a pending request now, since when, and who is next up (the routing adapts to this).</summary>
/// <param name="AssignedAt">When the current approver got it: the chase counts from here, so a new approver starts afresh.</param>
/// <param name="EscalateRole">The next role's name as staff read it, e.g. "情報セキュリティ責任者".</param>
public sealed record ApprovalAssignment(Recipient Approver, DateTimeOffset AssignedAt, Recipient? EscalateTo, string EscalateRole);

public interface IApprovalAssignments
{
    /// <summary>Null when nobody is assigned (the routing has not run yet): nothing is chased.</summary>
    Task<ApprovalAssignment?> CurrentAsync(RequestRecord record, CancellationToken cancellationToken);
}
