namespace Isms.Workflows.Forms;

/// <summary>Settings of the guided forms. Bound from the "Forms" configuration section.</summary>
public sealed class FormsOptions
{
    public const string SectionName = "Forms";

    /// <summary>Who approves web meetings hosted outside; the 利用手順 (6.1(21)①) decides, so it is a setting.</summary>
    public string WebMeetingApprover { get; set; } = "所属の情報セキュリティ管理者";

    /// <summary>How far back 申請状況 shows finished records.</summary>
    public int RecentDays { get; set; } = 30;
}
