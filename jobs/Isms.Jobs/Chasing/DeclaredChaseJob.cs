using System.Globalization;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Runs a chase a procedure declares (<see cref="FormDefinition.Chases"/>): for each record it selects, the steps whose
/// time has come by the record's date are sent, each once (the ledger), so runs may repeat, overlap or come late after
/// downtime. The recurring job of a chase is registered under its id (<see cref="RecurringJobRegistration"/>).
/// </summary>
public sealed class DeclaredChaseJob(
    FormCatalog catalog,
    IChaseableRequests requests,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<DeclaredChaseJob> logger)
{
    /// <summary>Every chase the catalog's procedures declare.</summary>
    public static IEnumerable<ChaseDefinition> All(FormCatalog catalog) => catalog.All.SelectMany(d => d.Chases);

    /// <summary>The recurring job's entry point: the chase declared under <paramref name="chaseId"/>.</summary>
    public Task<ChaseRun> RunAsync(string chaseId, CancellationToken cancellationToken) =>
        RunAsync(All(catalog).SingleOrDefault(c => c.Id == chaseId) ?? throw new InvalidOperationException($"No procedure declares the chase '{chaseId}'."), cancellationToken);

    public async Task<ChaseRun> RunAsync(ChaseDefinition chase, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var quiet = chase.WorkingHoursOnly && !due.Calendar.IsWorkingMoment(now);
        List<RequestRecord>? waiting = null;
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(chase.Status).Where(chase.Selects))
        {
            examined++;
            if (quiet || DateAnswer(record, chase.DateField) is not { } date)
            {
                continue;
            }

            var dueSteps = chase.Steps.Where(step => IsDue(step, date, now)).ToList();
            if (dueSteps.Count == 0)
            {
                continue;
            }

            if (chase.PausedBy is { } pausedBy)
            {
                waiting ??= [.. requests.ListByStatus(RequestStatus.Submitted), .. requests.ListByStatus(RequestStatus.PendingApproval)];
                if (waiting.Any(w => pausedBy(w, record)))
                {
                    continue;
                }
            }

            foreach (var step in dueSteps)
            {
                var recipients = await RecipientsAsync(step.To, record, cancellationToken).ConfigureAwait(false);
                var notice = step.Notice(new ChaseNoticeContext(record, date, today));
                sent += await ledger.SendOnceAsync(record.Id, chase.LedgerKind, step.Number,
                    ct => notifier.NotifyAnyAsync(recipients, notice, ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Chase {ChaseId}: {Examined} records, {Sent} notifications sent", chase.Id, examined, sent);
        return new ChaseRun(examined, sent);
    }

    private bool IsDue(ChaseStepDefinition step, DateOnly date, DateTimeOffset now) =>
        now >= At(step.From, date) && (step.Until is not { } until || now < At(until, date));

    private DateTimeOffset At(ChaseMoment moment, DateOnly date)
    {
        var day = JapanTime.At(date.AddDays((int)Resolve(moment.Days)), TimeOnly.MinValue);
        return moment.WorkingHours is { } hours ? due.DueAt(day, TimeSpan.FromHours(Resolve(hours))) : day;
    }

    private double Resolve(ChaseNumber number) => number.Resolve(options.Value.ChaseSetting);

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(ChaseRecipients to, RequestRecord record, CancellationToken cancellationToken) => to.Audience switch
    {
        ChaseAudience.Applicant => [new Recipient(null, record.Applicant.Name, record.Applicant.AadObjectId, record.Applicant.UserId)],
        ChaseAudience.DepartmentRole => await people.HoldersAsync(RoleOf(to), record.Applicant.Department, cancellationToken).ConfigureAwait(false),
        _ => await people.HoldersAsync(RoleOf(to), null, cancellationToken).ConfigureAwait(false),
    };

    /// <summary>The role the jobs' people lookup knows for a directory role; null for a role jobs do not notify.</summary>
    public static IsmsRole? JobRole(OrgRole role) => role switch
    {
        OrgRole.Ciso => IsmsRole.Ciso,
        OrgRole.ChiefSecurityOfficer => IsmsRole.ChiefOfficer,
        OrgRole.SecurityOfficer => IsmsRole.SecurityResponsible,
        OrgRole.SecurityManager => IsmsRole.SecurityManager,
        OrgRole.SystemAdministrator => IsmsRole.SystemAdministrator,
        OrgRole.SecurityDesk => IsmsRole.IncidentDesk,
        _ => null,
    };

    private static IsmsRole RoleOf(ChaseRecipients to) =>
        to.Role is { } role && JobRole(role) is { } jobRole ? jobRole : throw new InvalidOperationException($"A chase cannot notify the role {to.Role}.");

    private static DateOnly? DateAnswer(RequestRecord record, string field) =>
        record.Answers.TryGetValue(field, out var answer)
        && DateOnly.TryParseExact(answer.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>What stops the host at start-up: a chase id used twice or by a job of the host's own, a step number used
    /// twice, a role jobs cannot notify, a setting Jobs does not have, and the same for each.</summary>
    public static IEnumerable<string> Problems(FormCatalog catalog, IReadOnlyCollection<string> ownJobIds, JobsOptions options)
    {
        var chases = All(catalog).ToList();
        foreach (var id in chases.Select(c => c.Id).Concat(chases.Select(c => c.LedgerKind)).GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"The chase id or ledger name '{id}' is declared twice.";
        foreach (var chase in chases)
        {
            if (string.IsNullOrWhiteSpace(chase.Id) || ownJobIds.Contains(chase.Id))
                yield return $"The chase id '{chase.Id}' is empty or one of the host's own jobs.";
            if (chase.Steps.Count == 0 || chase.Steps.GroupBy(s => s.Number).Any(g => g.Count() > 1))
                yield return $"The chase '{chase.Id}' has no steps or numbers two steps alike.";
            foreach (var to in chase.Steps.Select(s => s.To).Where(t => t.Audience != ChaseAudience.Applicant && (t.Role is null || JobRole(t.Role.Value) is null)))
                yield return $"The chase '{chase.Id}' tells the role {to.Role}, which jobs cannot notify.";
            var settings = chase.Steps.SelectMany(s => new[] { s.From, s.Until }).OfType<ChaseMoment>()
                .SelectMany(m => new[] { m.Days, m.WorkingHours }).OfType<ChaseNumber>().Select(n => n.Setting).OfType<string>();
            foreach (var setting in settings.Where(s => !options.ChaseSettings.ContainsKey(s)).Distinct())
                yield return $"The chase '{chase.Id}' reads Jobs:{setting}, which is not a chase setting.";
        }
    }
}
