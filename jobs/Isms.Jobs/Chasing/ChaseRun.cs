namespace Isms.Jobs.Chasing;

/// <summary>What one run did: records looked at and notifications sent. Logged as counts only (no personal data).</summary>
public sealed record ChaseRun(int Examined, int Sent);
