namespace Isms.Jobs.Scheduling;

/// <summary>
/// Japanese public holidays (国民の祝日に関する法律) computed by rule, as the law stands since 2020: fixed days,
/// Happy Monday days, 春分/秋分 by the standard approximation (valid 1980–2099), 振替休日 and 国民の休日.
/// The one-off moves of 2020 and 2021 (Olympics) and future changes to the law are not reproduced: add such days
/// to <see cref="CalendarOptions.ClosedDates"/>.
/// </summary>
public static class JapaneseHolidays
{
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The holiday's name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly date)
    {
        var name = StatutoryName(date);
        if (name is not null)
        {
            return name;
        }

        if (IsSubstitute(date))
        {
            return "振替休日";
        }

        // 国民の休日: an ordinary day between two statutory holidays.
        if (date.DayOfWeek != DayOfWeek.Sunday
            && StatutoryName(date.AddDays(-1)) is not null
            && StatutoryName(date.AddDays(1)) is not null)
        {
            return "国民の休日";
        }

        return null;
    }

    /// <summary>All holidays of a year, in order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var list = new List<(DateOnly, string)>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (NameOf(d) is { } name)
            {
                list.Add((d, name));
            }
        }

        return list;
    }

    /// <summary>振替休日: the first non-holiday day after a run of holidays that includes a Sunday.</summary>
    private static bool IsSubstitute(DateOnly date)
    {
        for (var d = date.AddDays(-1); StatutoryName(d) is not null; d = d.AddDays(-1))
        {
            if (d.DayOfWeek == DayOfWeek.Sunday)
            {
                return true;
            }
        }

        return false;
    }

    private static string? StatutoryName(DateOnly date)
    {
        var (y, m, d) = (date.Year, date.Month, date.Day);
        return m switch
        {
            1 when d == 1 => "元日",
            1 when IsNthMonday(date, 2) => "成人の日",
            2 when d == 11 => "建国記念の日",
            2 when d == 23 => "天皇誕生日",
            3 when d == VernalEquinoxDay(y) => "春分の日",
            4 when d == 29 => "昭和の日",
            5 when d == 3 => "憲法記念日",
            5 when d == 4 => "みどりの日",
            5 when d == 5 => "こどもの日",
            7 when IsNthMonday(date, 3) => "海の日",
            8 when d == 11 => "山の日",
            9 when IsNthMonday(date, 3) => "敬老の日",
            9 when d == AutumnalEquinoxDay(y) => "秋分の日",
            10 when IsNthMonday(date, 2) => "スポーツの日",
            11 when d == 3 => "文化の日",
            11 when d == 23 => "勤労感謝の日",
            _ => null,
        };
    }

    private static bool IsNthMonday(DateOnly date, int n) =>
        date.DayOfWeek == DayOfWeek.Monday && (date.Day - 1) / 7 == n - 1;

    /// <summary>春分日: floor(20.8431 + 0.242194 (y − 1980) − floor((y − 1980) / 4)).</summary>
    public static int VernalEquinoxDay(int year) => EquinoxDay(20.8431, year);

    /// <summary>秋分日: floor(23.2488 + 0.242194 (y − 1980) − floor((y − 1980) / 4)).</summary>
    public static int AutumnalEquinoxDay(int year) => EquinoxDay(23.2488, year);

    private static int EquinoxDay(double constant, int year)
    {
        var n = year - 1980;
        return (int)Math.Floor(constant + (0.242194 * n) - Math.Floor(n / 4.0));
    }
}
