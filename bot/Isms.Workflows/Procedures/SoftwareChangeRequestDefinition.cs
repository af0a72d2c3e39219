using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// ソフトウェア導入・設定変更申請: installing software (6.1(17)②) and modifying, adding or exchanging hardware (6.1(18)②)
/// need the 情報システム管理者's and the 統括情報セキュリティ責任者's permission; changing a PC's security settings
/// (5.1(1)⑥) the 情報セキュリティ管理者's. The licence is recorded with the request (6.1(17)②).
/// </summary>
public static class SoftwareChangeRequestDefinition
{
    public static readonly FormKind Kind = new("software_change_request");

    // Field ids: used by the rules here, by the routing rules (answers, systemAnswer) and by what reads the record.
    public const string ChangeKind = "changeKind";
    public const string System = "system";
    public const string Install = "install";
    public const string Hardware = "hardware";
    public const string Settings = "settings";
    public const string SettingPeriod = "settingPeriod";

    public static readonly IReadOnlyList<ChoiceOption> ChangeKinds =
    [
        new(Install, "ソフトウェアの導入（インストール）"),
        new(Hardware, "機器の改造・増設・交換（メモリの増設、周辺機器の接続など）"),
        new(Settings, "セキュリティ機能の設定変更（ウイルス対策ソフト、ファイアウォールなど）"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> Licences =
    [
        new("free", "無償（利用条件を確認した）"),
        new("owned", "組合が保有するライセンスを使う"),
        new("purchase", "新たに購入する"),
        new("trial", "試用版・評価版"),
    ];

    public static FormDefinition Create() => new(
        Kind,
        Title: "ソフトウェア導入・設定変更申請",
        NumberPrefix: "導入",
        Introduction: "ソフトウェアの導入や機器の増設・交換には、情報システム管理者と統括情報セキュリティ責任者の許可が必要です。パソコンのセキュリティ設定の変更には、情報セキュリティ管理者の許可が必要です。",
        Clauses: ["6.1(17)②", "6.1(18)②", "5.1(1)⑥"],
        Steps:
        [
            new FormStep("変更の内容",
            [
                Choice(ChangeKind, "申請する内容", ChangeKinds, "6.1(17)②", "6.1(18)②", "5.1(1)⑥"),
                Text("target", "対象の端末（資産番号など）", "6.1(17)②", "6.1(18)②", "5.1(1)⑥") with { Placeholder = "例: 警防課 PC-0123" },
                LongText("purpose", "業務上の必要性", "6.1(17)②", "6.1(18)②", "5.1(1)⑥"),
            ]),
            new FormStep("詳細",
            [
                Choice(System, "端末が属するシステム", [new(FaultReportDefinition.Unknown, "分からない・その他")], "6.1(17)②", "6.1(18)②")
                    with
                    {
                        ChoicesFrom = ChoiceSource.InformationSystems,
                        VisibleWhen = [When(ChangeKind, Install, Hardware)],
                        Help = "許可するのはこのシステムの情報システム管理者です。分からないときはネットワークの情報システム管理者が確認します。",
                    },
                Text("softwareName", "ソフトウェア名・バージョン", "6.1(17)②") with { VisibleWhen = [When(ChangeKind, Install)] },
                LongText("hardwareDetail", "改造・増設・交換の内容", "6.1(18)②") with { VisibleWhen = [When(ChangeKind, Hardware)] },
                LongText("settingDetail", "変更する設定と変更後の内容", "5.1(1)⑥") with { VisibleWhen = [When(ChangeKind, Settings)] },
            ]),
            new FormStep("ライセンス",
            [
                Choice("licence", "ライセンス", Licences, "6.1(17)②") with { VisibleWhen = [When(ChangeKind, Install)] },
                Text("licenceDetail", "ライセンスの内容（ライセンス番号・利用条件・台数など）", "6.1(17)②")
                    with { VisibleWhen = [When(ChangeKind, Install)], Help = "許可後、情報セキュリティ管理者または情報システム管理者がライセンスを管理します。" },
            ]),
            new FormStep("確認",
            [
                Confirm("legitimateCopy", "正規に入手したソフトウェアです（不正にコピーしたものではありません）", "6.1(17)③")
                    with { VisibleWhen = [When(ChangeKind, Install)] },
                Confirm("malwareCheck", "導入する前に、不正プログラム対策ソフトウェアでチェックします", "6.4(3)②")
                    with { VisibleWhen = [When(ChangeKind, Install)] },
                Choice(SettingPeriod, "変更の期間", [new("permanent", "恒久的に変更する"), new("temporary", "一時的に変更し、作業後に元に戻す")], "5.1(1)⑥")
                    with { VisibleWhen = [When(ChangeKind, Settings)] },
                LongText("risks", "変更に伴うリスクと対策", "6.1(17)②", "6.1(18)②", "5.1(1)⑥") with { Required = false },
            ]),
            // Asked after the period is known: a card cannot show a field depending on another input of the same card.
            new FormStep("元に戻す日",
            [
                Date("restoreDate", "元に戻す予定日", DateRule.TodayOrLaterWithinYear, "5.1(1)⑥")
                    with { VisibleWhen = [When(ChangeKind, Settings), When(SettingPeriod, "temporary")] },
            ]),
        ])
    {
        CommandWords = ["ソフトウェア導入・設定変更申請", "ソフトウェア導入申請", "ソフト導入申請", "設定変更申請", "機器増設申請"],
        NextStep = "情報システム管理者、続いて統括情報セキュリティ責任者が内容を確認し、許可するかどうかを判断します（根拠: 6.1(17)②、6.1(18)②）。",
        Rules =
        [
            new FormRule("software", [When(ChangeKind, Install)], ["6.1(17)②", "6.1(17)③"], RuleEffects.None),
            new FormRule("hardware", [When(ChangeKind, Hardware)], ["6.1(18)②"], RuleEffects.None),
            new FormRule("security-settings", [When(ChangeKind, Settings)], ["5.1(1)⑥"], RuleEffects.None)
            {
                NextStep = "所属の情報セキュリティ管理者が内容を確認し、設定の変更を許可するかどうかを判断します（根拠: 5.1(1)⑥）。",
            },
        ],
    };
}
