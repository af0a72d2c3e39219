using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Requests waiting for a decision: remind the approvers after Jobs:ApprovalRemindAfterWorkingHours, tell the next role
/// after Jobs:ApprovalEscalateAfterWorkingHours, and give each approver a digest of what waits at Jobs:DigestTime on
/// working days. A decided request is no longer pending and so is no longer chased. One pass reads the pending
/// requests (a projection), their assignments and the ledger once each, and writes the ledger in bulk.
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
        var pending = requests.PendingApprovals().ToList();
        var current = await assignments.CurrentAsync(pending.ConvertAll(r => r.Id), cancellationToken).ConfigureAwait(false);
        var waiting = new Dictionary<string, (Recipient Approver, List<PendingRequest> Requests)>(StringComparer.Ordinal);
        var reminders = new List<(ReminderKey, Func<CancellationToken, Task<NotifyResult>>)>();
        foreach (var request in pending)
        {
            if (!current.TryGetValue(request.Id, out var assignment))
            {
                continue;
            }

            foreach (var approver in assignment.Approvers)
            {
                if (!waiting.TryGetValue(approver.Key, out var list))
                {
                    waiting[approver.Key] = list = (approver, []);
                }

                list.Requests.Add(request);
            }

            var subject = $"{request.Id}@{assignment.AssignedAt.UtcTicks}";
            switch (due.StepDue(assignment.AssignedAt, policy, now))
            {
                case ChaseStep.Remind when assignment.Approvers.Count > 0:
                    reminders.Add((new ReminderKey(subject, Kind, (long)ChaseStep.Remind), ct => notifier.NotifyAnyAsync(assignment.Approvers, Reminder(request, assignment.AcknowledgeOnly), ct)));
                    break;
                case ChaseStep.Escalate when assignment.EscalateTo.Count > 0:
                    reminders.Add((new ReminderKey(subject, Kind, (long)ChaseStep.Escalate),
                        ct => notifier.NotifyAnyAsync(assignment.EscalateTo, Escalation(request, assignment), ct)));
                    break;
            }
        }

        if (due.DigestDue(options.Value.Digest, now) is { } today)
        {
            var day = today.Year * 10000L + (today.Month * 100) + today.Day;
            foreach (var (approverId, (approver, waitingFor)) in waiting)
            {
                reminders.Add((new ReminderKey(approverId, DigestKind, day), ct => notifier.NotifyAsync(approver, Digest(waitingFor), ct)));
            }
        }

        var sent = await ledger.SendOnceEachAsync(reminders, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Approval chase: {Examined} pending, {Sent} notifications sent", pending.Count, sent);
        return new ChaseRun(pending.Count, sent);
    }

    /// <summary>The reminder to the approvers; for a step that is only acknowledged (確認), it asks for the 確認.</summary>
    public static Notification Reminder(PendingRequest r, bool acknowledgeOnly = false) => acknowledgeOnly
        ? new("確認のお願い",
            $"{r.Number}「{r.Title}」が確認待ちです。内容を確認し、カードの「確認」を押してください。「承認待ち」と送るとカードを表示します。",
            SubjectId: r.Id)
        : new("承認のお願い",
            $"{r.Number}「{r.Title}」が承認待ちです。内容を確認し、承認または差し戻しをお願いします。「承認待ち」と送るとカードを表示します。",
            SubjectId: r.Id);

    public static Notification Escalation(PendingRequest r, PendingStep a) => new(
        "承認が滞っています",
        $"{r.Number}「{r.Title}」が承認待ちのまま期限を過ぎました。{a.EscalateRole}として対応をご確認ください。",
        SubjectId: r.Id);

    public static Notification Digest(IReadOnlyList<PendingRequest> requests) => new(
        "承認待ちの一覧",
        $"承認待ちが{requests.Count}件あります。\n" + string.Join("\n", requests.OrderBy(r => r.CreatedAt).Take(20).Select(r => $"・{r.Number}「{r.Title}」"))
            + (requests.Count > 20 ? $"\n…ほか{requests.Count - 20}件" : ""));
}
