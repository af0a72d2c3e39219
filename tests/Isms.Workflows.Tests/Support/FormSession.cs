using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Workflows.Forms;

namespace Isms.Workflows.Tests.Support;

/// <summary>
/// Plays one person in the chat: starts forms and presses buttons on the last card, sending what a Teams client
/// sends (the action's data plus the card's non-empty input values, unless the action sends no inputs).
/// </summary>
public sealed class FormSession(FormService service, Applicant who)
{
    public Applicant Who { get; } = who;
    public FormReply Last { get; set; } = new([], null);
    public JsonObject Card => Last.Messages.LastOrDefault(m => m.Card is not null)?.Card
        ?? throw new InvalidOperationException("The last reply has no card: " + string.Join(" / ", Texts));

    public IReadOnlyList<string> Texts => Last.Messages.Where(m => m.Text is not null).Select(m => m.Text!).ToList();

    /// <summary>Every text the bot said in this session, in order (a notice shown on an earlier page too).</summary>
    public List<string> AllTexts { get; } = [];

    public FormReply Start(FormKind kind, string? text = null) => Keep(service.Start(Who, kind, text));

    public FormReply Send(JsonElement payload) => Keep(service.HandleCardSubmit(Who, payload));

    private FormReply Keep(FormReply reply)
    {
        Last = reply;
        AllTexts.AddRange(Texts);
        return reply;
    }

    public FormReply Click(string title, IReadOnlyDictionary<string, string>? inputs = null) => Send(Payload(Card, title, inputs));

    /// <summary>Presses 次へ with <paramref name="inputs"/> typed; a field given twice takes the later value.</summary>
    public FormReply Next(params (string Field, string Value)[] inputs) =>
        Click("次へ", inputs.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Last().Value));

    /// <summary>Whether the last card is the confirmation (it has 送信).</summary>
    public bool AtConfirmation => ButtonTitles(Card).Contains("送信");

    /// <summary>
    /// Presses 次へ on each card with <paramref name="answers"/> typed into the fields the card shows, until the
    /// confirmation, or a card that shows errors or the same questions again. Returns how many times 次へ was pressed.
    /// </summary>
    public int FillIn(params (string Field, string Value)[] answers)
    {
        var presses = 0;
        while (!AtConfirmation && presses < 12)
        {
            var before = InputFieldIds(Card);
            Next(answers);
            presses++;
            if (Last.Messages.All(m => m.Card is null))
            {
                break; // the form ended (nothing to apply for)
            }

            if (AllText(Card).Contains("入力内容を確認してください", StringComparison.Ordinal)
                || (!AtConfirmation && InputFieldIds(Card).SequenceEqual(before)))
            {
                break;
            }
        }

        return presses;
    }

    /// <summary>The payload a client sends when <paramref name="title"/> is pressed with the given inputs (by field id) typed.</summary>
    public static JsonElement Payload(JsonObject card, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var action = Actions(card).FirstOrDefault(a => (string?)a["title"] == title)
            ?? throw new InvalidOperationException($"No button {title} on the card");
        var data = action["data"]!.AsObject().DeepClone().AsObject();
        if ((string?)action["associatedInputs"] != "none")
        {
            foreach (var input in Inputs(card))
            {
                var id = (string)input["id"]!;
                var fieldId = id[FormCardData.InputPrefix.Length..];
                var value = inputs is not null && inputs.TryGetValue(fieldId, out var typed) ? typed : (string?)input["value"];
                if (!string.IsNullOrEmpty(value))
                {
                    data[id] = value;
                }
            }
        }

        return JsonSerializer.SerializeToElement(data);
    }

    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        Elements(card).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static IReadOnlyList<string> InputFieldIds(JsonObject card) =>
        Inputs(card).Select(i => ((string)i["id"]!)[FormCardData.InputPrefix.Length..]).ToList();

    public static string? InputValue(JsonObject card, string fieldId) =>
        (string?)Inputs(card).FirstOrDefault(i => (string?)i["id"] == FormCardData.InputId(fieldId))?["value"];

    /// <summary>The red message right below the field's input (in the card or in its column), if any.</summary>
    public static string? ErrorFor(JsonObject card, string fieldId)
    {
        foreach (var list in Lists(card))
        {
            for (var i = 0; i < list.Count; i++)
            {
                if ((string?)list[i]!["id"] == FormCardData.InputId(fieldId))
                {
                    var next = i + 1 < list.Count ? list[i + 1]! : null;
                    return (string?)next?["color"] == "Attention" ? (string?)next["text"] : null;
                }
            }
        }

        throw new InvalidOperationException($"No input for {fieldId} on the card");
    }

    public static IReadOnlyList<string> ButtonTitles(JsonObject card) => Actions(card).Select(a => (string)a["title"]!).ToList();

    public static IReadOnlyDictionary<string, string> Facts(JsonObject card) =>
        Elements(card).Where(e => (string?)e["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray())
            .GroupBy(f => (string)f!["title"]!)
            .ToDictionary(g => g.Key, g => (string)g.First()!["value"]!);

    public static string AllText(JsonObject card) =>
        string.Join("\n", Elements(card).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string)e["text"]!));

    private static IEnumerable<JsonObject> Actions(JsonObject card) =>
        (card["actions"]?.AsArray() ?? []).Select(a => a!.AsObject())
            .Concat(Elements(card).Where(e => (string?)e["type"] == "ActionSet").SelectMany(s => s["actions"]!.AsArray().Select(a => a!.AsObject())));

    /// <summary>Every element in document order, inside containers and columns too.</summary>
    private static IEnumerable<JsonObject> Elements(JsonObject card) => Walk(card["body"]?.AsArray() ?? []);

    private static IEnumerable<JsonObject> Walk(JsonArray list)
    {
        foreach (var element in list.Select(n => n!.AsObject()))
        {
            yield return element;
            var children = (element["columns"]?.AsArray() ?? []).Select(c => c!["items"]?.AsArray() ?? []).Prepend(element["items"]?.AsArray() ?? []);
            foreach (var child in children.SelectMany(Walk))
            {
                yield return child;
            }
        }
    }

    /// <summary>The body and every element list nested in it (container items, columns' items).</summary>
    private static IEnumerable<JsonArray> Lists(JsonObject card)
    {
        var pending = new Queue<JsonArray>([card["body"]?.AsArray() ?? []]);
        while (pending.Count > 0)
        {
            var list = pending.Dequeue();
            yield return list;
            foreach (var element in list.Select(n => n!.AsObject()))
            {
                if (element["items"] is JsonArray items)
                {
                    pending.Enqueue(items);
                }

                foreach (var column in (element["columns"]?.AsArray() ?? []).Select(c => c!.AsObject()))
                {
                    pending.Enqueue(column["items"]?.AsArray() ?? []);
                }
            }
        }
    }
}
