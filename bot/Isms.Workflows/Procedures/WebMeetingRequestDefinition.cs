using Isms.Workflows.Forms;
using static Isms.Workflows.Procedures.Fields;

namespace Isms.Workflows.Procedures;

/// <summary>Web会議申請: joining a web meeting hosted by an outside organisation (6.1(21)④), with the measures of 6.1(21)②.</summary>
public static class WebMeetingRequestDefinition
{
    // Field ids: used by the rules here and by what reads the record (register, return, chase).
    public const string Service = "service";
    public const string ConfidentialityLevel = "confidentiality";
    public const string Terminal = "terminal";
    public const string Network = "network";
    public const string MeetingRole = "meetingRole";
    public const string Invited = "invited";
    public const string Host = "host";

    /// <summary>6.1(21)③ is the host's duty, not an application: what the bot says instead of taking one.</summary>
    public const string HostDuties =
        "Web会議を主催するときは、申請は不要です（主催者の対策は 6.1(21)③ に定められています）。主催者として次のことを行ってください。\n"
        + "・会議に無関係の者が参加できないようにする: URL やパスコードは参加者にだけ伝え、待機室などで本人を確かめてから入れる（6.1(21)③）\n"
        + "・参加者と扱う情報に応じた対策をとる: 画面共有は必要な資料に限り、録画するときは参加者に伝える（6.1(21)②）\n"
        + "・支給された端末と、情報システム管理者が定めたネットワークを使う（5.1(1)④、6.1(19)①）\n"
        + "詳しくは統括情報セキュリティ責任者が定めた Web会議の利用手順に従ってください（6.1(21)①）。";

    /// <summary>When the 利用手順 asks no application for an invitation (Forms:WebMeetingInvitationNeedsApproval = false).</summary>
    public const string NoApplicationForInvitation =
        "支給された端末と定められたネットワークで参加するため、利用手順により申請は不要です（6.1(21)④）。"
        + "参加者と扱う情報に応じた対策をとって参加してください（6.1(21)②）。"
        + "支給以外の端末や、定められた以外のネットワークを使うときは申請してください（5.1(1)④、6.1(19)①）。";

    public static readonly IReadOnlyList<ChoiceOption> Services =
    [
        new("zoom", "Zoom"),
        new("teams", "Microsoft Teams"),
        new("webex", "Webex"),
        new("google_meet", "Google Meet"),
        new("other", "その他"),
    ];

    /// <param name="approver">Who approves, as set by the 利用手順 of the 統括情報セキュリティ責任者 (6.1(21)①).</param>
    /// <param name="invitationNeedsApproval">Whether the 利用手順 asks an application for every invitation (6.1(21)④
    /// 「必要に応じて」); when not, only one on a device or network other than the issued ones needs it.</param>
    public static FormDefinition Create(string approver, bool invitationNeedsApproval = true) => new(
        FormKind.WebMeetingRequest,
        Title: "Web会議申請",
        NumberPrefix: "Web会議",
        Introduction: "外部からWeb会議に招待されたときは、利用手順に従って申請し、承認を得てください。主催するときは申請は不要です。",
        Clauses: ["6.1(21)④", "6.1(21)②"],
        Steps:
        [
            new FormStep("会議の概要",
            [
                Text("hostOrganisation", "主催団体", "6.1(21)④") with { Prefill = PrefillSource.HostOrganisation, RemembersLastAnswer = true },
                Text("meetingTitle", "会議名", "6.1(21)④") with { Prefill = PrefillSource.MeetingTitle },
                Choice(Service, "Web会議サービス", Services, "6.1(21)④") with { Prefill = PrefillSource.MeetingService },
            ]),
            new FormStep("日時",
            [
                Text("serviceOther", "サービス名", "6.1(21)④") with { VisibleWhen = [When(Service, "other")] },
                Date("meetingDate", "開催日", DateRule.TodayOrLaterWithinYear, "6.1(21)④") with { Prefill = PrefillSource.StartDate },
                Time("startTime", "開始時刻", "6.1(21)④") with { Prefill = PrefillSource.StartTime },
                Time("endTime", "終了予定時刻", "6.1(21)④") with { Required = false, Prefill = PrefillSource.EndTime },
            ]),
            new FormStep("参加者と取り扱う情報",
            [
                LongText("participants", "参加する職員", "6.1(21)②")
                    with { Help = "参加する職員の氏名と所属を入力してください。", Default = FieldDefault.Applicant },
                Confidentiality(ConfidentialityLevel, "会議で取り扱う情報の機密性（最も高いもの）", "6.1(21)②"),
                Choice("recording", "録画・録音",
                [
                    new("none", "しない"),
                    new("host", "主催者が録画・録音する"),
                    new("self", "当方で録画・録音する"),
                ], "6.1(21)②"),
            ]),
            new FormStep("参加のしかた",
            [
                Choice(MeetingRole, "会議とのかかわり", [new(Invited, "外部から招待されて参加する"), new(Host, "当組合が主催する")], "6.1(21)③", "6.1(21)④")
                    // Invited unless the words say 主催; the confirmation card shows it, and 主催 there ends the form (6.1(21)③).
                    with { Prefill = PrefillSource.MeetingRole, Default = FieldDefault.FirstChoice },
                Choice(Terminal, "使用する端末", [new("issued", "支給端末"), new("other", "支給端末以外")], "6.1(21)②") with { RemembersLastAnswer = true },
                Choice(Network, "接続するネットワーク",
                [
                    new("office", "庁内のネットワーク"),
                    new("mobile_router", "公用のモバイルルーター"),
                    new("other", "その他"),
                ], "6.1(21)②") with { RemembersLastAnswer = true },
            ]),
            new FormStep("追加の確認",
            [
                LongText("terminalReason", "支給端末以外を使う理由", "5.1(1)④(ア)") with { VisibleWhen = [When(Terminal, "other")] },
                LongText("networkReason", "そのネットワークを使う理由", "6.1(19)①") with { VisibleWhen = [When(Network, "other")] },
                LongText("confidentialMeasures", "機密性2以上の情報を扱うための対策", "6.1(21)②")
                    with
                    {
                        VisibleWhen = [When(ConfidentialityLevel, Level2OrAbove)],
                        Help = "例: 画面共有する資料を必要なものに限る、周囲に第三者がいない場所で参加する。",
                    },
            ]),
        ])
    {
        AfterApproval = "承認された内容で会議に参加できます。申請した端末とネットワークを使ってください（根拠: 6.1(21)②）。",
        CommandWords = ["web会議申請"],
        NextStep = $"{approver}が内容を確認し、参加を承認するかどうかを判断します（根拠: 6.1(21)④）。",
        Rules =
        [
            new FormRule("hosting", [When(MeetingRole, Host)], ["6.1(21)③"], RuleEffects.EndsForm) { Notice = HostDuties },
            .. invitationNeedsApproval ? Array.Empty<FormRule>() :
            [
                new FormRule("invitation-without-application", [When(MeetingRole, Invited), When(Terminal, "issued"), WhenNot(Network, "other")],
                    ["6.1(21)④"], RuleEffects.EndsForm) { Notice = NoApplicationForInvitation },
            ],
            // 5.1(1)④(ア): a device other than the issued ones needs the 管理者's permission; 6.1(19)①: an issued device
            // connects only to the networks the 情報システム管理者 set.
            new FormRule("non-issued-terminal", [When(Terminal, "other")], ["5.1(1)④(ア)"], RuleEffects.None),
            new FormRule("other-network", [When(Network, "other")], ["6.1(19)①"], RuleEffects.None),
        ],
    };
}
