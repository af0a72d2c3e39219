namespace Isms.Workflows.Training;

public enum TrainingState
{
    Completed,
    Pending,
    Overdue,
}

/// <summary>One course a person must attend in the current cycle, and where they stand.</summary>
public sealed record CourseStatus(TrainingCourse Course, DateOnly CycleStart, DateOnly DueOn, DateOnly? CompletedOn, TrainingState State);

/// <summary>研修状況 of one person.</summary>
public sealed record PersonTrainingStatus(TrainingPerson Person, IReadOnlyList<CourseStatus> Courses)
{
    public IEnumerable<CourseStatus> Overdue => Courses.Where(c => c.State == TrainingState.Overdue);
}

/// <summary>研修状況 of a 所属, as its 管理者 records and reports it (5.2(2)④).</summary>
public sealed record DepartmentTrainingStatus(string Department, IReadOnlyList<PersonTrainingStatus> People)
{
    public int Required => People.Sum(p => p.Courses.Count);
    public int Completed => People.Sum(p => p.Courses.Count(c => c.State == TrainingState.Completed));
    public int Overdue => People.Sum(p => p.Courses.Count(c => c.State == TrainingState.Overdue));
    public double CompletionRate => Required == 0 ? 1 : (double)Completed / Required;
}

/// <summary>Who must attend what by when, from the course settings and the completion records.</summary>
public sealed class TrainingPlanner(TrainingOptions options, TrainingStore store)
{
    public TrainingOptions Options => options;

    /// <summary>April 1 of the fiscal year containing <paramref name="date"/>.</summary>
    public static DateOnly FiscalYearStart(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);

    public TrainingCourse? Course(string id) => options.Courses.FirstOrDefault(c => c.Id == id);

    /// <summary>The courses that apply to <paramref name="person"/> today, with the cycle start and due date.</summary>
    public IEnumerable<(TrainingCourse Course, DateOnly CycleStart, DateOnly DueOn)> Assignments(TrainingPerson person, DateOnly today)
    {
        var fyStart = FiscalYearStart(today);
        foreach (var course in options.Courses)
        {
            switch (course.Audience)
            {
                case CourseAudience.NewHires:
                    if (person.JoinedOn <= today && person.JoinedOn > today.AddDays(-options.NewHireWindowDays))
                    {
                        yield return (course, person.JoinedOn, person.JoinedOn.AddDays(course.WithinDays));
                    }

                    break;
                case CourseAudience.Everyone:
                case CourseAudience.Roles when course.Roles.Any(person.Roles.Contains):
                    if (person.JoinedOn <= today)
                    {
                        var (month, day) = TrainingOptions.MonthDay(course.Deadline);
                        var deadline = new DateOnly(month >= 4 ? fyStart.Year : fyStart.Year + 1, month, day);
                        var grace = person.JoinedOn.AddDays(course.WithinDays);
                        yield return (course, fyStart, grace > deadline ? grace : deadline);
                    }

                    break;
            }
        }
    }

    public PersonTrainingStatus StatusOf(TrainingPerson person, DateOnly today) =>
        StatusOf(person, today, store.CompletionsOf(person.Id));

    public IReadOnlyList<PersonTrainingStatus> StatusOfAll(IEnumerable<TrainingPerson> people, DateOnly today)
    {
        // New-hire cycles start at joining, at most NewHireWindowDays ago; yearly ones at the fiscal year start.
        var from = new[] { FiscalYearStart(today), today.AddDays(-options.NewHireWindowDays) }.Min();
        var completions = store.CompletionsSince(from);
        return people.Select(p => StatusOf(p, today, completions[p.Id])).ToList();
    }

    public IReadOnlyList<DepartmentTrainingStatus> ByDepartment(IEnumerable<TrainingPerson> people, DateOnly today) =>
        StatusOfAll(people, today)
            .GroupBy(s => s.Person.Department)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentTrainingStatus(g.Key, g.ToList()))
            .ToList();

    private PersonTrainingStatus StatusOf(TrainingPerson person, DateOnly today, IEnumerable<TrainingCompletion> completions)
    {
        var done = completions.ToList();
        var courses = Assignments(person, today).Select(a =>
        {
            var completed = done.Where(c => c.CourseId == a.Course.Id && c.CompletedOn >= a.CycleStart && c.CompletedOn <= today)
                .Select(c => (DateOnly?)c.CompletedOn).Min();
            var state = completed is not null ? TrainingState.Completed : today > a.DueOn ? TrainingState.Overdue : TrainingState.Pending;
            return new CourseStatus(a.Course, a.CycleStart, a.DueOn, completed, state);
        }).ToList();
        return new PersonTrainingStatus(person, courses);
    }
}
