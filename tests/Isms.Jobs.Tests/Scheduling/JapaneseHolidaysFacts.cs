using Isms.Jobs.Scheduling;

namespace Isms.Jobs.Tests.Scheduling;

public class JapaneseHolidaysFacts
{
    [Theory]
    [InlineData("2026-01-01", "元日")]
    [InlineData("2026-01-12", "成人の日")]
    [InlineData("2026-02-23", "天皇誕生日")]
    [InlineData("2026-03-20", "春分の日")]
    [InlineData("2026-05-03", "憲法記念日")]
    [InlineData("2026-05-06", "振替休日")]
    [InlineData("2026-07-20", "海の日")]
    [InlineData("2026-09-21", "敬老の日")]
    [InlineData("2026-09-22", "国民の休日")]
    [InlineData("2026-09-23", "秋分の日")]
    [InlineData("2026-10-12", "スポーツの日")]
    [InlineData("2026-11-23", "勤労感謝の日")]
    [InlineData("2027-01-11", "成人の日")]
    [InlineData("2027-03-21", "春分の日")]
    [InlineData("2027-03-22", "振替休日")]
    [InlineData("2027-09-23", "秋分の日")]
    [InlineData("2025-11-24", "振替休日")]
    public void NameOf_ReturnsTheHoliday(string date, string expected) =>
        Assert.Equal(expected, JapaneseHolidays.NameOf(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-05-07")]
    [InlineData("2026-09-24")]
    [InlineData("2026-01-13")]
    [InlineData("2027-09-22")]
    public void NameOf_IsNull_OnOrdinaryDays(string date) => Assert.Null(JapaneseHolidays.NameOf(DateOnly.Parse(date)));

    [Fact]
    public void Of_2026_HasTheSixteenStatutoryDaysPlusTheSubstituteAndCitizensHolidays()
    {
        var days = JapaneseHolidays.Of(2026);

        // 16 statutory + 振替休日 5/6 + 国民の休日 9/22 (2026 has no other substitutes: 2/11 Wed, 11/3 Tue, 11/23 Mon).
        Assert.Equal(18, days.Count);
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 5, 6) && d.Name == "振替休日");
    }

    [Theory]
    [InlineData(2024, 20, 22)]
    [InlineData(2025, 20, 23)]
    [InlineData(2026, 20, 23)]
    [InlineData(2027, 21, 23)]
    public void Equinoxes_FollowTheStandardFormula(int year, int vernal, int autumnal)
    {
        Assert.Equal(vernal, JapaneseHolidays.VernalEquinoxDay(year));
        Assert.Equal(autumnal, JapaneseHolidays.AutumnalEquinoxDay(year));
    }
}
