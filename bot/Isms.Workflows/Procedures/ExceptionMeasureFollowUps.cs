using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Workflows.Procedures;

/// <summary>
/// What follows a permitted 例外措置 (7.4(1), 7.4(3)), as <see cref="ExceptionMeasureRequestDefinition"/> declares it: the
/// 例外措置一覧 command and its 終了 / 延長申請 buttons (<see cref="ExceptionMeasures"/>), and the chase:
/// Jobs:ExceptionEndNoticeDays before the 終了日 the applicant is asked to close it or apply to extend it (a card with
/// 終了 and 延長申請) and the CISO, who keeps the applications and checks them (7.4(3)), is told; once the end date has
/// passed and it is still in force, the applicant is asked again. A measure first seen after its end (permitted late,
/// or the jobs were down) gets the after-end words only. A measure whose applicant has applied to extend it (延長申請
/// waiting for the CISO) is left alone: the approval chase follows that. Working hours only.
/// </summary>
public static class ExceptionMeasureFollowUps
{
    /// <summary>The recurring job's id and the ledger's name for its steps, as deployed.</summary>
    public const string ChaseId = "chase-exceptions";
    public const string LedgerKind = "exception-end";
    public const string NoticeDaysSetting = "ExceptionEndNoticeDays";
    public const string ApproachingTitle = "例外措置の終了日が近づいています";
    public const string EndedTitle = "例外措置の終了日を過ぎています";

    public static IReadOnlyList<FollowUpCommand> Commands { get; } =
    [
        new("exception-measures", [ExceptionMeasures.CommandWord, "例外措置の一覧"],
            v => new(ExceptionMeasureCard.Create(v.Services.GetRequiredService<ExceptionMeasures>().InForce(v.UserId)), "許可された例外措置")),
    ];

    public static IReadOnlyList<FollowUpAction> CardActions { get; } = [new(ExceptionMeasures.Marker, Step)];

    private static readonly ChaseMoment NoticeFrom = new(ChaseNumber.FromSetting(NoticeDaysSetting, factor: -1));
    private static readonly ChaseMoment AfterEnd = new(ChaseNumber.Of(1));

    public static IReadOnlyList<ChaseDefinition> Chases { get; } =
    [
        new(ChaseId, LedgerKind, RequestStatus.Approved, ExceptionMeasures.IsInForce, ExceptionMeasureRequestDefinition.EndDate,
        [
            new(1, NoticeFrom, ChaseRecipients.Applicant, n => ApplicantNotice(n.Record, n.Date)) { Until = AfterEnd },
            new(3, AfterEnd, ChaseRecipients.Applicant, n => EndedNotice(n.Record, n.Date)),
            new(2, NoticeFrom, ChaseRecipients.Holders(OrgRole.Ciso), n => CisoNotice(n.Record, n.Date, ended: n.Today > n.Date)),
        ])
        {
            PausedBy = IsRenewalOf,
        },
    ];

    /// <summary>The 終了 and 延長申請 buttons of a 例外措置.</summary>
    private static FollowUpOutcome Step(FollowUpSubmit submit)
    {
        var exceptions = submit.Services.GetRequiredService<ExceptionMeasures>();
        switch (submit.Value("step"))
        {
            case ExceptionMeasures.CloseStep:
                return new FollowUpOutcome.Done(exceptions.Close(submit.RecordId, submit.UserId, submit.AadObjectId, submit.ActivityId));
            case ExceptionMeasures.RenewStep:
                var (answers, refusal) = exceptions.RenewalOf(submit.RecordId, submit.UserId, submit.AadObjectId);
                // A renewal is a new 例外措置申請: the bot checks who may apply as when it is started by name.
                return answers is null
                    ? new FollowUpOutcome.Done(new FollowUpResult(false, refusal!))
                    : new FollowUpOutcome.StartForm(ExceptionMeasureRequestDefinition.Kind, answers);
            default:
                return new FollowUpOutcome.Declined();
        }
    }

    /// <summary>A 延長申請 waiting for a decision: only the applicant's own renewal counts, as only that one closes the
    /// old measure when permitted.</summary>
    private static bool IsRenewalOf(RequestRecord waiting, RequestRecord measure) =>
        waiting.Kind == ExceptionMeasureRequestDefinition.Kind
        && waiting.Answers.GetValueOrDefault(ExceptionMeasureRequestDefinition.RenewalOf)?.Value.Trim() is { Length: > 0 } number
        && number == measure.Number && waiting.Applicant.UserId == measure.Applicant.UserId;

    public static Notification ApplicantNotice(RequestRecord r, DateOnly end) => new(
        ApproachingTitle,
        $"{r.Number}の例外措置は{end:yyyy年M月d日}で終了します。終わったら「終了」を、続ける必要があるときは終了日までに「延長申請」を押してください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r, ApproachingTitle));

    public static Notification CisoNotice(RequestRecord r, DateOnly end, bool ended) => ended
        ? new(EndedTitle,
            $"{r.Number}（申請者 {r.Applicant.Name}さん）の例外措置は終了日（{end:yyyy年M月d日}）を過ぎましたが、終了の記録も延長申請もありません。申請者に確認しています（根拠 7.4(3)）。",
            "7.4(3)", r.Id)
        : new(ApproachingTitle,
            $"{r.Number}（申請者 {r.Applicant.Name}さん）の例外措置は{end:yyyy年M月d日}で終了します。申請者に終了か延長申請かを確認しています（根拠 7.4(3)）。",
            "7.4(3)", r.Id);

    public static Notification EndedNotice(RequestRecord r, DateOnly end) => new(
        EndedTitle,
        $"{r.Number}の例外措置は終了日（{end:yyyy年M月d日}）を過ぎました。「終了」を記録するか、続けるときは「延長申請」をしてください。",
        ExceptionMeasures.Clause, r.Id, ExceptionMeasureCard.ForOne(r, EndedTitle));
}
