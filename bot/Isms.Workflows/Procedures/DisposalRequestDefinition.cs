using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// 廃棄・リース返却申請 (2(2)⑩): whoever disposes of or returns (lease, rental) an information asset needs the
/// 情報セキュリティ管理者's permission (ウ), makes the information on its media unrecoverable as its 機密性 requires (ア),
/// and records the date, the person and the method of what was done (イ). The request plans it; once approved, the
/// applicant records what was done (<see cref="DisposalRecords"/>), and its chase asks for that record after the
/// planned date (<see cref="DisposalFollowUps"/>).
/// </summary>
public static class DisposalRequestDefinition
{
    public static readonly FormKind Kind = new("disposal_request");

    // Field ids: used by the record of what was done and by the chase job.
    public const string PlannedDate = "plannedDate";
    public const string PlannedMethod = "plannedMethod";
    public const string Asset = "asset";

    public static readonly IReadOnlyList<ChoiceOption> DisposalKinds =
    [
        new("dispose", "廃棄"),
        new("lease_return", "リース・レンタルの返却"),
        new("other", "その他（譲渡・修理交換での引き渡しなど）"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> AssetKinds =
    [
        new("pc", "パソコン・タブレット・スマートフォン"),
        new("server", "サーバー・ネットワーク機器"),
        new("printer", "複合機・プリンター（記憶装置のあるもの）"),
        new("media", "記録媒体（USBメモリ・HDD・CDなど）"),
        new("paper", "紙の文書"),
        new("other", "その他"),
    ];

    /// <summary>How the information is made unrecoverable (2(2)⑩(ア)); the record of what was done offers the same.</summary>
    public static readonly IReadOnlyList<ChoiceOption> Methods =
    [
        new("physical", "物理的に破壊する（穴あけ・破砕）"),
        new("erase", "消去ソフトで完全に消去する"),
        new("vendor", "業者に消去を依頼し、消去証明書を受け取る"),
        new("shred", "裁断（シュレッダー）・溶解処理"),
        new("no_data", "情報が記録されていないことを確認済み"),
    ];

    public static FormDefinition Create() => new(
        Kind,
        Title: "廃棄・リース返却申請",
        NumberPrefix: "廃棄",
        Introduction: "情報資産を廃棄・リース返却するには、情報セキュリティ管理者の許可が必要です。記録されている情報は、機密性に応じて復元できないように処理し、終わったら実施日・実施者・方法を記録します。",
        Clauses: ["2(2)⑩(ウ)", "2(2)⑩(イ)"],
        Steps:
        [
            new FormStep("廃棄・返却するもの",
            [
                Choice("disposalKind", "処理の種類", DisposalKinds, "2(2)⑩(ウ)"),
                Text(Asset, "対象（機種・資産番号・数量）", "2(2)⑩(イ)") with { Placeholder = "例: ノートPC 資産番号 K-0123 ほか2台" },
            ]),
            new FormStep("記録されている情報",
            [
                Choice("assetKind", "種類", AssetKinds, "2(2)⑩(ア)"),
                Confidentiality("confidentiality", "記録されている情報の機密性（最も高いもの）", "2(2)⑩(ア)"),
            ]),
            new FormStep("処理の方法と予定",
            [
                Choice(PlannedMethod, "情報を復元できないようにする方法", Methods, "2(2)⑩(ア)"),
                Date(PlannedDate, "実施予定日", DateRule.TodayOrLaterWithinYear, "2(2)⑩(イ)") with { Prefill = PrefillSource.StartDate },
                Text("plannedBy", "実施する担当者（業者に依頼するときは業者名も）", "2(2)⑩(イ)") with { Placeholder = "例: 警防課 山田、○○リース株式会社" },
            ]),
        ])
    {
        CommandWords = ["廃棄・リース返却申請", "廃棄申請", "リース返却申請", "廃棄・返却申請"],
        NextStep = "所属の情報セキュリティ管理者が内容を確認し、廃棄・返却を許可するかどうかを判断します（根拠: 2(2)⑩(ウ)）。許可されるまで処理しないでください。",
        AfterApproval = $"処理が終わったら「{DisposalRecords.CommandWord}」と送り、実施日・実施者・方法を記録してください（根拠: 2(2)⑩(イ)）。",
        FollowUpCommands = DisposalFollowUps.Commands,
        CardActions = DisposalFollowUps.CardActions,
        Chases = DisposalFollowUps.Chases,
    };
}
