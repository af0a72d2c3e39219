using System.Globalization;

namespace Isms.Workflows;

/// <summary>
/// Time as the staff read it: Japan (Asia/Tokyo). Japan has had no daylight saving time since 1951, so a fixed +09:00
/// is exact and does not depend on the host's time-zone database. Every clock reading, date and timestamp shown to
/// people goes through here (forms, approvals, incidents, cards, the jobs' working calendar).
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    /// <summary>The same moment at +09:00.</summary>
    public static DateTimeOffset ToJapan(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The Japanese calendar date of a moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(ToJapan(at).DateTime);

    /// <summary>A date and a wall-clock time in Japan.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>2026年11月26日 10:00</summary>
    public static string FormatDateTime(DateTimeOffset at) => ToJapan(at).ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture);

    /// <summary>2026年11月26日</summary>
    public static string FormatDate(DateTimeOffset at) => ToJapan(at).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>11/26 10:00, for timelines.</summary>
    public static string FormatShort(DateTimeOffset at) => ToJapan(at).ToString("M/d H:mm", CultureInfo.InvariantCulture);
}
