using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Incidents;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// What the CSIRT still owes on an open incident, on the clock (any hour): the assessment (5.3(3)①) from the report,
/// each due outside report and the press decision (1(9)⑤⑥) from the assessment, and the closing with cause and
/// prevention (5.3(3)④) from the assessment. The 統一的な窓口 is reminded; later the CISO, to whom the CSIRT reports
/// (5.3(3)②), is told. Each step is sent once (the ledger), and stops when the case moves on.
/// </summary>
public sealed class IncidentFollowUpChaseJob(
    IOpenIncidents incidents,
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<IncidentFollowUpChaseJob> logger)
{
    public const string AssessKind = "incident-assess";
    public const string CloseKind = "incident-close";
    public const string OutsideKindPrefix = "incident-outside-";
    public const string PressKind = "incident-press";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var chase = options.Value.Incidents;
        int examined = 0, sent = 0;
        foreach (var incident in incidents.Open().ToList())
        {
            examined++;
            var owed = new List<(string Kind, DateTimeOffset Since, ChasePolicy Policy, string What, string Clause)>();
            if (incident.AssessedAt is not { } assessed)
            {
                owed.Add((AssessKind, incident.ReportedAt, chase.Assess, "CSIRTの評価（インシデントに当たるかどうか）", "5.3(3)①"));
            }
            else
            {
                owed.AddRange(incident.OpenOutsideReports().Select(r => (OutsideKindPrefix + r.Code(), assessed, chase.OutsideReport, $"{r.Label()}への報告", r.Clause())));
                if (incident.PressUndecided) owed.Add((PressKind, assessed, chase.OutsideReport, "報道機関への通知・公表の判断", "1(9)⑥"));
                owed.Add((CloseKind, assessed, chase.Close, "原因の究明と再発防止策の記録（対応の完了）", "5.3(3)④"));
            }

            foreach (var (kind, since, policy, what, clause) in owed)
            {
                var step = due.StepDue(since, policy, now);
                if (step == ChaseStep.None) continue;
                var recipients = await people.HoldersAsync(step == ChaseStep.Remind ? IsmsRole.IncidentDesk : IsmsRole.Ciso, null, cancellationToken).ConfigureAwait(false);
                var notification = Message(incident, step, what, clause);
                sent += await ledger.SendOnceAsync(incident.Id, kind, (long)step, ct => notifier.NotifyAnyAsync(recipients.DistinctBy(r => r.Key), notification, ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Incident follow-up chase: {Examined} open incidents, {Sent} steps sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    public static Notification Message(IncidentCase incident, ChaseStep step, string what, string clause) => step == ChaseStep.Remind
        ? new("インシデント対応が済んでいません",
            $"インシデント報告（{incident.RecordNumber}）の{what}がまだ済んでいません。「インシデント状況」で確認し、対応してください（根拠 {clause}）。", clause, incident.Id)
        : new("インシデント対応が遅れています",
            $"インシデント報告（{incident.RecordNumber}）の{what}が、督促の後も済んでいません。CSIRTに状況を確認してください（根拠 {clause}、5.3(3)②）。", clause, incident.Id);
}
