using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>持ち出し申請: permission to take devices, media or information outside (5.1(1)③), recorded as a check-out (5.1(1)⑤).</summary>
public static class TakeoutRequestDefinition
{
    // Field ids: used by the rules here and by what reads the record (register, return, chase).
    public const string ItemKind = "itemKind";
    public const string AssetNumber = "assetNumber";
    public const string ConfidentialityLevel = "confidentiality";
    public const string Destination = "destination";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string ProcessOutside = "processOutside";

    public const string Paper = "paper";

    public static readonly IReadOnlyList<ChoiceOption> ItemKinds =
    [
        new("terminal", "端末（ノートPC・タブレットなど）"),
        new("usb", "電磁的記録媒体（USBメモリ）"),
        new("other_media", "電磁的記録媒体（外付けHDD・DVDなど）"),
        new("smartphone", "公用スマートフォン"),
        new(Paper, "紙の情報資産（書類）"),
        new("software", "ソフトウェア"),
    ];

    public static FormDefinition Create() => new(
        FormKind.TakeoutRequest,
        Title: "持ち出し申請",
        NumberPrefix: "持出",
        Introduction: "端末・電磁的記録媒体・情報資産・ソフトウェアを外部に持ち出すには、情報セキュリティ管理者の許可が必要です。",
        Clauses: ["5.1(1)③(イ)", "5.1(1)⑤"],
        Steps:
        [
            new FormStep("持ち出す物と期間",
            [
                Choice(ItemKind, "持ち出す物", ItemKinds, "5.1(1)③(イ)") with { Prefill = PrefillSource.ItemKind },
                Text(AssetNumber, "資産番号・管理番号", "5.1(1)⑤")
                    with { Required = false, Help = "端末や媒体に貼られている番号です。書類の場合は空欄でかまいません。" },
                Date(StartDate, "持ち出す日", DateRule.TodayOrLaterWithinYear, "5.1(1)⑤") with { Prefill = PrefillSource.StartDate },
                Date(EndDate, "返却予定日", DateRule.TodayOrLaterWithinYear, "5.1(1)⑤") with { Prefill = PrefillSource.EndDate },
            ]),
            new FormStep("持ち出し先と目的",
            [
                Text(Destination, "持ち出し先", "5.1(1)⑤") with { Prefill = PrefillSource.Destination, RemembersLastAnswer = true },
                LongText("purpose", "持ち出す目的", "5.1(1)③(イ)") with { Prefill = PrefillSource.Purpose },
            ]),
            new FormStep("持ち出す情報",
            [
                Confidentiality(ConfidentialityLevel, "記録されている情報の機密性（最も高いもの）", "2(2)⑤(ウ)"),
                Choice(ProcessOutside, "持ち出した先で情報を処理（閲覧・編集）しますか", YesNo, "5.1(1)③(ウ)"),
            ]),
            new FormStep("安全対策",
            [
                Text("outsideWorkPlace", "外部で作業する場所", "5.1(1)③(ウ)")
                    with { VisibleWhen = [When(ProcessOutside, Yes)], RemembersLastAnswer = true },
                Confirm("encryption", "暗号化またはパスワードを設定しました", "2(2)⑧(ア)")
                    with
                    {
                        VisibleWhen = [When(ConfidentialityLevel, "2", "3"), WhenNot(ItemKind, Paper)],
                        Help = "機密性2以上の情報資産を運搬するときは、暗号化などの不正利用防止措置が必要です。",
                    },
                Confirm("lockedCase", "鍵付きのケースなどに入れて運搬します", "2(2)⑧(ア)")
                    with
                    {
                        VisibleWhen = [When(ConfidentialityLevel, "2", "3")],
                        Help = "機密性2以上の情報資産は、鍵付きのケースなどに格納して運搬してください。",
                    },
                LongText("otherMeasures", "その他の対策", "2(2)⑧(ア)") with { Required = false },
            ]),
        ])
    {
        NextStep = "所属の情報セキュリティ管理者が確認し、持ち出しを許可するかどうかを判断します（根拠: 5.1(1)③(イ)）。返却は申請者が記録し、持ち出しの記録を管理する管理者が確認します（根拠: 5.1(1)⑤）。",
        AfterApproval = "許可された内容で持ち出せます。戻ったら「返却」と送り、返却を記録してください。情報セキュリティ管理者が確認します（根拠: 5.1(1)⑤）。",
        CommandWords = ["持ち出し申請", "持出申請", "持ち出し"],
        DateOrders = [new(StartDate, EndDate, "返却予定日は持ち出す日と同じか、それより後の日付にしてください。")],
        Rules =
        [
            new FormRule("confidential-transport", [When(ConfidentialityLevel, "2", "3")], ["2(2)⑧(ア)", "2(2)⑧(イ)"], RuleEffects.None),
            new FormRule("processing-outside", [When(ProcessOutside, Yes)], ["5.1(1)③(ウ)"], RuleEffects.None),
        ],
    };
}
