using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Forms;

/// <summary>A number a chase counts with: <paramref name="Fixed"/>, plus <paramref name="Factor"/> times the Jobs setting
/// <paramref name="Setting"/> (its name as in README and appsettings, e.g. "ExceptionEndNoticeDays") when one is named.</summary>
public sealed record ChaseNumber(double Fixed, string? Setting = null, double Factor = 1)
{
    public static ChaseNumber Of(double value) => new(value);

    public static ChaseNumber FromSetting(string name, double factor = 1) => new(0, name, factor);

    /// <summary>The value, reading a named setting through <paramref name="setting"/>.</summary>
    public double Resolve(Func<string, double> setting) => Fixed + (Setting is null ? 0 : Factor * setting(Setting));
}

/// <summary>A moment counted from the record's date: the start (00:00 Japan time) of the day <paramref name="Days"/>
/// after it (wall-clock days; negative: before), then <paramref name="WorkingHours"/> of working time later (from the
/// next working moment; null: the start of that day itself).</summary>
public sealed record ChaseMoment(ChaseNumber Days, ChaseNumber? WorkingHours = null);

/// <summary>Who a chase step tells.</summary>
public enum ChaseAudience
{
    /// <summary>The record's applicant.</summary>
    Applicant,
    /// <summary>The holders of a per-所属 role for the applicant's 所属 (the 情報セキュリティ管理者).</summary>
    DepartmentRole,
    /// <summary>Every holder of a role (the CISO).</summary>
    Role,
}

public sealed record ChaseRecipients(ChaseAudience Audience, OrgRole? Role = null)
{
    public static ChaseRecipients Applicant { get; } = new(ChaseAudience.Applicant);

    public static ChaseRecipients OfDepartment(OrgRole role) => new(ChaseAudience.DepartmentRole, role);

    public static ChaseRecipients Holders(OrgRole role) => new(ChaseAudience.Role, role);
}

/// <summary>What a step's notification is written from: the record, its chase date, and today (Japan date).</summary>
public sealed record ChaseNoticeContext(RequestRecord Record, DateOnly Date, DateOnly Today);

/// <summary>One step of a chase: due from <paramref name="From"/> (until <see cref="Until"/>, when set), telling
/// <paramref name="To"/> what <paramref name="Notice"/> writes. <paramref name="Number"/> is the step in the reminder
/// ledger, which sends each step of a record once: keep the numbers of a deployed chase.</summary>
public sealed record ChaseStepDefinition(int Number, ChaseMoment From, ChaseRecipients To, Func<ChaseNoticeContext, Notification> Notice)
{
    /// <summary>The step is no longer due from this moment (the applicant gets the after-end words instead).</summary>
    public ChaseMoment? Until { get; init; }
}

/// <summary>
/// A chase a procedure declares, which the Jobs project runs as a recurring job: <paramref name="Id"/> is the job's id
/// (keep it for a deployed chase, so schedules carry over) and <paramref name="LedgerKind"/> its name in the reminder
/// ledger. It looks at the records in <paramref name="Status"/> that <paramref name="Selects"/>, each counted from the
/// date answered in <paramref name="DateField"/> (a record without it is looked at but not chased), and sends the
/// <paramref name="Steps"/> that are due, in their order.
/// </summary>
public sealed record ChaseDefinition(
    string Id, string LedgerKind, RequestStatus Status, Func<RequestRecord, bool> Selects, string DateField, IReadOnlyList<ChaseStepDefinition> Steps)
{
    /// <summary>Quiet outside working hours (nobody is woken at night); false: at any hour.</summary>
    public bool WorkingHoursOnly { get; init; } = true;

    /// <summary>A record is left alone while a request still waiting for a decision (Submitted or PendingApproval, any
    /// kind) matches it: (waiting, chased) → true (a 延長申請 of the 例外措置 the chase would remind of).</summary>
    public Func<RequestRecord, RequestRecord, bool>? PausedBy { get; init; }
}
