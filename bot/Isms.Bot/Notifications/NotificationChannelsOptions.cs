using System.ComponentModel.DataAnnotations;

namespace Isms.Bot.Notifications;

/// <summary>
/// Teams channels the bot posts to (section <c>Channels</c>). Each is optional; the bot learns how to reach a channel
/// when it sees any activity there (install it in the team and @mention it once).
/// </summary>
public sealed class NotificationChannelsOptions
{
    public const string SectionName = "Channels";
    private const string ChannelIdPattern = @"^19:[^\s;]{1,200}$";

    /// <summary>管理者 channel: notifications that could not be delivered are reported here.</summary>
    [RegularExpression(ChannelIdPattern, ErrorMessage = "Channels:AdminChannelId must be a Teams channel id (19:…@thread.tacv2).")]
    public string? AdminChannelId { get; set; }

    /// <summary>Approvals channel: a decision card goes here when an approver cannot be reached in a personal chat.</summary>
    [RegularExpression(ChannelIdPattern, ErrorMessage = "Channels:ApprovalsChannelId must be a Teams channel id (19:…@thread.tacv2).")]
    public string? ApprovalsChannelId { get; set; }

    /// <summary>CSIRT の統一的な窓口 (1(9)): incident reports are posted here at once (5.3(1)①).</summary>
    [RegularExpression(ChannelIdPattern, ErrorMessage = "Channels:CsirtChannelId must be a Teams channel id (19:…@thread.tacv2).")]
    public string? CsirtChannelId { get; set; }
}
