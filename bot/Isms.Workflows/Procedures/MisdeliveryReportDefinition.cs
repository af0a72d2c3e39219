using Isms.Workflows.Requests;
using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>誤送信報告: a report to the 情報セキュリティ管理者 (6.1(15)④), an incident when personal data or 機密性3 went out.</summary>
public static class MisdeliveryReportDefinition
{
    // Field ids: used by the rules here and by what reads the record (register, return, chase).
    public const string HasAttachment = "hasAttachment";
    public const string ConfidentialityLevel = "confidentiality";
    public const string PersonalData = "personalData";

    public static readonly IReadOnlyList<ChoiceOption> PersonCounts =
    [
        new("1-9", "1〜9人"),
        new("10-99", "10〜99人"),
        new("100-999", "100〜999人"),
        new("1000+", "1,000人以上"),
        new("unknown", "分からない"),
    ];

    public static FormDefinition Create() => new(
        FormKind.MisdeliveryReport,
        Title: "誤送信報告",
        NumberPrefix: "誤送信",
        Introduction: "重要な電子メールを誤送信した場合は、情報セキュリティ管理者への報告が必要です。分かる範囲で入力してください。",
        Clauses: ["6.1(15)④"],
        Steps:
        [
            new FormStep("送信したメール",
            [
                Date("sentDate", "送信した日", DateRule.TodayOrEarlier, "6.1(15)④") with { Prefill = PrefillSource.EventDate, Default = FieldDefault.Today },
                Time("sentTime", "送信したおおよその時刻", "6.1(15)④") with { Required = false, Prefill = PrefillSource.StartTime },
                Text("recipientAddress", "誤って送った宛先（メールアドレス）", "6.1(15)④") with { MaxLengthOverride = 254 },
                Text("recipientOrganisation", "宛先の組織名・氏名（分かる範囲で）", "6.1(15)④") with { Required = false, Prefill = PrefillSource.Organisation },
            ]),
            new FormStep("宛先と件名",
            [
                Choice("recipientScope", "宛先は組合の外部ですか", [new("outside", "外部（組合外）"), new("inside", "組合内")], "6.1(15)④"),
                Text("subject", "件名", "6.1(15)④"),
                Choice(HasAttachment, "添付ファイルはありましたか", YesNo, "6.1(15)④"),
            ]),
            new FormStep("送った情報",
            [
                Text("attachmentNames", "添付ファイル名", "6.1(15)④") with { VisibleWhen = [When(HasAttachment, Yes)] },
                Confidentiality(ConfidentialityLevel, "送った情報の機密性（最も高いもの）"),
                Choice(PersonalData, "個人情報は含まれていましたか", YesNoUnknown, "5.3(1)④"),
            ]),
            new FormStep("気付いた経緯",
            [
                Choice("personalDataCount", "含まれていた個人情報のおおよその人数", PersonCounts, "5.3(1)④")
                    with { VisibleWhen = [When(PersonalData, Yes)] },
                LongText("howNoticed", "誤送信に気付いた経緯", "6.1(15)④"),
            ]),
            new FormStep("相手への対応",
            [
                Choice("deletionStatus", "相手への削除の依頼",
                [
                    new("confirmed", "削除を依頼し、削除を確認した"),
                    new("requested", "削除を依頼した（確認はまだ）"),
                    new("not_yet", "まだ依頼していない"),
                    new("unreachable", "相手と連絡がつかない"),
                ], "6.1(15)④"),
                LongText("actionsTaken", "その他に行った対応", "6.1(15)④") with { Required = false },
            ]),
        ])
    {
        CommandWords = ["誤送信報告"],
        BecomesIncident = MisdeliveryIncident.From,
        InitialStatus = RequestStatus.Submitted,
        NextStep = "所属の情報セキュリティ管理者が内容を確認します（根拠: 6.1(15)④）。",
        Rules =
        [
            new FormRule("incident-personal-data", [When(PersonalData, Yes)], ["5.3(1)①", "5.3(1)④"], RuleEffects.MarkIncident)
            {
                NextStep = "個人情報を含むため情報セキュリティインシデントとして扱い、情報セキュリティ管理者から統括情報セキュリティ責任者等へ報告されます。個人情報保護委員会への報告の要否も検討されます（根拠: 5.3(1)②④）。",
            },
            // 「分からない」 is handled as 「はい」 (the safe side): an incident until the 管理者 finds out otherwise.
            new FormRule("incident-personal-data-unknown", [When(PersonalData, Unknown)], ["5.3(1)①", "5.3(1)④"], RuleEffects.MarkIncident)
            {
                NextStep = "個人情報が含まれているか分からないため、含まれている場合と同じく情報セキュリティインシデントとして扱い、情報セキュリティ管理者から統括情報セキュリティ責任者等へ報告されます。個人情報保護委員会への報告の要否も検討されます（根拠: 5.3(1)②④）。",
            },
            new FormRule("incident-confidentiality-3", [When(ConfidentialityLevel, Level3)], ["5.3(1)①", "5.3(1)②"], RuleEffects.MarkIncident)
            {
                NextStep = "機密性3の情報のため情報セキュリティインシデントとして扱い、情報セキュリティ管理者から統括情報セキュリティ責任者等へ報告されます（根拠: 5.3(1)②）。",
            },
        ],
    };
}
