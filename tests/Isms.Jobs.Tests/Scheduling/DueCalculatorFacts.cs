using Isms.Jobs.Scheduling;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Scheduling;

public class DueCalculatorFacts
{
    private static readonly DueCalculator Due = new(WorkingCalendar.Default);
    private static readonly ChasePolicy Policy = new(TimeSpan.FromHours(4), TimeSpan.FromHours(16));

    // Assigned Thu 9/24 09:00. Remind after 4 working hours: 13:00. Escalate after 16: 8h15 on Thu + 7h45 on Fri = Fri 16:15.
    [Theory]
    [InlineData("2026-09-24T12:59", ChaseStep.None)]
    [InlineData("2026-09-24T13:00", ChaseStep.Remind)]
    [InlineData("2026-09-24T20:00", ChaseStep.None)] // night: quiet
    [InlineData("2026-09-25T16:14", ChaseStep.Remind)]
    [InlineData("2026-09-25T16:15", ChaseStep.Escalate)]
    [InlineData("2026-09-26T10:00", ChaseStep.None)] // Saturday: quiet
    [InlineData("2026-09-28T08:30", ChaseStep.Escalate)]
    public void StepDue_CountsWorkingTime(string now, ChaseStep expected) =>
        Assert.Equal(expected, Due.StepDue(Jst("2026-09-24T09:00"), Policy, Jst(now)));

    [Fact]
    public void StepDue_WallClockPolicy_FiresAtNight()
    {
        var policy = new ChasePolicy(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), WorkingHoursOnly: false);
        var since = Jst("2026-09-21T23:00"); // a holiday night

        Assert.Equal(ChaseStep.None, Due.StepDue(since, policy, Jst("2026-09-21T23:29")));
        Assert.Equal(ChaseStep.Remind, Due.StepDue(since, policy, Jst("2026-09-21T23:30")));
        Assert.Equal(ChaseStep.Escalate, Due.StepDue(since, policy, Jst("2026-09-22T00:00")));
    }

    [Theory]
    [InlineData("2026-09-24T08:44", null)]
    [InlineData("2026-09-24T08:45", "2026-09-24")]
    [InlineData("2026-09-24T17:00", "2026-09-24")]
    [InlineData("2026-09-24T17:30", null)]
    [InlineData("2026-09-22T09:00", null)] // 国民の休日
    public void DigestDue_OnWorkingDaysFromTheDigestTime(string now, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected), Due.DigestDue(new TimeOnly(8, 45), Jst(now)));

    [Fact]
    public void YearlyDue_MovesToTheNextWorkingDay()
    {
        // 2027-05-01 is a Saturday, 5/3–5/5 are holidays: the yearly reminder set for 5/1 is due on Thu 5/6.
        Assert.Null(Due.YearlyDue(5, 1, Jst("2027-05-05T10:00")));
        Assert.Equal(new DateOnly(2027, 5, 6), Due.YearlyDue(5, 1, Jst("2027-05-06T10:00")));
    }
}
