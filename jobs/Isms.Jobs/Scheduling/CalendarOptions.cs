using System.Globalization;

namespace Isms.Jobs.Scheduling;

/// <summary>The office's working hours and closed days. Bound from "Jobs:Calendar".</summary>
public sealed class CalendarOptions
{
    /// <summary>Start of the working day, Japan time, "HH:mm".</summary>
    public string WorkdayStart { get; set; } = "08:30";

    /// <summary>End of the working day, Japan time, "HH:mm".</summary>
    public string WorkdayEnd { get; set; } = "17:15";

    /// <summary>Days closed every year, "MM-dd": 年末年始 by default.</summary>
    public List<string> ClosedDays { get; set; } = ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"];

    /// <summary>Extra closed dates, "yyyy-MM-dd" (a one-off holiday the rules do not know).</summary>
    public List<string> ClosedDates { get; set; } = [];

    public TimeOnly Start => TimeOnly.ParseExact(WorkdayStart, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly End => TimeOnly.ParseExact(WorkdayEnd, "HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Errors in these settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!TimeOnly.TryParseExact(WorkdayStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(WorkdayEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            yield return "Jobs:Calendar:WorkdayStart and WorkdayEnd must be HH:mm.";
            yield break;
        }

        if (end <= start)
        {
            yield return "Jobs:Calendar:WorkdayEnd must be after WorkdayStart.";
        }

        foreach (var day in ClosedDays.Where(d => !DateOnly.TryParseExact("2000-" + d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            yield return $"Jobs:Calendar:ClosedDays entry '{day}' is not MM-dd.";
        }

        foreach (var date in ClosedDates.Where(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            yield return $"Jobs:Calendar:ClosedDates entry '{date}' is not yyyy-MM-dd.";
        }
    }
}
