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
    public const string TransportMeasure = "transportMeasure";
    public const string NoMeasureReason = "noMeasureReason";

    /// <summary>The answer of <see cref="TransportMeasure"/> that says no measure is needed (a reason is then required).</summary>
    public const string NoMeasure = "none";

    /// <summary>The measures 2(2)⑧(ア) names: a password or encryption, a locked case, or both.</summary>
    public static readonly IReadOnlyList<string> DefaultMeasures =
    [
        "暗号化・パスワードを設定し、鍵付きのケースなどに入れる",
        "暗号化・パスワードを設定する",
        "鍵付きのケースなどに入れる",
    ];

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

    /// <param name="configuredMeasures">Forms:TakeoutMeasures; empty: <see cref="DefaultMeasures"/>.</param>
    public static FormDefinition Create(IReadOnlyList<string>? configuredMeasures = null)
    {
        var measures = (configuredMeasures is { Count: > 0 } ? configuredMeasures : DefaultMeasures)
            .Where(m => !string.IsNullOrWhiteSpace(m) && m != NoMeasure).Distinct()
            .Select(m => new ChoiceOption(m, m))
            .Append(new ChoiceOption(NoMeasure, "対策は不要（理由を入力）"))
            .ToList();
        return Definition(measures);
    }

    private static FormDefinition Definition(IReadOnlyList<ChoiceOption> measures) => new(
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
                Choice(TransportMeasure, "運搬するときの対策", measures, "2(2)⑧(ア)")
                    with
                    {
                        VisibleWhen = [When(ConfidentialityLevel, Level2OrAbove)],
                        Help = "機密性2以上の情報資産は、必要に応じ暗号化や鍵付きのケースへの格納などで不正利用を防ぎます。",
                    },
                LongText("otherMeasures", "その他の対策", "2(2)⑧(ア)") with { Required = false },
            ]),
            // Its own step: it depends on the measure chosen, so it follows on the next card when asked.
            new FormStep("対策が不要な理由",
            [
                Text(NoMeasureReason, "対策が不要な理由", "2(2)⑧(ア)")
                    with
                    {
                        VisibleWhen = [When(TransportMeasure, NoMeasure)],
                        Help = "例: 情報の入っていないインストール用の媒体のため。",
                    },
            ]),
        ])
    {
        NextStep = "所属の情報セキュリティ管理者が確認し、持ち出しを許可するかどうかを判断します（根拠: 5.1(1)③(イ)）。返却は申請者が記録し、持ち出しの記録を管理する管理者が確認します（根拠: 5.1(1)⑤）。",
        AfterApproval = "許可された内容で持ち出せます。戻ったら「返却」と送り、返却を記録してください。情報セキュリティ管理者が確認します（根拠: 5.1(1)⑤）。",
        CommandWords = ["持ち出し申請", "持出申請", "持ち出し"],
        DateOrders = [new(StartDate, EndDate, "返却予定日は持ち出す日と同じか、それより後の日付にしてください。")],
        Rules =
        [
            new FormRule("confidential-transport", [When(ConfidentialityLevel, Level2OrAbove)], ["2(2)⑧(ア)", "2(2)⑧(イ)"], RuleEffects.None),
            // 別表2: for 機密性3 (重要度IV・III) transfer outside is in principle forbidden; 2(1): work on other than the
            // issued devices too. A warning, not a block: the 管理者 decides (2(2)⑧(イ)).
            new FormRule("confidentiality-3", [When(ConfidentialityLevel, Level3)], ["別表2"], RuleEffects.NotifyImmediately)
            {
                Notice = "機密性3の情報です。外部への転送は原則として禁止され（別表2）、支給された端末以外での作業も原則として禁止です（2(1)）。"
                    + "持ち出しが本当に必要か確かめ、支給された端末で扱ってください。申請は続けられます。",
            },
            new FormRule("processing-outside", [When(ProcessOutside, Yes)], ["5.1(1)③(ウ)"], RuleEffects.None),
        ],
    };
}
