namespace Isms.Workflows.Forms;

/// <summary>Settings of the guided forms. Bound from the "Forms" configuration section.</summary>
public sealed class FormsOptions
{
    public const string SectionName = "Forms";

    /// <summary>Who approves web meetings hosted outside, as the form says it. The 利用手順 (6.1(21)①) decides; with the routing
    /// rules registered it is taken from them (Routing:WebMeetingApprover), so the form and the routing agree.</summary>
    public string WebMeetingApprover { get; set; } = "所属の情報セキュリティ管理者";

    /// <summary>The union's first response to a suspected virus, 「事前に決められた」 by 6.4(3)⑦, one step an entry
    /// (Forms:MalwareFirstResponse:0, :1 …). Empty: the clause's own (take the device off the network).</summary>
    public List<string> MalwareFirstResponse { get; set; } = [];

    /// <summary>The measures a 持ち出し of 機密性2以上 can take (2(2)⑧(ア) 「必要に応じ」), one an entry
    /// (Forms:TakeoutMeasures:0, :1 …). Empty: the clause's own (encryption or a password, a locked case, or both).
    /// The form always adds 「対策は不要（理由を入力）」.</summary>
    public List<string> TakeoutMeasures { get; set; } = [];

    /// <summary>Whether an invitation to an outside web meeting needs an application (6.1(21)④ 「必要に応じて」, as the
    /// 利用手順 says). False: only a device or network other than the issued ones needs one (5.1(1)④, 6.1(19)①).</summary>
    public bool WebMeetingInvitationNeedsApproval { get; set; } = true;

    /// <summary>How far back 申請状況 shows finished records.</summary>
    public int RecentDays { get; set; } = 30;
}
