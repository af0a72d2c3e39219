namespace Isms.Workflows.Approvals;

/// <summary>The titles of approval notifications: the first line of the message and what the chat list previews.</summary>
public static class NotificationTitles
{
    public const string Request = "承認のお願い";
    public const string AcknowledgeRequest = "確認のお願い";
    public const string Received = "報告が届きました";
    public const string Approved = "申請が承認されました";
    public const string ApprovedStep = "申請の承認が進みました";
    public const string Returned = "申請が差し戻されました";
    public const string Rejected = "申請が却下されました";
    public const string Acknowledged = "報告が確認されました";
    public const string BecameIncident = "報告がインシデントとして扱われました";
    public const string Withdrawn = "申請が取り下げられました";

    public static string ForApplicant(Decision decision, bool final) => decision switch
    {
        Decision.Approve => final ? Approved : ApprovedStep,
        Decision.Return => Returned,
        Decision.Reject => Rejected,
        Decision.ReportIncident => BecameIncident,
        _ => Acknowledged,
    };
}
