using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Notifications;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Incidents not yet acknowledged (5.3(1)): remind the 情報セキュリティ管理者 of the reporter's 所属 and the 統一的な窓口,
/// then tell the 統括情報セキュリティ責任者 (who may confirm in the stead of an absent 管理者 without a deputy) and the
/// 情報システム管理者 of the system the report names, or every one when it names none (5.3(1)②). On the clock at any hour; 機密性3 sooner (Jobs:Incidents).
/// </summary>
public sealed class IncidentAcknowledgementChaseJob(
    IChaseableRequests requests,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<IncidentAcknowledgementChaseJob> logger)
{
    public const string Kind = "incident";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.Submitted).Where(r => r.IsIncident))
        {
            examined++;
            var policy = record.HighestConfidentiality >= 3 ? options.Value.Incidents.High : options.Value.Incidents.Normal;
            var step = due.StepDue(record.CreatedAt, policy, now);
            if (step == ChaseStep.None)
            {
                continue;
            }

            var roles = step == ChaseStep.Remind
                ? new[] { IsmsRole.SecurityManager, IsmsRole.IncidentDesk }
                : [IsmsRole.ChiefOfficer, IsmsRole.SystemAdministrator];
            var recipients = new List<Recipient>();
            foreach (var role in roles)
            {
                recipients.AddRange(role == IsmsRole.SystemAdministrator
                    ? await SystemAdministratorsAsync(record, cancellationToken).ConfigureAwait(false)
                    : await people.HoldersAsync(role, record.Applicant.Department, cancellationToken).ConfigureAwait(false));
            }

            var notification = Message(record, step);
            sent += await ledger.SendOnceAsync(record.Id, Kind, (long)step,
                ct => notifier.NotifyAnyAsync(recipients.DistinctBy(r => r.Key), notification, ct), cancellationToken).ConfigureAwait(false)
                ? 1 : 0;
        }

        logger.LogInformation("Incident chase: {Examined} unacknowledged, {Sent} steps sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    /// <summary>The 管理者 of the system the report names (5.3(1)②); every 情報システム管理者 when it names none, or one
    /// the directory has no 管理者 for.</summary>
    private async Task<IReadOnlyList<Recipient>> SystemAdministratorsAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        if (record.Answers.TryGetValue(IncidentReportDefinition.AffectedSystem, out var answer)
            && answer.Value is { Length: > 0 } system && system != IncidentReportDefinition.UnknownSystem
            && await people.SystemAdministratorsAsync(system, cancellationToken).ConfigureAwait(false) is { Count: > 0 } named)
        {
            return named;
        }

        return await people.HoldersAsync(IsmsRole.SystemAdministrator, null, cancellationToken).ConfigureAwait(false);
    }

    public static Notification Message(RequestRecord r, ChaseStep step) => step == ChaseStep.Remind
        ? new("インシデント報告が未確認です",
            $"{r.Number}「{r.Title}」の報告がまだ確認されていません。速やかに確認し、必要な対応を取ってください。", "5.3(1)①", r.Id)
        : new("インシデント報告の確認が遅れています",
            $"{r.Number}「{r.Title}」の報告が期限までに確認されませんでした。5.3(1)②に基づき、状況の確認をお願いします。管理者が不在で代理もいないときは、統括情報セキュリティ責任者が「インシデント状況」から代わりに確認できます。", "5.3(1)②", r.Id);
}
