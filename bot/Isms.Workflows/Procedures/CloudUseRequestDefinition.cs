using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>
/// クラウド利用申請. 機密性2以上 takes the 8.3 route (the selection conditions of 8.3(3) as a checklist, decided by the
/// 利用申請の許可権限者); otherwise 8.4 (the applicant confirms the terms, the 情報セキュリティ責任者 decides).
/// </summary>
public static class CloudUseRequestDefinition
{
    // Field ids: used by the rules here and by what reads the record (register, return, chase).
    public const string ServiceName = "serviceName";
    public const string Provider = "provider";
    public const string Purpose = "purpose";
    public const string ConfidentialityLevel = "confidentiality";
    public const string Users = "users";
    // The クラウドサービス管理者 named in the request (8.3(5)③, 8.4(2)①), asked on the last page of each route.
    public const string ServiceManager = "serviceManager";
    public const string ServiceManagerPublic = "serviceManagerPublic";

    private static readonly FieldCondition HoldsConfidential = When(ConfidentialityLevel, Level2OrAbove);
    private static readonly FieldCondition HoldsPublicOnly = When(ConfidentialityLevel, "1");

    public static FormDefinition Create() => new(
        FormKind.CloudUseRequest,
        Title: "クラウド利用申請",
        NumberPrefix: "クラウド",
        Introduction: "クラウドサービスを業務で使うには申請が必要です。扱う情報の機密性によって、確認する項目が変わります。",
        Clauses: ["8.4(2)①", "8.3(5)①"],
        Steps:
        [
            new FormStep("利用したいサービス",
            [
                Text(ServiceName, "サービス名", "8.4(2)①", "8.3(5)①") with { Prefill = PrefillSource.CloudService },
                Text(Provider, "提供事業者", "8.3(5)①") with { Required = false },
                LongText(Purpose, "利用する業務・目的", "8.4(2)①", "8.3(5)①"),
            ]),
            new FormStep("扱う情報と利用者",
            [
                LongText("dataDescription", "クラウドに保存・入力する情報", "8.4(2)①", "8.3(5)①"),
                Confidentiality(ConfidentialityLevel, "取り扱う情報の機密性（最も高いもの）", "8.4(2)①", "8.3(5)①"),
                Text(Users, "利用する職員の範囲", "8.3(5)①") with { Placeholder = "例: 警防課の職員5名", RemembersLastAnswer = true },
            ]),
            new FormStep("提供条件の確認（情報の扱い）",
            [
                Confirm("noSecondaryUse", "組合の情報を提供事業者が目的外に利用しないことを確認しました", "8.3(3)②(ア)")
                    with { VisibleWhen = [HoldsConfidential] },
                Text("dataLocation", "情報が保存される国・地域と、削除（廃棄）の方法", "8.3(3)⑦(イ)")
                    with { VisibleWhen = [HoldsConfidential] },
                Confirm("jurisdiction", "国内法以外の法令が適用されるリスクと、準拠法・裁判管轄を確認しました", "8.3(3)⑤")
                    with { VisibleWhen = [HoldsConfidential] },
                Confirm("subcontracting", "再委託の有無と、再委託先の情報セキュリティ対策を確認しました", "8.3(3)⑥")
                    with { VisibleWhen = [HoldsConfidential] },
            ]),
            new FormStep("提供条件の確認（サービスの継続）",
            [
                Confirm("serviceLevel", "サービスレベルの保証内容を確認しました", "8.3(3)④(イ)")
                    with { VisibleWhen = [HoldsConfidential] },
                Confirm("auditAcceptance", "情報セキュリティ監査の受入れについて確認しました", "8.3(3)④(ア)")
                    with { VisibleWhen = [HoldsConfidential] },
                Confirm("exitPlan", "サービスの中断・終了時に業務とデータを移行できることを確認しました", "8.3(3)③")
                    with { VisibleWhen = [HoldsConfidential] },
                Text("certifications", "取得している認証（ISMAP、ISO/IEC 27017 など）", "8.3(3)⑧")
                    with { VisibleWhen = [HoldsConfidential], Help = "分からない場合は「不明」と入力してください。" },
                Text(ServiceManager, "クラウドサービス管理者とする職員（所属・氏名）", "8.3(5)③")
                    with { VisibleWhen = [HoldsConfidential], Required = false, Placeholder = "例: 警防課 山田 太郎（承認時に指名されます）" },
            ]),
            new FormStep("利用規約の確認",
            [
                Confirm("termsChecked", "利用規約（約款）などの提供条件を確認し、利用に伴うリスクが許容できることを確認しました", "8.4(2)①")
                    with { VisibleWhen = [HoldsPublicOnly] },
                Text("termsUrl", "確認した利用規約のURL", "8.4(2)①") with { VisibleWhen = [HoldsPublicOnly], Required = false },
                Text(ServiceManagerPublic, "クラウドサービス管理者とする職員（所属・氏名）", "8.4(2)①")
                    with { VisibleWhen = [HoldsPublicOnly], Required = false, Placeholder = "例: 警防課 山田 太郎（承認時に指名されます）" },
            ]),
        ])
    {
        NextStep = "情報セキュリティ責任者が確認し、利用の可否を判断します。",
        AfterApproval = "クラウド台帳に登録されました。承認された目的と範囲で利用を始められます。登録内容は「クラウド台帳」で確認できます（根拠: 8.3(5)③、8.4(2)②）。",
        CommandWords = ["クラウド利用申請"],
        // An approved cloud service enters the クラウド台帳 (8.3(5)③, 8.4(2)②) in the approval's transaction.
        OnApproved = approved => new CloudServiceRegister(approved.Database).Add(approved.Record, approved.ApproverName, approved.At),
        Rules =
        [
            new FormRule("route-8.3", [HoldsConfidential], ["8.3(5)①", "8.3(5)②", "8.3(5)③"], RuleEffects.None)
            {
                NextStep = "機密性2以上の情報を扱うため、まず所属の情報セキュリティ責任者が選定条件を確かめて利用申請の許可権限者に申請し、許可権限者が審査して判断します。承認されると、申請したクラウドサービス管理者が指名され、クラウド台帳に記録されます（根拠: 8.3(5)①〜③）。",
            },
            new FormRule("route-8.4", [HoldsPublicOnly], ["8.4(2)①", "8.4(2)②"], RuleEffects.None)
            {
                NextStep = "情報セキュリティ責任者が申請内容を確認し、利用の可否を判断して記録します（根拠: 8.4(2)②）。",
            },
        ],
    };
}
