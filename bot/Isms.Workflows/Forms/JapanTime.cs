namespace Isms.Workflows.Forms;

/// <summary>"Today" for the staff. Japan has had no daylight saving time since 1951, so a fixed +09:00 is exact
/// and does not depend on the host's time-zone database.</summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);
}
