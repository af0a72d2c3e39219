using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// 支給以外の端末・媒体の利用申請: using a PC, mobile device or storage medium the union did not issue (a private one, or
/// one from another organisation) is in principle forbidden; the CISO decides whether a kind of device may be used, and
/// the 情報セキュリティ管理者 permits each use (5.1(1)④(ア)(イ)), keeping the record of what is brought in (5.1(1)⑤).
/// Media from outside are checked for malware before use (6.4(3)②); a device is checked before it joins the network
/// (6.2(2)⑥). Which kinds still need the CISO's decision is in the routing rules.
/// </summary>
public static class OutsideDeviceRequestDefinition
{
    public static readonly FormKind Kind = new("outside_device_request");

    // Field ids: used by the rules here, by the routing rules (answers) and by what reads the record.
    public const string DeviceKind = "deviceKind";
    public const string ConnectNetwork = "connectNetwork";
    public const string StartDate = "useFrom";
    public const string EndDate = "useUntil";

    private static readonly string[] Devices = ["private_pc", "private_mobile", "outside_device"];
    private static readonly string[] Media = ["private_media", "outside_media"];

    public static readonly IReadOnlyList<ChoiceOption> DeviceKinds =
    [
        new("private_pc", "私物のパソコン"),
        new("private_mobile", "私物のスマートフォン・タブレット"),
        new("private_media", "私物の記録媒体（USBメモリなど）"),
        new("outside_device", "外部（他団体・業者など）の端末"),
        new("outside_media", "外部（他団体・業者など）から受け取った記録媒体"),
    ];

    public static FormDefinition Create() => new(
        Kind,
        Title: "支給以外の端末・媒体の利用申請",
        NumberPrefix: "端末",
        Introduction: "支給以外のパソコン・スマートフォン・記録媒体は、原則として業務に使えません。業務上必要なときは、CISOが利用の可否を判断した種類のものに限り、情報セキュリティ管理者の許可を得て使えます。",
        Clauses: ["5.1(1)④(ア)", "5.1(1)⑤"],
        Steps:
        [
            new FormStep("使う端末・媒体",
            [
                Choice(DeviceKind, "種類", DeviceKinds, "5.1(1)④(ア)"),
                Text("deviceDescription", "機種・名称（分かる範囲で）", "5.1(1)⑤") with { Placeholder = "例: iPad（第9世代）、USBメモリ 32GB" },
                Text("ownerOrSource", "持ち主・受け取り元", "5.1(1)⑤") with { Placeholder = "例: 本人所有、群馬県 危機管理課" },
            ]),
            new FormStep("理由と期間",
            [
                LongText("purpose", "業務で使う理由", "5.1(1)④(ア)"),
                Date(StartDate, "使い始める日", DateRule.TodayOrLaterWithinYear, "5.1(1)⑤") with { Prefill = PrefillSource.StartDate },
                Date(EndDate, "使い終わる日", DateRule.TodayOrLaterWithinYear, "5.1(1)⑤") with { Prefill = PrefillSource.EndDate },
            ]),
            new FormStep("扱う情報",
            [
                Confidentiality("confidentiality", "扱う情報の機密性（最も高いもの）", "5.1(1)④(イ)"),
            ]),
            new FormStep("安全対策",
            [
                Choice(ConnectNetwork, "庁内のネットワークに接続しますか", YesNo, "6.2(2)⑥") with { VisibleWhen = [When(DeviceKind, Devices)] },
                Confirm("malwareCheck", "使う前に、不正プログラム対策ソフトウェアでチェックします", "6.4(3)②")
                    with { VisibleWhen = [When(DeviceKind, Media)] },
                Confirm("outsideWorkRules", "外部で情報処理作業を行うときの安全管理措置を守ります", "5.1(1)④(イ)")
                    with { VisibleWhen = [When(DeviceKind, Devices)] },
                LongText("otherMeasures", "その他の対策", "5.1(1)④(イ)") with { Required = false, Placeholder = "例: 画面ロックを設定済み、業務終了後にデータを消去する" },
            ]),
            // Asked once the answer is known: a card cannot show a field depending on another input of the same card.
            new FormStep("接続前の確認",
            [
                Confirm("networkCheck", "接続する前に、ウイルスに感染していないことと、パッチ（更新プログラム）の適用状況を確認します", "6.2(2)⑥")
                    with { VisibleWhen = [When(DeviceKind, Devices), When(ConnectNetwork, Yes)] },
            ]),
        ])
    {
        CommandWords = ["支給以外の端末・媒体の利用申請", "支給以外の端末利用申請", "私物端末利用申請", "外部媒体利用申請", "持ち込み申請"],
        NextStep = "CISOがこの種類の端末・媒体を業務に使えるか判断したうえで、所属の情報セキュリティ管理者が利用を許可するかどうかを判断します（根拠: 5.1(1)④(ア)）。許可された利用は持ち込みの記録として残ります（根拠: 5.1(1)⑤）。",
        DateOrders = [new(StartDate, EndDate, "使い終わる日は使い始める日と同じか、それより後の日付にしてください。")],
        Rules =
        [
            new FormRule("network-connection", [When(ConnectNetwork, Yes)], ["6.2(2)⑥"], RuleEffects.None),
            new FormRule("media-from-outside", [When(DeviceKind, Media)], ["6.4(3)②"], RuleEffects.None),
        ],
    };
}
