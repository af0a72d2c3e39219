using Isms.Workflows;
using System.Collections.Concurrent;
using System.Globalization;

namespace Isms.Jobs.Scheduling;

/// <summary>
/// Working time in Japan (Asia/Tokyo, a fixed +09:00: no daylight saving since 1951). A working day is a weekday that
/// is neither a public holiday nor a configured closed day; working hours are [start, end] of such a day.
/// Every result is returned at +09:00.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly HashSet<(int Month, int Day)> _closedDays;
    private readonly HashSet<DateOnly> _closedDates;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _holidaysByYear = new();

    public WorkingCalendar(CalendarOptions options)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _start = options.Start;
        _end = options.End;
        _closedDays = options.ClosedDays
            .Select(d => DateOnly.ParseExact("2000-" + d, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(d => (d.Month, d.Day))
            .ToHashSet();
        _closedDates = options.ClosedDates
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    public static WorkingCalendar Default { get; } = new(new CalendarOptions());

    public TimeOnly WorkdayStart => _start;

    public TimeOnly WorkdayEnd => _end;

    public TimeSpan WorkdayLength => _end - _start;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_closedDays.Contains((date.Month, date.Day))
        && !_closedDates.Contains(date)
        && !_holidaysByYear.GetOrAdd(date.Year, y => JapaneseHolidays.Of(y).Select(h => h.Date).ToHashSet()).Contains(date);

    public bool IsWorkingMoment(DateTimeOffset t)
    {
        var local = JapanTime.ToJapan(t);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= _start && time <= _end;
    }

    public DateOnly NextWorkingDay(DateOnly date)
    {
        var d = date;
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary><paramref name="t"/> itself when it is in working hours, otherwise the start of the next working day.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset t)
    {
        var local = JapanTime.ToJapan(t);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            if (time < _start)
            {
                return JapanTime.At(date, _start);
            }

            if (time <= _end)
            {
                return local;
            }
        }

        return JapanTime.At(NextWorkingDay(date.AddDays(1)), _start);
    }

    /// <summary>The moment when <paramref name="duration"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var t = NextWorkingMoment(start);
        var remaining = duration;
        while (true)
        {
            var endOfDay = JapanTime.At(DateOnly.FromDateTime(t.DateTime), _end);
            var left = endOfDay - t;
            if (remaining <= left)
            {
                return t + remaining;
            }

            remaining -= left;
            t = JapanTime.At(NextWorkingDay(DateOnly.FromDateTime(t.DateTime).AddDays(1)), _start);
        }
    }

    /// <summary>The working time between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var t = NextWorkingMoment(from);
        var end = JapanTime.ToJapan(to);
        while (t < end)
        {
            var endOfDay = JapanTime.At(DateOnly.FromDateTime(t.DateTime), _end);
            total += (endOfDay < end ? endOfDay : end) - t;
            t = JapanTime.At(NextWorkingDay(DateOnly.FromDateTime(t.DateTime).AddDays(1)), _start);
        }

        return total;
    }
}
