using System.Globalization;
using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Incidents;

/// <summary>
/// Incident cards (Adaptive Cards 1.5, Universal Actions). <see cref="ForAcknowledger"/>: the 管理者's 確認 button;
/// <see cref="ForCsirt"/>: the CSIRT's assessment and closing inputs; <see cref="Timeline"/>: what everyone else sees.
/// Every card refreshes for the 管理者 and the CSIRT, whose refresh returns the card they may act on.
/// </summary>
public static class IncidentCards
{
    public const string IsIncidentInputId = "isIncident";
    public const string SeverityInputId = "severity";
    public const string ContainmentInputId = "containment";
    public const string CauseInputId = "cause";
    public const string PreventionInputId = "prevention";
    public const string PressInputId = "press";
    public const string InstructionInputId = "instruction";

    public static JsonObject ForAcknowledger(IncidentView view)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("インシデント報告の確認依頼", TextTone.Heading))
            .Add(FactSet(Facts(view)))
            .AddRange(Answers(view))
            .AddRange(TimelineElements(view))
            .Add(TextBlock(view.ChiefMayAcknowledge
                ? "情報セキュリティ管理者がまだ確認していません。管理者が不在で代理もいないときは、統括情報セキュリティ責任者として代わりに確認できます。" +
                  "確認すると、情報システム管理者（5.3(1)②）、CISOと情報セキュリティ責任者（5.3(1)③）に報告されます。"
                : "情報セキュリティ管理者として内容を確認し、「確認」を押してください。確認すると、統括情報セキュリティ責任者と情報システム管理者（5.3(1)②）、" +
                  "CISOと情報セキュリティ責任者（5.3(1)③）に報告されます。", TextTone.Note))
            .AddAction(Execute(view.ChiefMayAcknowledge ? "管理者に代わって確認" : "確認", IncidentText.AcknowledgeVerb, view, "positive"));
        return WithRefresh(card.ToJson(), view);
    }

    public static JsonObject ForCsirt(IncidentView view)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("インシデント報告（CSIRT）", TextTone.Heading))
            .Add(FactSet(Facts(view)))
            .AddRange(Answers(view))
            .AddRange(Considerations(view))
            .AddRange(TimelineElements(view))
            .Add(Container(
            [
                TextBlock("CSIRTの評価（5.3(3)①〜③、1(9)⑤）", TextTone.Subheading),
                ChoiceInput(IsIncidentInputId, "情報セキュリティインシデントに当たりますか",
                    [("yes", "はい"), ("no", "いいえ")], view.IsIncident switch { true => "yes", false => "no", _ => null }, required: true),
                ChoiceInput(SeverityInputId, "重要度（インシデントに当たる場合）",
                    [("high", "高"), ("medium", "中"), ("low", "低")], view.Severity?.Code(), required: false),
                TextInput(ContainmentInputId, "指示した応急措置・復旧（5.3(3)③）", view.Containment, IncidentService.MaxTextLength, multiline: true,
                    required: false, placeholder: "例: 該当端末をネットワークから切り離し、パスワードを変更するよう指示"),
                TextBlock("外部への報告が必要なもの（インシデントと評価すると、CISO・総務省・群馬県・組合構成市町への報告 1(9)⑤ は必ず入ります）", TextTone.Subheading),
                .. Enum.GetValues<OutsideReport>().Where(r => r.IsOptional()).Select(r => Toggle(r, view.OutsideReports.Contains(r))),
                ActionSet([Execute("評価を記録", IncidentText.TriageVerb, view, "positive")]),
            ], separator: true));
        if (view.Status == IncidentStatus.Assessed && view.IsIncident == true)
        {
            card.Add(OutsideChecklist(view));
        }

        if (view.Status == IncidentStatus.Assessed)
        {
            card.Add(Container(
            [
                TextBlock("対応の完了（5.3(3)④）", TextTone.Subheading),
                TextBlock("原因と再発防止策を記録して完了します。CISOに報告されます。", TextTone.Help),
                TextInput(CauseInputId, "原因（必須）", null, IncidentService.MaxTextLength, multiline: true, required: false, placeholder: null),
                TextInput(PreventionInputId, "再発防止策（必須）", null, IncidentService.MaxTextLength, multiline: true, required: false, placeholder: null),
                ActionSet([Execute("対応を完了", IncidentText.CloseVerb, view, "default")]),
            ], separator: true));
        }

        return WithRefresh(card.ToJson(), view);
    }

    /// <summary>The incident's state and timeline, without buttons.</summary>
    public static JsonObject Timeline(IncidentView view)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock($"{view.Title}（{view.Number}）", TextTone.Heading))
            .Add(FactSet(Facts(view)));
        if (view.Status == IncidentStatus.Closed)
        {
            card.Add(Container([TextBlock("対応の結果", TextTone.Subheading), FactSet([("原因", view.Cause ?? ""), ("再発防止策", view.Prevention ?? "")])], separator: true));
        }

        if (view.OutsideItems.Count > 0) card.Add(OutsideFacts(view));
        card.AddRange(Instructions(view))
            .AddRange(TimelineElements(view))
            .Add(TextBlock(FormCardRenderer.CitationText(TimelineClauses), TextTone.Help));
        return WithRefresh(card.ToJson(), view);
    }

    /// <summary>For the CISO after the close: cause and prevention as the CSIRT reported them, and the instruction to record (5.3(3)⑤).</summary>
    public static JsonObject ForCiso(IncidentView view)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock($"{view.Title}（{view.Number}）", TextTone.Heading))
            .Add(FactSet(Facts(view)))
            .Add(Container([TextBlock("CSIRTからの報告（5.3(3)④）", TextTone.Subheading), FactSet([("原因", view.Cause ?? ""), ("再発防止策", view.Prevention ?? "")])], separator: true));
        if (view.OutsideItems.Count > 0) card.Add(OutsideFacts(view));
        card.AddRange(Instructions(view))
            .AddRange(TimelineElements(view))
            .Add(Container(
            [
                TextBlock("CISOの指示（5.3(3)⑤）", TextTone.Subheading),
                TextBlock("報告の内容を確認し、再発防止策を実施するために必要な措置を指示してください。指示はCSIRTと情報セキュリティ責任者に届きます。", TextTone.Help),
                TextInput(InstructionInputId, "指示の内容", null, IncidentService.MaxTextLength, multiline: true, required: false,
                    placeholder: "例: 全所属で公用スマートフォンのストラップ固定を徹底するよう指示"),
                ActionSet([Execute("指示を記録", IncidentText.InstructVerb, view, "positive")]),
            ], separator: true));
        return WithRefresh(card.ToJson(), view);
    }

    /// <summary>The CSIRT's list of outside reports (1(9)⑤⑥): each open one with its button, the press decision.</summary>
    private static JsonObject OutsideChecklist(IncidentView view)
    {
        var items = new List<JsonObject> { TextBlock("外部への報告（1(9)⑤⑥）", TextTone.Subheading), FactSet(OutsideLines(view)) };
        var open = view.OutsideItems.Where(i => i.DoneAt is null).Select(i => i.Report).ToList();
        if (open.Count > 0)
        {
            items.Add(TextBlock("報告したら、報告先のボタンを押して記録してください。", TextTone.Help));
            items.Add(ActionSet([.. open.Select(r => Execute($"{r.Label()}に報告済み", IncidentText.OutsideReportedVerb, view, "default", ("report", r.Code())))]));
        }

        if (view.PressNeeded is null)
        {
            items.Add(ChoiceInput(PressInputId, "報道機関への通知・公表（重要度や影響範囲を勘案して判断 1(9)⑥）",
                [("yes", "必要"), ("no", "不要")], null, required: false));
            items.Add(ActionSet([Execute("判断を記録", IncidentText.PressVerb, view, "default")]));
        }

        return Container(items, separator: true);
    }

    private static JsonObject OutsideFacts(IncidentView view) =>
        Container([TextBlock("外部への報告（1(9)⑤⑥）", TextTone.Subheading), FactSet(OutsideLines(view))], separator: true);

    private static IEnumerable<(string, string)> OutsideLines(IncidentView view)
    {
        foreach (var item in view.OutsideItems)
            yield return (item.Report.Label(), item.DoneAt is { } at ? $"報告済み（{item.DoneByName}、{JapanTime.FormatShort(at)}）" : "未報告");
        if (view.IsIncident == true && !view.OutsideItems.Any(i => i.Report == OutsideReport.Press))
            yield return (OutsideReport.Press.Label(), view.PressNeeded == false ? "不要と判断" : "未判断");
    }

    private static IEnumerable<JsonObject> Instructions(IncidentView view)
    {
        if (view.Instructions.Count == 0) yield break;
        yield return Container(
        [
            TextBlock("CISOの指示（5.3(3)⑤）", TextTone.Subheading),
            FactSet(view.Instructions.Select(i => ($"{JapanTime.FormatShort(i.At)} {i.ByName}", i.Text))),
        ], separator: true);
    }


    /// <summary>What the timeline rests on, as real clause ids: the report up the chain (5.3(1)①〜③), the CSIRT's
    /// assessment, report to the CISO, instruction and closing (5.3(3)①〜④), the outside reports (1(9)⑤).</summary>
    private static readonly string[] TimelineClauses = ["5.3(1)①", "5.3(1)②", "5.3(1)③", "5.3(3)①", "5.3(3)②", "5.3(3)③", "5.3(3)④", "5.3(3)⑤", "1(9)⑤", "1(9)⑥"];

    private static IEnumerable<(string, string)> Facts(IncidentView view)
    {
        yield return ("受付番号", view.Number);
        yield return ("報告者", view.ReporterName);
        yield return ("所属", view.Department ?? "未登録");
        yield return ("機密性", view.Confidentiality);
        yield return ("報告日時", JapanTime.FormatDateTime(view.ReportedAt));
        yield return ("状態", view.Status.Label());
        if (view.IsIncident is { } isIncident)
            yield return ("CSIRTの評価", isIncident ? $"インシデント（重要度: {view.Severity?.Label() ?? "未設定"}）" : "インシデントに当たらない");
        if (view.Containment is not null) yield return ("応急措置の指示", view.Containment);
        if (view.OutsideReports.Count > 0) yield return ("外部への報告", string.Join("、", view.OutsideReports.Select(r => r.Label())));
    }

    private static IEnumerable<JsonObject> Answers(IncidentView view) => AnswerElements.Create(view.Answers, "報告の内容");

    private static IEnumerable<JsonObject> Considerations(IncidentView view)
    {
        if (view.Considerations.Count == 0) yield break;
        yield return TextBlock("検討事項", TextTone.Subheading);
        foreach (var item in view.Considerations) yield return TextBlock("・" + item, TextTone.Help);
    }

    private static IEnumerable<JsonObject> TimelineElements(IncidentView view)
    {
        yield return Container(
        [
            TextBlock("経過", TextTone.Subheading),
            FactSet(view.Timeline.Select(t => (JapanTime.FormatShort(t.At), $"{t.ActorName}: {t.Note}（{t.Clause}）"))),
        ], separator: true);
    }

    private static JsonObject Toggle(OutsideReport report, bool isOn)
    {
        var toggle = ToggleInput(report.InputId(), report.Label(), $"{report.Label()}への報告（根拠 {report.Clause()}）", isOn, required: false);
        toggle.Remove("label");
        return toggle;
    }

    private static JsonObject Execute(string title, string verb, IncidentView view, string style, (string Key, string Value)? extra = null)
    {
        var data = new JsonObject { ["recordId"] = view.RecordId, ["version"] = view.CardVersion };
        if (extra is { } e) data[e.Key] = e.Value;
        return new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["style"] = style, ["data"] = data };
    }

    private static JsonObject WithRefresh(JsonObject card, IncidentView view)
    {
        card["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "更新",
                ["verb"] = IncidentText.RefreshVerb,
                ["data"] = new JsonObject { ["recordId"] = view.RecordId },
            },
            ["userIds"] = new JsonArray([.. view.AcknowledgerTeamsUserIds.Concat(view.CsirtTeamsUserIds).Distinct().Select(id => (JsonNode)id)]),
        };
        return card;
    }
}
