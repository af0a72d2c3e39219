using Isms.Workflows.Incidents;

namespace Isms.Workflows.Requests;

/// <summary>
/// The one vocabulary of states: how 申請状況, インシデント状況, the cards and the notices name where a record stands.
/// An incident's states use the words of the record states they match (a report waits for 確認 either way), so the
/// same state never reads two ways.
/// </summary>
public static class StateWords
{
    private static readonly Dictionary<RequestStatus, string> Records = new()
    {
        [RequestStatus.Submitted] = "確認待ち",
        [RequestStatus.PendingApproval] = "承認待ち",
        [RequestStatus.Approved] = "承認済み",
        [RequestStatus.Returned] = "差戻し",
        [RequestStatus.Rejected] = "却下",
        [RequestStatus.Withdrawn] = "取り下げ",
        [RequestStatus.Acknowledged] = "確認済み",
        [RequestStatus.Closed] = "完了",
    };

    private static readonly Dictionary<IncidentStatus, string> Incidents = new()
    {
        [IncidentStatus.Reported] = Records[RequestStatus.Submitted],
        [IncidentStatus.Acknowledged] = Records[RequestStatus.Acknowledged],
        [IncidentStatus.Assessed] = "対応中",
        [IncidentStatus.Closed] = Records[RequestStatus.Closed],
    };

    public static string Label(this RequestStatus status) => Records.GetValueOrDefault(status) ?? status.ToString();

    public static string Label(this IncidentStatus status) => Incidents.GetValueOrDefault(status) ?? status.ToString();
}
