using Isms.Workflows;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Notifications;
using Isms.Workflows.Training;
using Microsoft.Extensions.Logging;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Training (5.2): remind whoever is overdue, once per course and due date, with the confirmation card; each month
/// (Training:ReportDayOfMonth) every 管理者 gets their 所属 and its 責任者 the same report (5.2(2)④), the 統括 the summary
/// (5.2(2)⑤); once a year
/// (Training:CommitteeReportDay) the CISO gets the committee report (5.2(2)⑥).
/// </summary>
public sealed class TrainingChaseJob(
    IPeopleLookup people,
    INotifier notifier,
    TrainingPlanner planner,
    TrainingStore store,
    DueCalculator due,
    ReminderLedger ledger,
    TimeProvider time,
    ILogger<TrainingChaseJob> logger)
{
    public const string OverdueKind = "training-overdue";
    public const string ReportKind = "training-report";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!due.Calendar.IsWorkingMoment(now))
        {
            return new ChaseRun(0, 0);
        }

        var today = JapanTime.DateOf(now);
        var staff = await people.StaffAsync(cancellationToken).ConfigureAwait(false);
        var departments = planner.ByDepartment(staff, today);
        var sent = 0;
        foreach (var status in departments.SelectMany(d => d.People))
        {
            foreach (var course in status.Overdue)
            {
                var to = Recipient.ById(status.Person.Id, status.Person.Name);
                var notification = new Notification(
                    "研修の受講期限を過ぎています",
                    $"「{course.Course.Title}」の受講期限（{course.DueOn:yyyy年M月d日}）を過ぎています。受講後、カードのボタンで記録してください。",
                    course.Course.Clause, course.Course.Id, TrainingCards.Completion(course.Course, course.DueOn));
                sent += await ledger.SendOnceAsync($"{status.Person.Id}:{course.Course.Id}", OverdueKind, course.DueOn.DayNumber,
                    ct => notifier.NotifyAsync(to, notification, ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        var reportDay = due.Calendar.NextWorkingDay(new DateOnly(today.Year, today.Month, planner.Options.ReportDayOfMonth));
        if (today >= reportDay)
        {
            var month = (today.Year * 100) + today.Month;
            foreach (var department in departments)
            {
                sent += await SendToRole(IsmsRole.SecurityManager, department.Department, $"dept:{department.Department}", month,
                    TrainingReports.ForManager(department, today), cancellationToken).ConfigureAwait(false);
                // 5.2(2)④: the 管理者's report reaches the 情報セキュリティ責任者 of the 所属 as well as the 統括.
                sent += await SendToRole(IsmsRole.SecurityResponsible, department.Department, $"dept-officer:{department.Department}", month,
                    TrainingReports.ForOfficer(department, today), cancellationToken).ConfigureAwait(false);
            }

            sent += await SendToRole(IsmsRole.ChiefOfficer, null, "summary", month,
                TrainingReports.ForChiefOfficer(departments, today), cancellationToken).ConfigureAwait(false);
        }

        var (m, d) = TrainingOptions.MonthDay(planner.Options.CommitteeReportDay);
        if (due.YearlyDue(m, d, now) is { } committeeDay)
        {
            var fyStart = TrainingPlanner.FiscalYearStart(committeeDay);
            var drills = store.DrillsBetween(fyStart, fyStart.AddYears(1).AddDays(-1));
            sent += await SendToRole(IsmsRole.Ciso, null, "committee", fyStart.Year,
                TrainingReports.ForCommittee(departments, drills, fyStart, today), cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Training chase: {People} people, {Sent} notifications sent", staff.Count, sent);
        return new ChaseRun(staff.Count, sent);
    }

    private async Task<int> SendToRole(IsmsRole role, string? department, string subject, long period, TrainingReport report, CancellationToken ct)
    {
        var sent = 0;
        var notification = new Notification(report.Title, report.Text, report.Clause);
        foreach (var to in await people.HoldersAsync(role, department, ct).ConfigureAwait(false))
        {
            sent += await ledger.SendOnceAsync($"{subject}:{to.Key}", ReportKind, period,
                c => notifier.NotifyAsync(to, notification, c), ct).ConfigureAwait(false) ? 1 : 0;
        }

        return sent;
    }
}
