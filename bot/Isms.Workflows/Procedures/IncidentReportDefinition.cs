using Isms.Workflows.Requests;
using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>インシデント報告 (5.3(1)①). Always an incident; suspected malware gets the first-response steps at once (6.4(3)⑦).</summary>
public static class IncidentReportDefinition
{
    // Field ids: used by the rules here and by what reads the record (register, return, chase).
    public const string IncidentKind = "incidentKind";
    public const string ReportedBy = "reportedBy";
    public const string PersonalData = "personalData";
    public const string PossibleCrime = "possibleCrime";
    /// <summary>The system whose 情報システム管理者 is told (5.3(1)②); the routing rules read it (systemAnswer).</summary>
    public const string AffectedSystem = "system";
    /// <summary>The answer to <see cref="AffectedSystem"/> of someone who does not know the system.</summary>
    public const string UnknownSystem = Unknown;

    public const string Malware = "malware";
    public const string PasswordGiven = "passwordGiven";

    public static readonly IReadOnlyList<ChoiceOption> Kinds =
    [
        new("loss_theft", "紛失・盗難"),
        new("misdelivery", "誤送信・誤送付"),
        new(Malware, "ウイルス・マルウェア感染（疑いを含む）"),
        new("unauthorized_access", "不正アクセス"),
        new("leak", "情報の漏えい"),
        new("outage", "システムの障害・停止"),
        new("other", "その他"),
    ];

    /// <summary>5.4(2)④: a password that may have leaked is changed at once and reported (this report reaches the 情報セキュリティ管理者).</summary>
    public const string PasswordNotice =
        PasswordHeading
        + "1. そのパスワードをすぐに変更してください。\n"
        + "2. ログインできない、変更できないときは、この報告にそう書いてください。情報セキュリティ管理者に届きます。\n"
        + "対応したら、続けて報告を入力してください。";

    /// <summary>The clause of the password first response.</summary>
    public const string PasswordClause = "5.4(2)④";

    /// <summary>5.4(2)④ on an answer whose message may be a report of a password given away, then
    /// <paramref name="report"/> (how to report from where the answer is shown).</summary>
    public static string PasswordAnswerNotice(string report) =>
        PasswordHeading + $"そのパスワードをすぐに変更してください。変更したら、{report}";

    private const string PasswordHeading = "【至急】パスワードが漏れたおそれがあるときの対応（根拠: " + PasswordClause + "）\n";

    /// <summary>The first response when the union has set no procedure (the clause's own, 6.4(3)⑦).</summary>
    public static readonly string MalwareFirstResponse = Procedures.MalwareFirstResponse.IncidentNotice(null);

    /// <param name="firstResponse">The union's first-response procedure (6.4(3)⑦), one step a line; null or empty for the clause's own.</param>
    public static FormDefinition Create(IReadOnlyList<string>? firstResponse = null) => new(
        FormKind.IncidentReport,
        Title: "インシデント報告",
        NumberPrefix: "インシデント",
        Introduction: "情報セキュリティインシデントに気付いたら、速やかに情報セキュリティ管理者と統一的な窓口へ報告してください。分かる範囲で入力してください。",
        Clauses: ["5.3(1)①"],
        Steps:
        [
            new FormStep("何が起きたか",
            [
                Choice(IncidentKind, "インシデントの種類", Kinds, "5.3(1)①") with { Prefill = PrefillSource.IncidentKind },
                LongText("description", "何が起きたか", "5.3(1)①") with { Prefill = PrefillSource.Message },
            ]),
            // Asked right after what happened: taking a suspected machine off the network (6.4(3)⑦) and
            // whether a password went to a fake page or a caller (5.4(2)④: changed at once). Adding a step would shift
            // the step numbers that saved drafts and sent cards carry, so both live here.
            new FormStep("すぐに行う対応",
            [
                Choice("networkDisconnected", "その端末をネットワークから切り離しましたか",
                [
                    new("done", "LANケーブルを抜いた・通信を切った"),
                    new("not_yet", "まだ切り離していない"),
                    new("unknown", "分からない"),
                ], "6.4(3)⑦") with { VisibleWhen = [When(IncidentKind, Malware)] },
                Choice(PasswordGiven, "IDやパスワードを入力したり、人に伝えたりしましたか", YesNoUnknown, "5.4(2)④")
                    with
                    {
                        VisibleWhen = [When(IncidentKind, Malware, "unauthorized_access", "leak", "other")],
                        Prefill = PrefillSource.PasswordGiven,
                    },
            ]),
            new FormStep("いつ、誰が気付いたか",
            [
                Date("occurredDate", "発生した日（分からなければ気付いた日）", DateRule.TodayOrEarlier, "5.3(1)①")
                    with { Prefill = PrefillSource.EventDate, Default = FieldDefault.Today },
                Date("foundDate", "気付いた日", DateRule.TodayOrEarlier, "5.3(1)①") with { Prefill = PrefillSource.EventDate, Default = FieldDefault.Today },
                Time("foundTime", "気付いた時刻", "5.3(1)①") with { Required = false, Prefill = PrefillSource.StartTime },
                Choice(ReportedBy, "最初に気付いたのは",
                [
                    new("self", "自分"),
                    new("staff", "ほかの職員"),
                    new("outside", "住民など外部の方からの連絡"),
                ], "5.3(1)①", "5.3(2)①") with { Prefill = PrefillSource.ReportedBy },
            ]),
            new FormStep("関係する情報",
            [
                LongText("affectedAssets", "関係する情報・システム・機器", "5.3(1)①"),
                Choice(AffectedSystem, "関係する情報システム", [new(Unknown, "分からない・その他")], "5.3(1)②", "1(5)②")
                    with
                    {
                        ChoicesFrom = ChoiceSource.InformationSystems,
                        Required = false,
                        Compact = true,
                        Help = "そのシステムの情報システム管理者に報告されます（分からなければネットワークの管理者へ）。",
                    },
                Confidentiality("confidentiality", "関係する情報の機密性（最も高いもの）", "5.3(1)①"),
            ]),
            new FormStep("個人情報と犯罪の可能性",
            [
                Choice(PersonalData, "個人情報は含まれていますか", YesNoUnknown, "5.3(1)④"),
                Choice(PossibleCrime, "盗難や不正アクセスなど、犯罪の可能性がありますか", YesNoUnknown, "6.5(3)")
                    with { VisibleWhen = [When(IncidentKind, "loss_theft", "unauthorized_access")] },
            ]),
            new FormStep("影響の範囲と対応",
            [
                Choice("personalDataCount", "含まれる個人情報のおおよその人数", MisdeliveryReportDefinition.PersonCounts, "5.3(1)④")
                    with { VisibleWhen = [When(PersonalData, Yes)] },
                LongText("scope", "影響の範囲（分かる範囲で）", "5.3(1)①") with { Required = false },
                LongText("firstResponse", "すでに行った対応", "5.3(1)①") with { Help = "まだ何もしていなければ「なし」と入力してください。" },
            ]),
        ])
    {
        CommandWords = ["インシデント報告"],
        AlwaysIncident = true,
        InitialStatus = RequestStatus.Submitted,
        NextStep = "情報セキュリティ管理者と統一的な窓口に報告されました。CSIRTが状況を確認し、必要な指示をします（根拠: 5.3(1)①、5.3(3)①）。",
        Rules =
        [
            new FormRule("malware-first-response", [When(IncidentKind, Malware)], ["6.4(3)⑦"], RuleEffects.NotifyImmediately)
            {
                Notice = Procedures.MalwareFirstResponse.IncidentNotice(firstResponse),
            },
            new FormRule("password-first-response", [When(PasswordGiven, Yes, Unknown)], ["5.4(2)④"], RuleEffects.NotifyImmediately)
            {
                Notice = PasswordNotice,
            },
            // 「分からない」 counts as 「はい」 (the safe side): whether to tell the 個人情報保護委員会 is considered, and the
            // records are kept for the police, until the CSIRT finds otherwise.
            new FormRule("personal-data", [When(PersonalData, Yes, Unknown)], ["5.3(1)④"], RuleEffects.None),
            new FormRule("reported-from-outside", [When(ReportedBy, "outside")], ["5.3(2)①"], RuleEffects.None),
            new FormRule("possible-crime", [When(PossibleCrime, Yes, Unknown)], ["6.5(3)"], RuleEffects.None),
        ],
    };
}
