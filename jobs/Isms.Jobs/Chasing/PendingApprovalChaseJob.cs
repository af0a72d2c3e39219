using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Requests waiting for a decision: remind the approver after Jobs:ApprovalRemindAfterWorkingHours, tell the next role
/// after Jobs:ApprovalEscalateAfterWorkingHours, and give each approver a digest of what waits at Jobs:DigestTime on
/// working days. A decided request is no longer pending and so is no longer chased.
/// </summary>
public sealed class PendingApprovalChaseJob(
    IChaseableRequests requests,
    IApprovalAssignments assignments,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<PendingApprovalChaseJob> logger)
{
    public const string Kind = "approval";
    public const string DigestKind = "approval-digest";

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = options.Value.ApprovalPolicy;
        var waiting = new Dictionary<string, (Recipient Approver, List<RequestRecord> Records)>();
        int examined = 0, sent = 0;
        foreach (var record in requests.ListByStatus(RequestStatus.PendingApproval))
        {
            examined++;
            var assignment = await assignments.CurrentAsync(record, cancellationToken).ConfigureAwait(false);
            if (assignment is null)
            {
                continue;
            }

            if (!waiting.TryGetValue(assignment.Approver.UserId, out var list))
            {
                waiting[assignment.Approver.UserId] = list = (assignment.Approver, []);
            }

            list.Records.Add(record);
            var subject = $"{record.Id}@{assignment.AssignedAt.UtcTicks}";
            sent += due.StepDue(assignment.AssignedAt, policy, now) switch
            {
                ChaseStep.Remind => await Send(subject, ChaseStep.Remind, assignment.Approver, Reminder(record), cancellationToken).ConfigureAwait(false),
                ChaseStep.Escalate when assignment.EscalateTo is { } next =>
                    await Send(subject, ChaseStep.Escalate, next, Escalation(record, assignment), cancellationToken).ConfigureAwait(false),
                _ => 0,
            };
        }

        if (due.DigestDue(options.Value.Digest, now) is { } today)
        {
            foreach (var (approverId, (approver, records)) in waiting)
            {
                var key = today.Year * 10000L + (today.Month * 100) + today.Day;
                sent += await ledger.SendOnceAsync(approverId, DigestKind, key,
                    ct => notifier.NotifyAsync(approver, Digest(records), ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Approval chase: {Examined} pending, {Sent} notifications sent", examined, sent);
        return new ChaseRun(examined, sent);
    }

    private async Task<int> Send(string subject, ChaseStep step, Recipient to, Notification notification, CancellationToken ct) =>
        await ledger.SendOnceAsync(subject, Kind, (long)step, c => notifier.NotifyAsync(to, notification, c), ct).ConfigureAwait(false) ? 1 : 0;

    public static Notification Reminder(RequestRecord r) => new(
        "承認のお願い",
        $"{r.Number}「{r.Title}」が承認待ちです。内容を確認し、承認または差し戻しをお願いします。",
        SubjectId: r.Id);

    public static Notification Escalation(RequestRecord r, ApprovalAssignment a) => new(
        "承認が滞っています",
        $"{r.Number}「{r.Title}」が承認待ちのまま期限を過ぎました。{a.EscalateRole}として対応をご確認ください。",
        SubjectId: r.Id);

    public static Notification Digest(IReadOnlyList<RequestRecord> records) => new(
        "承認待ちの一覧",
        $"承認待ちが{records.Count}件あります。\n" + string.Join("\n", records.OrderBy(r => r.CreatedAt).Take(20).Select(r => $"・{r.Number}「{r.Title}」"))
            + (records.Count > 20 ? $"\n…ほか{records.Count - 20}件" : ""));
}
