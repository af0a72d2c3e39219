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

    public FormReply Start(FormKind kind, string? text = null) => Last = service.Start(Who, kind, text);

    public FormReply Send(JsonElement payload) => Last = service.HandleCardSubmit(Who, payload);

    public FormReply Click(string title, IReadOnlyDictionary<string, string>? inputs = null) => Send(Payload(Card, title, inputs));

    public FormReply Next(params (string Field, string Value)[] inputs) => Click("次へ", inputs.ToDictionary(i => i.Field, i => i.Value));

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

    /// <summary>The red message right below the field's input, if any.</summary>
    public static string? ErrorFor(JsonObject card, string fieldId)
    {
        var body = card["body"]!.AsArray();
        for (var i = 0; i < body.Count - 1; i++)
        {
            if ((string?)body[i]!["id"] == FormCardData.InputId(fieldId))
            {
                var next = body[i + 1]!;
                return (string?)next["color"] == "Attention" ? (string?)next["text"] : null;
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

    private static IEnumerable<JsonObject> Elements(JsonObject card)
    {
        var stack = new Stack<JsonObject>((card["body"]?.AsArray() ?? []).Select(n => n!.AsObject()).Reverse());
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            foreach (var child in (element["items"]?.AsArray() ?? []).Select(n => n!.AsObject()).Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
