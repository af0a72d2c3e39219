using System.Globalization;
using Isms.Jobs.Scheduling;

namespace Isms.Jobs.Hosting;

public enum JobStorageKind
{
    /// <summary>A SQLite file under the data directory: one server, survives restarts. The default.</summary>
    Sqlite,
    /// <summary>PostgreSQL shared by several bot instances.</summary>
    Postgres,
    /// <summary>Memory only: tests. Loses every scheduled job on restart.</summary>
    InMemory,
}

/// <summary>Background jobs. Bound from the "Jobs" section; checked at start-up.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    public JobStorageKind Storage { get; set; } = JobStorageKind.Sqlite;

    /// <summary>File name of the SQLite job store, inside Storage:DataDirectory.</summary>
    public string SqliteFileName { get; set; } = "hangfire.db";

    /// <summary>Required when Storage is Postgres. Keep it out of appsettings: Jobs__PostgresConnectionString.</summary>
    public string? PostgresConnectionString { get; set; }

    public string PostgresSchema { get; set; } = "hangfire";

    /// <summary>Run the Hangfire server in this process (false: only enqueue, e.g. a web-only instance).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for scheduled jobs that became due and for queued work (seconds).</summary>
    public int PollingSeconds { get; set; } = 15;

    /// <summary>How often the chase jobs look at the records (cron, Japan time). They decide themselves what is due.</summary>
    public string ChaseCron { get; set; } = "*/15 * * * *";

    /// <summary>Daily digest for approvers, Japan time, on working days.</summary>
    public string DigestTime { get; set; } = "08:45";

    public double ApprovalRemindAfterWorkingHours { get; set; } = 4;

    public double ApprovalEscalateAfterWorkingHours { get; set; } = 16;

    public IncidentChaseOptions Incidents { get; set; } = new();

    /// <summary>持ち出し: the holder is reminded at the start of the first working day after the return date; the
    /// 管理者 is told this many working hours later.</summary>
    public double TakeoutTellManagerAfterWorkingHours { get; set; } = 8.75;

    /// <summary>廃棄・リース返却 (2(2)⑩(イ)): the applicant is asked for the record from the first working moment after the
    /// planned date; the 管理者 is told this many working hours later.</summary>
    public double DisposalTellManagerAfterWorkingHours { get; set; } = 8.75;

    /// <summary>例外措置 (7.4): the applicant and the CISO are told this many days before the end date.</summary>
    public int ExceptionEndNoticeDays { get; set; } = 14;

    /// <summary>自己点検 (9.2) reminder, "MM-dd" of each fiscal year (moved to the next working day).</summary>
    public string SelfInspectionDay { get; set; } = "05-15";

    /// <summary>Ledger entries older than this are pruned.</summary>
    public int LedgerRetentionDays { get; set; } = 400;

    public JobsDashboardOptions Dashboard { get; set; } = new();

    public CalendarOptions Calendar { get; set; } = new();

    public TimeOnly Digest => TimeOnly.ParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture);

    public (int Month, int Day) SelfInspection
    {
        get
        {
            var d = DateOnly.ParseExact("2000-" + SelfInspectionDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (d.Month, d.Day);
        }
    }

    /// <summary>The settings the procedures' declared chases read by name (<c>ChaseNumber.FromSetting</c>), as README and
    /// appsettings name them; checked with the others below.</summary>
    public IReadOnlyDictionary<string, double> ChaseSettings => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [nameof(TakeoutTellManagerAfterWorkingHours)] = TakeoutTellManagerAfterWorkingHours,
        [nameof(DisposalTellManagerAfterWorkingHours)] = DisposalTellManagerAfterWorkingHours,
        [nameof(ExceptionEndNoticeDays)] = ExceptionEndNoticeDays,
    };

    /// <summary>A chase setting by name (<see cref="ChaseSettings"/>).</summary>
    public double ChaseSetting(string name) =>
        ChaseSettings.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Jobs:{name} is not a chase setting.");

    public ChasePolicy ApprovalPolicy =>
        new(TimeSpan.FromHours(ApprovalRemindAfterWorkingHours), TimeSpan.FromHours(ApprovalEscalateAfterWorkingHours));

    public IEnumerable<string> Problems()
    {
        if (Storage == JobStorageKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            yield return "Jobs:PostgresConnectionString is required when Jobs:Storage is Postgres.";
        }

        if (Storage == JobStorageKind.Sqlite && (string.IsNullOrWhiteSpace(SqliteFileName) || SqliteFileName != Path.GetFileName(SqliteFileName)))
        {
            yield return "Jobs:SqliteFileName must be a plain file name.";
        }

        if (WorkerCount is < 1 or > 50)
        {
            yield return "Jobs:WorkerCount must be between 1 and 50.";
        }

        if (PollingSeconds is < 1 or > 300)
        {
            yield return "Jobs:PollingSeconds must be between 1 and 300.";
        }

        if (!TimeOnly.TryParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return "Jobs:DigestTime must be HH:mm.";
        }

        if (!DateOnly.TryParseExact("2000-" + SelfInspectionDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return "Jobs:SelfInspectionDay must be MM-dd.";
        }

        if (ApprovalRemindAfterWorkingHours <= 0 || ApprovalEscalateAfterWorkingHours <= ApprovalRemindAfterWorkingHours)
        {
            yield return "Jobs:ApprovalRemindAfterWorkingHours must be positive and less than ApprovalEscalateAfterWorkingHours.";
        }

        if (TakeoutTellManagerAfterWorkingHours < 0 || LedgerRetentionDays < 30)
        {
            yield return "Jobs:TakeoutTellManagerAfterWorkingHours must not be negative and Jobs:LedgerRetentionDays at least 30.";
        }

        if (DisposalTellManagerAfterWorkingHours < 0 || ExceptionEndNoticeDays is < 0 or > 365)
        {
            yield return "Jobs:DisposalTellManagerAfterWorkingHours must not be negative and Jobs:ExceptionEndNoticeDays between 0 and 365.";
        }

        if (string.IsNullOrWhiteSpace(ChaseCron) || ChaseCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            yield return "Jobs:ChaseCron must be a cron expression.";
        }

        foreach (var problem in Incidents.Problems().Concat(Dashboard.Problems()).Concat(Calendar.Problems()))
        {
            yield return problem;
        }
    }
}

/// <summary>
/// Incidents are chased on the clock, at any hour (a fire service works nights and weekends): the 管理者's 確認 by
/// severity (5.3(1)), then the CSIRT's assessment (5.3(3)①), the outside reports (1(9)⑤⑥) and the closing (5.3(3)④).
/// Each stage reminds first and tells the next level up later; the times are minutes or hours of wall-clock time.
/// </summary>
public sealed class IncidentChaseOptions
{
    public double HighRemindAfterMinutes { get; set; } = 30;
    public double HighEscalateAfterMinutes { get; set; } = 60;
    public double NormalRemindAfterMinutes { get; set; } = 60;
    public double NormalEscalateAfterMinutes { get; set; } = 240;
    public double AssessRemindAfterMinutes { get; set; } = 120;
    public double AssessEscalateAfterMinutes { get; set; } = 480;
    public double OutsideReportRemindAfterHours { get; set; } = 24;
    public double OutsideReportEscalateAfterHours { get; set; } = 48;
    public double CloseRemindAfterHours { get; set; } = 336;
    public double CloseEscalateAfterHours { get; set; } = 720;

    public ChasePolicy High => Clock(TimeSpan.FromMinutes(HighRemindAfterMinutes), TimeSpan.FromMinutes(HighEscalateAfterMinutes));
    public ChasePolicy Normal => Clock(TimeSpan.FromMinutes(NormalRemindAfterMinutes), TimeSpan.FromMinutes(NormalEscalateAfterMinutes));
    public ChasePolicy Assess => Clock(TimeSpan.FromMinutes(AssessRemindAfterMinutes), TimeSpan.FromMinutes(AssessEscalateAfterMinutes));
    public ChasePolicy OutsideReport => Clock(TimeSpan.FromHours(OutsideReportRemindAfterHours), TimeSpan.FromHours(OutsideReportEscalateAfterHours));
    public ChasePolicy Close => Clock(TimeSpan.FromHours(CloseRemindAfterHours), TimeSpan.FromHours(CloseEscalateAfterHours));

    private static ChasePolicy Clock(TimeSpan remind, TimeSpan escalate) => new(remind, escalate, WorkingHoursOnly: false);

    public IEnumerable<string> Problems()
    {
        if (new[] { High, Normal, Assess, OutsideReport, Close }.Any(p => p.RemindAfter <= TimeSpan.Zero || p.EscalateAfter <= p.RemindAfter))
        {
            yield return "Jobs:Incidents: each remind time must be positive and less than its escalate time.";
        }
    }
}
