using System.Globalization;

namespace Isms.Workflows.Training;

public enum CourseAudience
{
    /// <summary>全ての職員等 (5.2(4)), once per fiscal year.</summary>
    Everyone,
    /// <summary>新規採用の職員等 (5.2(2)②), within WithinDays of joining.</summary>
    NewHires,
    /// <summary>By role (5.2(2)③), once per fiscal year.</summary>
    Roles,
}

/// <summary>A course and who must attend it.</summary>
public sealed class TrainingCourse
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public CourseAudience Audience { get; set; }
    /// <summary>For <see cref="CourseAudience.Roles"/>: the org directory's role names (<see cref="Org.OrgRole"/>), as in <see cref="TrainingPerson.Roles"/>.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>Yearly courses: deadline in the fiscal year (April–March), "MM-dd".</summary>
    public string Deadline { get; set; } = "01-31";
    /// <summary>New hires: days after joining; for yearly courses, the grace given to someone who joins late in the year.</summary>
    public int WithinDays { get; set; } = 30;
    public string Clause { get; set; } = "5.2(4)";
}

/// <summary>Courses and reporting days. Bound from "Training".</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    public List<TrainingCourse> Courses { get; set; } = DefaultCourses();

    /// <summary>Monthly report to each 管理者 and summary to the 統括, day of month (moved to the next working day).</summary>
    public int ReportDayOfMonth { get; set; } = 5;

    /// <summary>Yearly report for the committee to the CISO, "MM-dd" (5.2(2)⑥).</summary>
    public string CommitteeReportDay { get; set; } = "03-01";

    /// <summary>A new hire is treated as such for this many days after joining.</summary>
    public int NewHireWindowDays { get; set; } = 365;

    public static List<TrainingCourse> DefaultCourses() =>
    [
        new() { Id = "annual", Title = "情報セキュリティ研修（全職員）", Audience = CourseAudience.Everyone, Deadline = "01-31", Clause = "5.2(4)" },
        new() { Id = "new-hire", Title = "新規採用職員向け情報セキュリティ研修", Audience = CourseAudience.NewHires, WithinDays = 30, Clause = "5.2(2)②" },
        new()
        {
            Id = "managers", Title = "管理者向け情報セキュリティ研修", Audience = CourseAudience.Roles, Deadline = "09-30", Clause = "5.2(2)③",
            Roles = ["ChiefSecurityOfficer", "SecurityOfficer", "SecurityManager"],
        },
        new()
        {
            Id = "system", Title = "情報システム担当者向け研修", Audience = CourseAudience.Roles, Deadline = "10-31", Clause = "5.2(2)③",
            Roles = ["SystemAdministrator", "SystemStaff"],
        },
    ];

    public IEnumerable<string> Problems()
    {
        if (Courses.Count == 0)
        {
            yield return "Training:Courses must list at least one course.";
        }

        foreach (var c in Courses)
        {
            if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Title))
            {
                yield return "Training:Courses: every course needs an Id and a Title.";
            }

            if (c.Audience != CourseAudience.NewHires && !IsMonthDay(c.Deadline))
            {
                yield return $"Training:Courses '{c.Id}': Deadline must be MM-dd.";
            }

            if (c.Audience == CourseAudience.Roles && c.Roles.Count == 0)
            {
                yield return $"Training:Courses '{c.Id}': a course by role needs Roles.";
            }

            foreach (var role in c.Roles.Where(r => !Enum.TryParse<Org.OrgRole>(r, ignoreCase: false, out _) || int.TryParse(r, out _)))
            {
                yield return $"Training:Courses '{c.Id}': unknown role '{role}' (use the org directory's role names, e.g. SecurityManager).";
            }

            if (c.WithinDays is < 1 or > 366)
            {
                yield return $"Training:Courses '{c.Id}': WithinDays must be 1–366.";
            }
        }

        if (Courses.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != Courses.Count)
        {
            yield return "Training:Courses: Ids must be unique.";
        }

        if (ReportDayOfMonth is < 1 or > 28 || !IsMonthDay(CommitteeReportDay) || NewHireWindowDays < 1)
        {
            yield return "Training:ReportDayOfMonth must be 1–28, CommitteeReportDay MM-dd and NewHireWindowDays positive.";
        }
    }

    public static bool IsMonthDay(string value) =>
        DateOnly.TryParseExact("2000-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static (int Month, int Day) MonthDay(string value)
    {
        var d = DateOnly.ParseExact("2000-" + value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (d.Month, d.Day);
    }
}
