using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// 障害報告: a system fault reported to the 情報システム管理者 of that system, kept as a 障害記録 (6.1(7)) with the
/// 管理者's result. Not an incident; a fault that looks like one (a ransom note, an unknown warning) gets the first
/// response at once and is told to file the インシデント報告 as well.
/// </summary>
public static class FaultReportDefinition
{
    public static readonly FormKind Kind = new("fault_report");

    // Field ids: used by the rules here, by the routing rules (systemAnswer) and by what reads the record.
    public const string System = "system";
    public const string Suspicious = "suspicious";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<ChoiceOption> Symptoms =
    [
        new("stopped", "止まっている・使えない"),
        new("error", "エラーが表示される"),
        new("slow", "動作が遅い・不安定"),
        new("network", "ネットワークにつながらない"),
        new("data", "データが消えた・壊れた"),
        new("other", "その他"),
    ];

    /// <summary>What a fault that looks like an incident is told at once: the first response of 6.4(3)⑦ (the union's
    /// procedure, or the clause's own), then the インシデント報告.</summary>
    public static string SuspiciousNotice(IReadOnlyList<string>? firstResponse = null) =>
        "【インシデントの疑いがあります】脅迫文や身に覚えのない警告は、ウイルス（ランサムウェアなど）の疑いがあります（根拠: 6.4(3)⑦、5.3(1)①）。\n" +
        MalwareFirstResponse.Numbered(firstResponse, "この障害報告を送ったら、続けて「インシデント報告」と送り、情報セキュリティ管理者と統一的な窓口にも報告してください。");

    /// <param name="firstResponse">The union's first-response procedure (6.4(3)⑦), one step a line; null or empty for the clause's own.</param>
    public static FormDefinition Create(IReadOnlyList<string>? firstResponse = null) => new(
        Kind,
        Title: "障害報告",
        NumberPrefix: "障害",
        Introduction: "システムの障害は、そのシステムの情報システム管理者に報告してください。障害記録として記録されます。",
        Clauses: ["6.1(7)"],
        Steps:
        [
            new FormStep("障害が起きたシステム",
            [
                Choice(System, "障害が起きたシステム", [new(Unknown, "分からない・その他")], "6.1(7)", "1(5)②")
                    with
                    {
                        ChoicesFrom = ChoiceSource.InformationSystems,
                        Help = "分からないときは「分からない・その他」を選んでください。ネットワークの情報システム管理者に届けます。",
                    },
                Text("equipment", "端末・機器（資産番号など）", "6.1(7)") with { Required = false, Placeholder = "例: 警防課 PC-0123" },
            ]),
            new FormStep("発生した日時",
            [
                Date("occurredDate", "発生した日", DateRule.TodayOrEarlier, "6.1(7)") with { Prefill = PrefillSource.EventDate, Default = FieldDefault.Today },
                Time("occurredTime", "発生したおおよその時刻", "6.1(7)") with { Required = false, Prefill = PrefillSource.StartTime },
            ]),
            new FormStep("障害の内容",
            [
                Choice("symptom", "症状", Symptoms, "6.1(7)"),
                LongText("description", "どのような状態か", "6.1(7)") with { Placeholder = "例: 朝から文書管理システムにログインできず、「サーバーに接続できません」と表示される" },
            ]),
            new FormStep("影響",
            [
                Choice(Suspicious, "脅迫文（身代金の要求）、身に覚えのない警告、ファイルが開けない（拡張子が変わった）などはありますか", YesNo, "6.4(3)⑦"),
                Choice("scope", "影響の範囲",
                [
                    new("self", "自分の端末だけ"),
                    new("section", "所属内の複数の職員"),
                    new("wide", "複数の所属・組合全体"),
                    new(Unknown, "分からない"),
                ], "6.1(7)"),
            ]),
            new FormStep("業務への影響と対応",
            [
                LongText("businessImpact", "業務への影響", "6.1(7)") with { Required = false, Placeholder = "例: 出場記録の入力ができない" },
                LongText("actionsTaken", "すでに行った対応", "6.1(7)") with { Help = "まだ何もしていなければ「なし」と入力してください。" },
            ]),
        ])
    {
        CommandWords = ["障害報告", "システム障害報告"],
        InitialStatus = RequestStatus.Submitted,
        NextStep = "選んだシステムの情報システム管理者が確認し、処理の結果とともに障害記録として記録します（根拠: 6.1(7)）。",
        Rules =
        [
            new FormRule("looks-like-an-incident", [When(Suspicious, Yes)], ["6.4(3)⑦", "5.3(1)①"], RuleEffects.NotifyImmediately)
            {
                Notice = SuspiciousNotice(firstResponse),
                NextStep = "選んだシステムの情報システム管理者が確認し、障害記録として記録します（根拠: 6.1(7)）。インシデントの疑いがあるため、「インシデント報告」からも報告してください（根拠: 5.3(1)①）。",
            },
        ],
    };
}
