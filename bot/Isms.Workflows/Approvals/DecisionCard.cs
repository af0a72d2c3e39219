using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Approvals;

/// <summary>
/// Approval cards (Adaptive Cards 1.5, Universal Actions). <see cref="ForApprovers"/> carries the 承認 / 差戻し / 却下
/// (or 確認 / 差戻し) Action.Execute buttons and a refresh for the people who may decide; <see cref="Status"/> is what
/// everyone else sees, and, once decided or withdrawn, every copy (refresh.userIds empty, no buttons).
/// </summary>
public static class DecisionCard
{
    public const string CommentInputId = "comment";

    /// <param name="commentError">Why a decision was refused for its comment (差戻し without a reason), shown in red under
    /// the comment box as the forms show their field errors; the buttons stay so the approver can try again.</param>
    /// <param name="notice">Why the last press was refused (a stale card), in red at the top; the buttons are current.</param>
    public static JsonObject ForApprovers(ApprovalView view, string? commentError = null, string? notice = null)
    {
        var acknowledge = view.CurrentAction == StepAction.Acknowledge;
        var card = new AdaptiveCard();
        if (notice is not null)
        {
            card.Add(TextBlock(notice, TextTone.Error));
        }

        card
            .Add(TextBlock($"{view.Title}の{(acknowledge ? "確認" : "承認")}依頼{Resubmission(view)}", TextTone.Heading))
            .Add(FactSet(Facts(view)))
            .AddRange(ChangeElements(view))
            .AddRange(Answers(view))
            .AddRange(DecisionElements(view))
            .Add(TextBlock(view.CurrentTask is { } task
                ? $"{view.CurrentStepSpokenLabel ?? view.CurrentStepLabel}として{task}。根拠: {view.CurrentClause}"
                : $"{view.CurrentStepSpokenLabel ?? view.CurrentStepLabel}として判断してください。根拠: {view.CurrentClause}", TextTone.Note))
            .Add(TextInput(CommentInputId, "コメント（差戻し・却下のときは必須）", null, ApprovalService.MaxCommentLength, multiline: true,
                required: false, placeholder: "差戻し・却下の理由、承認の条件など"));
        if (commentError is not null)
        {
            card.Add(TextBlock(commentError, TextTone.Error));
        }

        Decision[] decisions = !acknowledge ? [Decision.Approve, Decision.Return, Decision.Reject]
            : view.CanReportIncident ? [Decision.Acknowledge, Decision.ReportIncident, Decision.Return]
            : [Decision.Acknowledge, Decision.Return];
        foreach (var decision in decisions)
        {
            card.AddAction(Execute(decision, view));
        }

        var json = card.ToJson();
        json["refresh"] = Refresh(view, view.DeciderTeamsUserIds);
        return json;
    }

    /// <summary>
    /// The status: while pending, with a refresh for the deciders (Teams then shows them <see cref="ForApprovers"/>);
    /// once final, with <c>refresh.userIds: []</c> so nobody gets buttons again.
    /// </summary>
    public static JsonObject Status(ApprovalView view)
    {
        var pending = view.State == ApprovalState.Pending;
        var card = new AdaptiveCard()
            .Add(TextBlock($"{view.Title}（{view.Number}）{Resubmission(view)}", TextTone.Heading))
            .Add(FactSet([.. Facts(view), ("状態", StatusText(view))]))
            .AddRange(ChangeElements(view))
            .AddRange(Answers(view))
            .AddRange(DecisionElements(view));
        if (pending)
        {
            card.Add(TextBlock($"{view.CurrentStepLabel}（{string.Join("、", view.CurrentDeciderNames)}）の判断を待っています。", TextTone.Help));
        }
        else if (view.State == ApprovalState.Withdrawn)
        {
            card.Add(TextBlock("申請者が取り下げました。判断は不要です。", TextTone.Help));
        }

        var json = card.Add(TextBlock(FormCardRenderer.CitationText(view.Clauses), TextTone.Help)).ToJson();
        // A confirmed report that may still become an incident keeps refreshing for those who may do it (ConfirmedReport).
        json["refresh"] = Refresh(view, pending || view.CanReportIncident ? view.DeciderTeamsUserIds : []);
        return json;
    }

    /// <summary>
    /// A confirmed report (誤送信報告) as its 管理者 and their stand-ins see it: the status, and 「インシデントとして報告」
    /// (5.3(1)①), which stays until the report has been made an incident.
    /// </summary>
    public static JsonObject ConfirmedReport(ApprovalView view)
    {
        var json = new AdaptiveCard()
            .Add(TextBlock($"{view.Title}（{view.Number}）", TextTone.Heading))
            .Add(FactSet([.. Facts(view), ("状態", StatusText(view))]))
            .AddRange(Answers(view))
            .AddRange(DecisionElements(view))
            .Add(TextBlock("確認の後でも、情報セキュリティインシデントに当たると分かったときは、インシデントとして報告できます。根拠: 5.3(1)①", TextTone.Note))
            .Add(TextInput(CommentInputId, "コメント（任意）", null, ApprovalService.MaxCommentLength, multiline: true, required: false,
                placeholder: "インシデントと判断した理由など"))
            .AddAction(Execute(Decision.ReportIncident, view))
            .ToJson();
        json["refresh"] = Refresh(view, view.DeciderTeamsUserIds);
        return json;
    }

    /// <summary>The card every copy should show after a change: the status card (deciders get buttons through refresh).</summary>
    public static JsonObject ForEveryone(ApprovalView view) => Status(view);

    private static string StatusText(ApprovalView view)
    {
        var last = view.Decisions.LastOrDefault();
        return view.State switch
        {
            ApprovalState.Pending => $"{view.Status.Label()}（{view.CurrentStepLabel}）",
            ApprovalState.Decided when last is not null => $"{view.Status.Label()}（{last.DeciderName}さん、{JapanTime.FormatDateTime(last.At)}）",
            _ => view.Status.Label(),
        };
    }

    private static IEnumerable<(string, string)> Facts(ApprovalView view) => new (string Title, string Value)[]
    {
        ("受付番号", view.Number),
        ("申請者", view.ApplicantName),
        ("所属", view.Department ?? "未登録"),
        ("様式", view.Title),
        ("機密性", view.Confidentiality),
        ("申請日時", JapanTime.FormatDateTime(view.SubmittedAt)),
        ("根拠", StepClauses(view)),
        ("関連する記録", view.LinkedRecord ?? ""),
    }.Where(f => f.Value.Length > 0);

    /// <summary>The clause of the step being decided, else those the steps were decided under; the record's clauses
    /// (often several) are cited once, at the bottom of the status card.</summary>
    private static string StepClauses(ApprovalView view)
    {
        IEnumerable<string> clauses = view.CurrentClause is { } current ? [current]
            : view.Decisions.Select(d => d.Clause).OfType<string>().Distinct().ToList() is { Count: > 0 } decided ? decided
            : [];
        return string.Join("、", clauses);
    }

    private static IEnumerable<JsonObject> Answers(ApprovalView view) => AnswerElements.Create(view.Answers, "申請内容");

    private static string Resubmission(ApprovalView view) => view.Resubmitted ? "（再申請）" : "";

    /// <summary>For a resubmission: what the applicant changed since the 差戻し (the 差戻し itself is in the decisions).</summary>
    private static IEnumerable<JsonObject> ChangeElements(ApprovalView view)
    {
        if (!view.Resubmitted) yield break;
        var changes = view.ChangesSinceReturn ?? [];
        yield return Container(
        [
            TextBlock("差戻し後に変更された項目", TextTone.Subheading),
            changes.Count == 0
                ? TextBlock("回答の変更はありません。", TextTone.Help)
                : FactSet(changes.Select(c => (c.Label, $"{AnswerElements.Preview(c.Before)} → {AnswerElements.Preview(c.After)}"))),
        ], separator: true);
    }

    private static IEnumerable<JsonObject> DecisionElements(ApprovalView view)
    {
        foreach (var d in view.Decisions)
        {
            var who = d.ActingFor is null ? d.DeciderName : $"{d.DeciderName}（{d.ActingFor}の代理）";
            var facts = new List<(string, string)> { ("判断", d.Decision.Label()), ("判断者", $"{who}（{d.StepLabel}）"), ("日時", JapanTime.FormatDateTime(d.At)) };
            if (d.Comment is not null) facts.Add(("コメント", d.Comment));
            yield return Container([TextBlock("判断の記録", TextTone.Subheading), FactSet(facts)], separator: true);
        }
    }

    private static JsonObject Execute(Decision decision, ApprovalView view)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = decision.Label(),
            ["verb"] = decision.Verb(),
            ["data"] = new JsonObject { ["recordId"] = view.RecordId, ["version"] = view.CardVersion },
        };
        action["style"] = decision switch
        {
            Decision.Approve or Decision.Acknowledge => "positive",
            Decision.Reject => "destructive",
            _ => "default",
        };
        return action;
    }

    private static JsonObject Refresh(ApprovalView view, IEnumerable<string> userIds) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "更新",
            ["verb"] = DecisionText.RefreshVerb,
            ["data"] = new JsonObject { ["recordId"] = view.RecordId },
        },
        ["userIds"] = new JsonArray([.. userIds.Select(id => (JsonNode)id)]),
    };
}
