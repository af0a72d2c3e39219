using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Procedures;

/// <summary>The 例外措置一覧 card: the person's 例外措置 in force, each with 終了 and 延長申請 (also sent before the end).</summary>
public static class ExceptionMeasureCard
{
    private static readonly string[] ShownFields = ["rule", ExceptionMeasureRequestDefinition.EndDate];

    public static JsonObject Create(IReadOnlyList<RequestRecord> inForce)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("許可された例外措置", TextTone.Heading))
            .Add(TextBlock(FormCardRenderer.CitationText([ExceptionMeasures.Clause]), TextTone.Help));
        if (inForce.Count == 0)
        {
            return card.Add(TextBlock("期間中の例外措置はありません。")).ToJson();
        }

        card.Add(TextBlock("終わったら「終了」を、続けるときは終了日の前に「延長申請」を押してください。"));
        foreach (var record in inForce.Take(10))
        {
            card.Add(Item(record));
        }

        return card.ToJson();
    }

    /// <summary>One 例外措置 with its two buttons under <paramref name="heading"/>: the chase job's cards before and
    /// after the end date.</summary>
    public static JsonObject ForOne(RequestRecord record, string heading) =>
        new AdaptiveCard().Add(TextBlock(heading, TextTone.Heading)).Add(Item(record))
            .Add(TextBlock(FormCardRenderer.CitationText([ExceptionMeasures.Clause]), TextTone.Help)).ToJson();

    private static JsonObject Item(RequestRecord record) => Container(
    [
        TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading),
        FactSet(ShownFields.Where(id => record.Answers.TryGetValue(id, out var a) && !string.IsNullOrWhiteSpace(a.Display))
            .Select(id => (record.Answers[id].Label, record.Answers[id].Display)).ToList()),
        ActionSet(
        [
            SubmitAction("終了", Data(record, ExceptionMeasures.CloseStep), sendInputs: false),
            SubmitAction("延長申請", Data(record, ExceptionMeasures.RenewStep), "positive", sendInputs: false),
        ]),
    ], separator: true);

    private static JsonObject Data(RequestRecord record, string step) =>
        new() { ["isms"] = ExceptionMeasures.Marker, ["record"] = record.Id, ["step"] = step };
}
