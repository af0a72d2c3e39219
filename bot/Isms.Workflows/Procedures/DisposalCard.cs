using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Procedures;

/// <summary>The 廃棄記録 card: the earliest permitted disposal not yet recorded, asking 実施日・実施者・方法 (2(2)⑩(イ));
/// and the 管理者's copy of what was recorded.</summary>
public static class DisposalCard
{
    private static readonly string[] ShownFields = ["disposalKind", DisposalRequestDefinition.Asset, DisposalRequestDefinition.PlannedDate];

    public static JsonObject Create(IReadOnlyList<RequestRecord> outstanding, DateOnly today)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("廃棄・リース返却の実施記録", TextTone.Heading))
            .Add(TextBlock(FormCardRenderer.CitationText([DisposalRecords.Clause]), TextTone.Help));
        if (outstanding.Count == 0)
        {
            return card.Add(TextBlock("実施を記録する廃棄・リース返却はありません（許可されて未記録のものが対象です）。")).ToJson();
        }

        var record = outstanding[0];
        var planned = record.Answers.GetValueOrDefault(DisposalRequestDefinition.PlannedMethod)?.Value;
        card.Add(TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading))
            .Add(FactSet(Facts(record)))
            .Add(DateInput("doneOn", "実施日", null, true, null, FieldValues.FormatDate(today)))
            .Add(TextInput("doneBy", "実施者（業者のときは業者名も）", null, DisposalRecords.MaxNameLength, multiline: false, required: true, placeholder: "例: 警防課 山田、○○リース株式会社"))
            .Add(ChoiceInput("doneMethod", "実施した処理", DisposalRequestDefinition.Methods.Select(m => (m.Value, m.Title)), planned, required: true, compact: true));
        if (outstanding.Count > 1)
        {
            card.Add(TextBlock($"ほかに{outstanding.Count - 1}件あります。記録すると次を表示します。", TextTone.Help));
        }

        return card.AddAction(SubmitAction("記録する", new JsonObject { ["isms"] = DisposalRecords.Marker, ["record"] = record.Id }, "positive")).ToJson();
    }

    /// <summary>For the 情報セキュリティ管理者: what the applicant recorded (no action: the record is complete).</summary>
    public static JsonObject ForKeeper(RequestRecord record) =>
        new AdaptiveCard()
            .Add(TextBlock("廃棄・リース返却の実施記録", TextTone.Heading))
            .Add(TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading))
            .Add(FactSet([("申請者", record.Applicant.Name), .. Facts(record),
                .. new[] { DisposalRecords.DoneOn, DisposalRecords.DoneBy, DisposalRecords.DoneMethod }
                    .Where(record.Answers.ContainsKey).Select(id => (record.Answers[id].Label, record.Answers[id].Display))]))
            .Add(TextBlock(FormCardRenderer.CitationText([DisposalRecords.Clause]), TextTone.Help))
            .ToJson();

    private static List<(string, string)> Facts(RequestRecord record) =>
        ShownFields.Where(id => record.Answers.TryGetValue(id, out var a) && !string.IsNullOrWhiteSpace(a.Display))
            .Select(id => (record.Answers[id].Label, record.Answers[id].Display))
            .ToList();
}
