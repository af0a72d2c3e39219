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

    /// <summary>How far back 申請状況 shows finished records.</summary>
    public int RecentDays { get; set; } = 30;
}
