using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// 例外措置申請 (7.4(1)): where a rule of the policy is hard to keep, a 情報セキュリティ管理者 or 情報システム管理者 may, with
/// the CISO's permission, adopt a method other than the rule's or not carry it out, when there is a reasonable ground to
/// keep the administrative work going. The form asks what 7.4(1) names: the rule, the situation that makes it hard, which
/// of the two measures and what is done instead, the reasonable ground, and the period (its end is chased and the
/// measure closed or renewed: <see cref="ExceptionMeasures"/>). The CISO keeps the applications and decisions (7.4(3)):
/// they are the records. An emergency measure already taken (7.4(2)) is reported on the same form: its applicant says so,
/// gives the day it was taken (today or earlier, allowed only then), and the record is titled as a report after the fact.
/// </summary>
public static class ExceptionMeasureRequestDefinition
{
    public static readonly FormKind Kind = new("exception_measure_request");

    public const string Clause = "7.4(1)";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    /// <summary>The number of the 例外措置 this one extends (延長申請); empty for a new one.</summary>
    public const string RenewalOf = "renewalOf";
    /// <summary>Whether the measure is yet to be taken (a request, 7.4(1)) or was already taken in an emergency (a report, 7.4(2)).</summary>
    public const string Timing = "timing";
    public const string Planned = "planned";
    public const string Taken = "taken";
    /// <summary>The day an emergency measure was taken (7.4(2)); asked instead of <see cref="StartDate"/>.</summary>
    public const string TakenOn = "takenOn";
    public const string EmergencyClause = "7.4(2)";
    public const string EmergencyTitle = "例外措置の事後報告";

    public static readonly IReadOnlyList<ChoiceOption> MeasureKinds =
    [
        new("alternative", "遵守事項とは異なる方法を採用する"),
        new("not_implement", "遵守事項を実施しない"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> Timings =
    [
        new(Planned, "CISOの許可を得てから講じる"),
        new(Taken, "緊急のため、既に講じた（事後の報告）"),
    ];

    public static FormDefinition Create() => new(
        Kind,
        Title: "例外措置申請",
        NumberPrefix: "例外",
        Introduction: "対策基準の遵守事項を守ることが難しいとき、業務を続けるための合理的な理由があれば、CISOの許可を得て例外措置を講じることができます。申請できるのは情報セキュリティ管理者と情報システム管理者です。",
        Clauses: [Clause],
        Steps:
        [
            new FormStep("守ることが難しい遵守事項",
            [
                Text("rule", "遵守が難しい規定（条項・遵守事項）", Clause) with { Placeholder = "例: 6.1(17)② ソフトウェアの導入の許可" },
                LongText("situation", "遵守が難しい状況", Clause),
                Text(RenewalOf, "延長する例外措置の受付番号", Clause) with { Required = false, Placeholder = "延長申請のときだけ（例: 例外-2026-0001）" },
            ]),
            new FormStep("例外措置の内容",
            [
                Choice("measureKind", "例外措置", MeasureKinds, Clause),
                LongText("measure", "講じる措置（採用する方法・代わりの安全対策）", Clause),
                Choice(Timing, "講じる時期", Timings, Clause) with { Help = $"緊急でやむを得ず許可の前に講じたときは、事後速やかにCISOへ報告します（{EmergencyClause}）。" },
            ]),
            new FormStep("理由と期間",
            [
                LongText("reason", "合理的な理由（業務を適正に続けるために必要な理由）", Clause),
                Date(StartDate, "開始日", DateRule.TodayOrLaterWithinYear, Clause) with { Prefill = PrefillSource.StartDate, VisibleWhen = [When(Timing, Planned)] },
                Date(TakenOn, "講じた日", DateRule.TodayOrEarlier, EmergencyClause) with { VisibleWhen = [When(Timing, Taken)] },
                Date(EndDate, "終了日", DateRule.AfterTodayWithinYear, Clause) with { Prefill = PrefillSource.EndDate },
            ]),
        ])
    {
        CommandWords = ["例外措置申請", "例外措置の申請", "延長申請"],
        NextStep = "CISOが内容を審査し、例外措置を許可するかどうかを判断します（根拠: 7.4(1)）。許可されるまで例外措置は講じないでください。",
        AfterApproval = $"終了日の前にお知らせします。終わったら「{ExceptionMeasures.CommandWord}」から終了を記録し、続けるときは延長申請をしてください（根拠: 7.4(1)）。",
        DateOrders = [new(StartDate, EndDate, "終了日は開始日より後の日付にしてください。"), new(TakenOn, EndDate, "終了日は講じた日より後の日付にしてください。")],
        Rules =
        [
            new FormRule("exception-emergency", [When(Timing, Taken)], [EmergencyClause], RuleEffects.None)
            {
                RecordTitle = EmergencyTitle,
                NextStep = $"緊急時の例外措置の事後報告として、CISOが内容を確認し、続けてよいかを判断します（根拠: {EmergencyClause}）。",
            },
        ],
        ApplicantRoles = [OrgRole.SecurityManager, OrgRole.SystemAdministrator],
        ApplicantRolesClause = Clause,
        OnApproved = ExceptionMeasures.CloseRenewed,
        FollowUpCommands = ExceptionMeasureFollowUps.Commands,
        CardActions = ExceptionMeasureFollowUps.CardActions,
        Chases = ExceptionMeasureFollowUps.Chases,
    };
}
