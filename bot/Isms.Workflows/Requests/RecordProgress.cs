using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Incidents;
using Isms.Workflows.Routing;

namespace Isms.Workflows.Requests;

/// <summary>
/// Where a record stands now and what happens next, in the words of <see cref="StateWords"/>: what the receipt, 申請状況,
/// the status cards and the notices say. Derived from the record and its approval or incident every time it is shown,
/// never stored, so it cannot keep the text from before a decision.
/// </summary>
/// <param name="IsOpen">Someone still has something to do (an incident until the CSIRT closes it).</param>
/// <param name="Approval">The approval as it stands, when the record was routed for one.</param>
public sealed record RecordProgress(string State, string NextStep, bool IsOpen, ApprovalView? Approval = null)
{
    /// <summary>From the record alone (the form engine before any workflow started, tests without a host).</summary>
    public static RecordProgress Basic(RequestRecord record) => Of(record, null, null);

    public static RecordProgress Of(RequestRecord record, ApprovalView? approval, IncidentView? incident)
    {
        ArgumentNullException.ThrowIfNull(record);
        return incident is not null
            ? new RecordProgress(incident.Status.Label(), NextSteps.ForIncident(incident), incident.Status != IncidentStatus.Closed, approval)
            : new RecordProgress(record.Status.Label(), NextSteps.ForRecord(record, approval), record.Status.IsOpen(), approval);
    }
}

/// <summary>Reads a record's <see cref="RecordProgress"/> from its approval or incident as they stand now.</summary>
public sealed class RecordProgressReader(ApprovalService approvals, IncidentService incidents)
{
    public RecordProgress Of(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RecordProgress.Of(record, approvals.Find(record.Id), record.IsIncident ? incidents.Find(record.Id) : null);
    }
}

/// <summary>次の対応: what happens next, from the state a record is in now (who has it, what the person is to do).</summary>
public static class NextSteps
{
    public static string ForRecord(RequestRecord record, ApprovalView? approval)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (approval is { State: ApprovalState.Pending } pending && record.Status is RequestStatus.Submitted or RequestStatus.PendingApproval)
        {
            var what = pending.CurrentTask ?? (pending.CurrentAction == StepAction.Acknowledge ? "内容を確認します" : "内容を確認し、承認するかどうかを判断します");
            var clause = pending.CurrentClause is { Length: > 0 } c ? $"（根拠: {c}）" : "";
            var notes = pending.CurrentStepNotes is { Count: > 0 } n ? string.Concat(n) : "";
            return $"{Who(pending.CurrentStepSpokenLabel ?? pending.CurrentStepLabel ?? "", pending.CurrentDeciderNames)}が{what}{clause}。{notes}";
        }

        return record.Status switch
        {
            RequestStatus.Submitted or RequestStatus.PendingApproval => record.NextStep,
            RequestStatus.Approved => FormCatalog.Standard.Get(record.Kind).AfterApproval ?? "承認された内容のとおりに進めてください。",
            RequestStatus.Returned => "差戻しの理由を確認し、「修正して再申請」から内容を直して送信してください。",
            RequestStatus.Rejected => "却下の理由を確認してください。必要であれば、内容を見直して改めて申請してください。",
            RequestStatus.Withdrawn => "取り下げたため、対応は不要です。",
            RequestStatus.Acknowledged => "確認されました。管理者から連絡があれば対応してください。",
            RequestStatus.Closed when record.ReturnedAt is not null => "返却が記録され、完了しました。対応は不要です。",
            _ => "完了しました。対応は不要です。",
        };
    }

    public static string ForIncident(IncidentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status switch
        {
            IncidentStatus.Reported =>
                $"{Who(view.AcknowledgerLabel ?? "情報セキュリティ管理者", view.AcknowledgerNames)}が内容を確認し、上位の責任者へ報告します。" +
                "CSIRTが状況を評価し、必要な指示をします（根拠: 5.3(1)②③、5.3(3)①③）。連絡があれば対応できるようにしてください。",
            IncidentStatus.Acknowledged => "管理者の確認が済みました。CSIRTが状況を評価し、必要な指示をします（根拠: 5.3(3)①③）。連絡があれば対応できるようにしてください。",
            IncidentStatus.Assessed when view.Containment is { } containment => $"CSIRTの指示に従って対応してください: {containment}",
            IncidentStatus.Assessed when view.IsIncident == false => "CSIRTは情報セキュリティインシデントには当たらないと評価しました。CSIRTが記録を締めくくるまでお待ちください。",
            IncidentStatus.Assessed => "CSIRTが対応しています。指示があれば、このチャットでお知らせします。",
            _ => view.Prevention is { } prevention ? $"対応は完了しました。再発防止策: {prevention}" : "対応は完了しました。",
        };
    }

    /// <summary>警防課の情報セキュリティ管理者の佐藤 花子さん; the post alone when nobody holds it.</summary>
    public static string Who(string label, IReadOnlyList<string> names) =>
        names.Count == 0 ? $"{label}（組織名簿に不在）" : $"{label}の{string.Join("、", names.Select(n => $"{n}さん"))}";
}
