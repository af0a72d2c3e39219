using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isms.Jobs.Chasing;

/// <summary>
/// Once a year (Jobs:SelfInspectionDay, moved to the next working day), the 自己点検 of 9.2: the 統括 and the
/// 情報システム管理者 for their networks and systems (9.2(1)①), each 情報セキュリティ責任者 with the 管理者 for their
/// 課係 (9.2(1)②). Everyone is told once per year, however often the job runs.
/// </summary>
public sealed class SelfInspectionReminderJob(
    IPeopleLookup people,
    INotifier notifier,
    DueCalculator due,
    ReminderLedger ledger,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<SelfInspectionReminderJob> logger)
{
    public const string Kind = "self-inspection";

    private static readonly (IsmsRole Role, string Clause, string Text)[] Targets =
    [
        (IsmsRole.ChiefOfficer, "9.2(1)①", "所管するネットワーク及び情報システムについて、今年度の自己点検を実施してください。"),
        (IsmsRole.SystemAdministrator, "9.2(1)①", "所管するネットワーク及び情報システムについて、今年度の自己点検を実施してください。"),
        (IsmsRole.SecurityResponsible, "9.2(1)②", "情報セキュリティ管理者と連携して、所管する課係の情報セキュリティ対策状況の自己点検を実施してください。"),
        (IsmsRole.SecurityManager, "9.2(1)②", "情報セキュリティ責任者と連携して、課係の情報セキュリティ対策状況の自己点検に協力してください。"),
    ];

    public async Task<ChaseRun> RunAsync(CancellationToken cancellationToken)
    {
        var (month, day) = options.Value.SelfInspection;
        if (due.YearlyDue(month, day, time.GetUtcNow()) is not { } dueOn)
        {
            return new ChaseRun(0, 0);
        }

        int examined = 0, sent = 0;
        foreach (var (role, clause, text) in Targets)
        {
            foreach (var person in await people.HoldersAsync(role, null, cancellationToken).ConfigureAwait(false))
            {
                examined++;
                var notification = new Notification(
                    "自己点検の時期です",
                    text + "結果と改善策は取りまとめて情報セキュリティ委員会に報告します（9.2(2)）。", clause);
                sent += await ledger.SendOnceAsync($"{dueOn.Year}:{role}:{person.Key}", Kind, dueOn.Year,
                    ct => notifier.NotifyAsync(person, notification, ct), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        logger.LogInformation("Self-inspection reminders: {Sent} of {Examined} sent", sent, examined);
        return new ChaseRun(examined, sent);
    }
}
