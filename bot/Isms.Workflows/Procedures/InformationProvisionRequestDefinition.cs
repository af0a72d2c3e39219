using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// 外部への情報提供申請: giving 機密性2以上 information to anyone outside the union (the police, a hospital, an insurer,
/// a member town …) needs the 情報セキュリティ管理者's permission (2(2)⑨(イ)); encryption where needed, or why none
/// (2(2)⑨(ア)). 機密性1 needs no permission, so the form offers only 2 and 3.
/// </summary>
public static class InformationProvisionRequestDefinition
{
    public static readonly FormKind Kind = new("information_provision_request");

    // Field ids: used by the rules here and by what reads the record.
    public const string Method = "method";
    public const string Encryption = "encryption";

    public static readonly IReadOnlyList<ChoiceOption> RecipientKinds =
    [
        new("police", "警察"),
        new("hospital", "医療機関（病院など）"),
        new("insurer", "保険会社"),
        new("member_town", "構成市町"),
        new("other", "その他の外部の機関・個人"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> Methods =
    [
        new("paper", "紙で手渡し・郵送"),
        new("email", "電子メール"),
        new("media", "記録媒体（CD・USBメモリなど）"),
        new("online", "システム・ファイル共有サービス"),
        new("oral", "電話・口頭"),
    ];

    public static readonly IReadOnlyList<ChoiceOption> EncryptionChoices =
    [
        new(Yes, "パスワードなどで暗号化する（パスワードは別の手段で伝える）"),
        new(No, "暗号化しない"),
        new(NotApplicable, "紙・電話・口頭なので該当しない"),
    ];

    public const string NotApplicable = "not_applicable";

    public static FormDefinition Create() => new(
        Kind,
        Title: "外部への情報提供申請",
        NumberPrefix: "提供",
        Introduction: "機密性2以上の情報を外部（警察・医療機関・保険会社・構成市町など）に提供するには、情報セキュリティ管理者の許可が必要です。公表済みの情報（機密性1）の提供には許可は要りません。",
        Clauses: ["2(2)⑨(イ)"],
        Steps:
        [
            new FormStep("提供先と情報",
            [
                Choice("recipientKind", "提供先の種類", RecipientKinds, "2(2)⑨(イ)"),
                Text("recipient", "提供先（機関名・部署・担当者）", "2(2)⑨(イ)") with { Placeholder = "例: 館林警察署 刑事課 ○○様" },
                Text("requestReference", "照会・依頼の内容（照会文書の番号など）", "2(2)⑨(イ)") with { Required = false, Placeholder = "例: 令和8年6月1日付 館警刑第123号" },
            ]),
            new FormStep("提供する情報",
            [
                LongText("information", "提供する情報", "2(2)⑨(イ)") with { Placeholder = "例: 令和8年5月20日の救急出場記録（傷病者1名分）" },
                Choice("confidentiality", "提供する情報の機密性（最も高いもの）", ConfidentialityClasses.Where(c => c.Value != "1").ToList(), "2(1)", "2(2)⑨(イ)")
                    with
                    {
                        IsConfidentiality = true,
                        Help = "迷うときは高い方を選んでください。公表済みの情報（機密性1）だけなら、この申請は要りません。",
                    },
            ]),
            new FormStep("個人情報と提供日",
            [
                Choice("personalData", "個人情報を含みますか", YesNo, "2(2)⑨(イ)"),
                Date("provideDate", "提供する日", DateRule.TodayOrLaterWithinYear, "2(2)⑨(イ)") with { Prefill = PrefillSource.StartDate },
            ]),
            new FormStep("提供の方法",
            [
                Choice(Method, "提供の方法", Methods, "2(2)⑨(ア)"),
                Choice(Encryption, "暗号化", EncryptionChoices, "2(2)⑨(ア)"),
                LongText("otherMeasures", "その他の対策", "2(2)⑨(ア)") with { Required = false, Placeholder = "例: 封筒に入れて手渡しし、受領印をもらう" },
            ]),
            // Asked once the answer is known: a card cannot show a field depending on another input of the same card.
            new FormStep("暗号化しない理由",
            [
                LongText("noEncryptionReason", "暗号化しない理由", "2(2)⑨(ア)") with { VisibleWhen = [When(Encryption, No)] },
            ]),
        ])
    {
        CommandWords = ["外部への情報提供申請", "情報提供申請"],
        NextStep = "所属の情報セキュリティ管理者が内容を確認し、提供を許可するかどうかを判断します（根拠: 2(2)⑨(イ)）。許可されるまで提供しないでください。",
        Rules =
        [
            new FormRule("encrypted-or-why-not", [When(Method, "email", "media", "online")], ["2(2)⑨(ア)"], RuleEffects.None),
        ],
    };
}
