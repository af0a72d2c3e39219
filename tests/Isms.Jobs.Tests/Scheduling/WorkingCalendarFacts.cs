using Isms.Jobs.Scheduling;

namespace Isms.Jobs.Tests.Scheduling;

public class WorkingCalendarFacts
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    internal static DateTimeOffset Jst(string local) => DateTimeOffset.Parse(local + "+09:00");

    [Theory]
    [InlineData("2026-09-18", true)] // Friday
    [InlineData("2026-09-19", false)] // Saturday
    [InlineData("2026-09-21", false)] // 敬老の日
    [InlineData("2026-09-22", false)] // 国民の休日
    [InlineData("2026-09-23", false)] // 秋分の日
    [InlineData("2026-09-24", true)]
    [InlineData("2026-12-29", false)] // 年末年始
    [InlineData("2027-01-04", true)]
    [InlineData("2027-01-11", false)] // 成人の日
    public void IsWorkingDay(string date, bool expected) => Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void ClosedDates_FromSettings_AreNotWorkingDays()
    {
        var calendar = new WorkingCalendar(new CalendarOptions { ClosedDates = ["2026-08-14"] });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 8, 14)));
        Assert.True(WorkingCalendar.Default.IsWorkingDay(new DateOnly(2026, 8, 14)));
    }

    [Theory]
    [InlineData("2026-09-24T10:00", "2026-09-24T10:00")]
    [InlineData("2026-09-24T07:00", "2026-09-24T08:30")]
    [InlineData("2026-09-24T17:15", "2026-09-24T17:15")]
    [InlineData("2026-09-24T17:16", "2026-09-25T08:30")]
    [InlineData("2026-09-18T18:00", "2026-09-24T08:30")] // Friday evening → weekend → three holidays
    [InlineData("2026-12-28T18:00", "2027-01-04T08:30")] // 年末年始
    [InlineData("2027-01-08T17:30", "2027-01-12T08:30")] // → weekend → 成人の日
    public void NextWorkingMoment(string from, string expected) =>
        Assert.Equal(Jst(expected), Calendar.NextWorkingMoment(Jst(from)));

    [Fact]
    public void NextWorkingMoment_AcceptsUtcAndAnswersInJapanTime()
    {
        var result = Calendar.NextWorkingMoment(new DateTimeOffset(2026, 9, 24, 0, 0, 0, TimeSpan.Zero)); // 09:00 JST

        Assert.Equal(TimeSpan.FromHours(9), result.Offset);
        Assert.Equal(Jst("2026-09-24T09:00"), result);
    }

    [Theory]
    [InlineData("2026-09-24T09:00", 4.0, "2026-09-24T13:00")]
    [InlineData("2026-09-24T15:00", 4.0, "2026-09-25T10:15")]
    [InlineData("2026-09-18T16:15", 2.0, "2026-09-24T09:30")] // skips weekend and 9/21–9/23
    [InlineData("2026-05-01T16:00", 2.0, "2026-05-07T09:15")] // skips GW with 振替休日 5/6
    [InlineData("2026-09-24T20:00", 0.0, "2026-09-25T08:30")]
    [InlineData("2026-09-24T09:00", 17.5, "2026-09-28T09:00")] // two full working days (8h45 each) from Thu 09:00
    public void AddWorkingTime(string start, double hours, string expected) =>
        Assert.Equal(Jst(expected), Calendar.AddWorkingTime(Jst(start), TimeSpan.FromHours(hours)));

    [Fact]
    public void WorkingTimeBetween_IsTheInverseOfAddWorkingTime()
    {
        var start = Jst("2026-09-17T11:20");
        var end = Calendar.AddWorkingTime(start, TimeSpan.FromHours(13));

        Assert.Equal(TimeSpan.FromHours(13), Calendar.WorkingTimeBetween(start, end));
    }

    [Fact]
    public void Ctor_Throws_WhenTheDayEndsBeforeItStarts() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new CalendarOptions { WorkdayStart = "18:00", WorkdayEnd = "09:00" }));
}
