namespace Isms.Workflows.Audit;

/// <summary>A state change to record: who did what to which record, under which clause, from which Teams activity.</summary>
/// <param name="Action">What happened, e.g. Submitted, Approved, Rerouted, Acknowledged, DirectoryReloaded.</param>
/// <param name="ActorId">Directory person id, or the Teams user id of someone not in the directory; "system" for jobs.</param>
/// <param name="ActorName">Display name, kept in the trail (never in the application log).</param>
/// <param name="FromStatus">The status before, as stored (e.g. PendingApproval).</param>
/// <param name="Clause">The clause behind the change, e.g. 5.1(1)③(イ) or 1(8)①.</param>
/// <param name="ActivityId">The Teams activity that caused it, for tracing back to the conversation.</param>
public sealed record AuditEvent(
    string Action,
    string ActorId,
    string? ActorName = null,
    string? RecordId = null,
    string? RecordNumber = null,
    string? FromStatus = null,
    string? ToStatus = null,
    string? Clause = null,
    string? ActivityId = null,
    string? Detail = null);

/// <summary>An appended event with its place in the hash chain.</summary>
/// <param name="PreviousHash">SHA-256 (hex) of the previous entry; 64 zeros for the first.</param>
/// <param name="Hash">SHA-256 (hex) of this entry's canonical form, which includes <paramref name="PreviousHash"/>.</param>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, AuditEvent Event, string PreviousHash, string Hash);

/// <summary>The result of checking the chain. <see cref="Problem"/> is Japanese, for the 監査 or 自己点検 report.</summary>
public sealed record AuditVerification(bool IsValid, long EntryCount, long? FirstBrokenSequence, string? Problem)
{
    public static AuditVerification Valid(long count) => new(true, count, null, null);
}
