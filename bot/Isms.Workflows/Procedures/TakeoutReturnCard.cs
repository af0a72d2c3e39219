using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Procedures;

/// <summary>The 返却 card: the person's approved, unreturned 持ち出し, each with 返却しました.</summary>
public static class TakeoutReturnCard
{
    private static readonly string[] ShownFields =
    [
        TakeoutRequestDefinition.ItemKind, TakeoutRequestDefinition.AssetNumber, TakeoutRequestDefinition.Destination, TakeoutRequestDefinition.EndDate,
    ];

    public static JsonObject Create(IReadOnlyList<RequestRecord> outstanding)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("返却（持ち込み）の記録", TextTone.Heading))
            .Add(TextBlock(FormCardRenderer.CitationText([TakeoutReturns.Clause]), TextTone.Help));
        if (outstanding.Count == 0)
        {
            return card.Add(TextBlock("返却を記録する持ち出しはありません（承認済みで未返却のものが対象です）。")).ToJson();
        }

        card.Add(TextBlock("持ち出した物を職場に戻したら「返却しました」を押してください。返却（持ち込み）として記録します。"));
        foreach (var record in outstanding.Take(20))
        {
            var facts = ShownFields
                .Where(id => record.Answers.TryGetValue(id, out var a) && !string.IsNullOrWhiteSpace(a.Display))
                .Select(id => (record.Answers[id].Label, record.Answers[id].Display))
                .ToList();
            card.Add(Container(
            [
                TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading),
                FactSet(facts),
                ActionSet([SubmitAction("返却しました", new JsonObject { ["isms"] = TakeoutReturns.CheckInMarker, ["record"] = record.Id }, "positive", sendInputs: false)]),
            ], separator: true));
        }

        return card.ToJson();
    }

    /// <summary>For the 管理者 who keeps the record: a return the holder recorded, with 返却を確認.</summary>
    public static JsonObject ForKeeper(RequestRecord record)
    {
        var facts = new List<(string, string)> { ("申請者", record.Applicant.Name) };
        facts.AddRange(ShownFields
            .Where(id => record.Answers.TryGetValue(id, out var a) && !string.IsNullOrWhiteSpace(a.Display))
            .Select(id => (record.Answers[id].Label, record.Answers[id].Display)));
        if (record.ReturnedAt is { } returned) facts.Add(("返却の記録", JapanTime.FormatDateTime(returned)));
        return new AdaptiveCard()
            .Add(TextBlock("持ち出しの返却の確認", TextTone.Heading))
            .Add(TextBlock($"{record.Number}　{record.Title}", TextTone.Subheading))
            .Add(FactSet(facts))
            .Add(TextBlock("物品が戻ったことを確かめたら「返却を確認」を押してください。持ち出し・持ち込みの記録として残ります。", TextTone.Note))
            .Add(TextBlock(FormCardRenderer.CitationText([TakeoutReturns.Clause]), TextTone.Help))
            .AddAction(SubmitAction("返却を確認", new JsonObject { ["isms"] = TakeoutReturns.CheckInMarker, ["record"] = record.Id }, "positive", sendInputs: false))
            .ToJson();
    }
}
