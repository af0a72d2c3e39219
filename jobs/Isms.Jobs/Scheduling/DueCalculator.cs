using Isms.Workflows;

namespace Isms.Jobs.Scheduling;

/// <summary>The steps of a chase, in order. Stored in the ledger as numbers: keep the values.</summary>
public enum ChaseStep
{
    None = 0,
    Remind = 1,
    Escalate = 2,
}

/// <summary>When to remind and when to escalate, counted from the moment someone became responsible.</summary>
/// <param name="WorkingHoursOnly">Count working time and stay quiet outside working hours; false counts wall-clock
/// time and notifies at any hour (severe incidents).</param>
public sealed record ChasePolicy(TimeSpan RemindAfter, TimeSpan EscalateAfter, bool WorkingHoursOnly = true);

/// <summary>
/// Decides from timestamps alone what is due now, so that a run that comes late (after downtime) catches up and a
/// run that comes twice finds the same answer; the <see cref="ReminderLedger"/> makes sure it is sent once.
/// </summary>
public sealed class DueCalculator(WorkingCalendar calendar)
{
    public WorkingCalendar Calendar => calendar;

    public DateTimeOffset DueAt(DateTimeOffset since, TimeSpan after, bool workingHoursOnly = true) =>
        workingHoursOnly ? calendar.AddWorkingTime(since, after) : since + after;

    /// <summary>The latest step whose time has come, or <see cref="ChaseStep.None"/> (also outside working hours
    /// when the policy counts working time: nobody is woken at night).</summary>
    public ChaseStep StepDue(DateTimeOffset since, ChasePolicy policy, DateTimeOffset now)
    {
        if (policy.WorkingHoursOnly && !calendar.IsWorkingMoment(now))
        {
            return ChaseStep.None;
        }

        if (now >= DueAt(since, policy.EscalateAfter, policy.WorkingHoursOnly))
        {
            return ChaseStep.Escalate;
        }

        return now >= DueAt(since, policy.RemindAfter, policy.WorkingHoursOnly) ? ChaseStep.Remind : ChaseStep.None;
    }

    /// <summary>
    /// The Japan date whose daily digest is due now: a working day, between the digest time and the end of the working
    /// day. Null otherwise (a digest missed for a whole day is not sent late; the next day's covers the same items).
    /// </summary>
    public DateOnly? DigestDue(TimeOnly digestTime, DateTimeOffset now)
    {
        var local = JapanTime.ToJapan(now);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return calendar.IsWorkingDay(date) && time >= digestTime && time <= calendar.WorkdayEnd ? date : null;
    }

    /// <summary>The Japan date of a yearly event due now: <paramref name="month"/>/<paramref name="day"/> of the current
    /// fiscal year (April–March), moved to the next working day; due from then until the fiscal year ends, in working
    /// hours. Null before that or outside working hours.</summary>
    public DateOnly? YearlyDue(int month, int day, DateTimeOffset now)
    {
        var date = JapanTime.DateOf(now);
        var fiscalYear = date.Month >= 4 ? date.Year : date.Year - 1;
        var due = calendar.NextWorkingDay(new DateOnly(month >= 4 ? fiscalYear : fiscalYear + 1, month, day));
        return date >= due && calendar.IsWorkingMoment(now) ? due : null;
    }
}
