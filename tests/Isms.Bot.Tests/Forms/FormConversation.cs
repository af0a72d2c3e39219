using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Forms;

/// <summary>
/// One person in Teams talking to the real host: sends messages, reads the last card, types into its inputs by field id
/// and presses its buttons. A press sends what Teams sends: the action's data merged with every input's current value
/// (typed, or the value the card came with), unless the action has <c>associatedInputs: none</c>.
/// </summary>
internal sealed class FormConversation(HttpClient client, TeamsUser user)
{
    public TeamsUser User => user;

    public JsonArray Replies { get; private set; } = [];

    /// <summary>The last card of the last replies.</summary>
    public JsonObject Card => ReplyCards(Replies).LastOrDefault()
        ?? throw new InvalidOperationException("The last replies have no card: " + string.Join(" / ", Texts));

    public IReadOnlyList<string> Texts => TeamsActivities.Texts(Replies).ToList();

    /// <summary>How many card submits (button presses) this person has sent: the taps a form costs.</summary>
    public int Submits { get; private set; }

    public Task<JsonArray> Say(string text) => Post(PersonalMessage(user, text));

    /// <summary>Presses <paramref name="title"/> on the last card with <paramref name="typed"/> typed into its inputs.</summary>
    public Task<JsonArray> Press(string title, params (string Field, string Value)[] typed) => Send(SubmitValue(Card, title, typed));

    /// <summary>Sends a card submit with exactly this value (what a tampering client could send).</summary>
    public Task<JsonArray> Send(JsonObject value)
    {
        Submits++;
        return Post(CardSubmit(user, value));
    }

    private async Task<JsonArray> Post(JsonObject activity)
    {
        var (status, replies) = await PostAsync(client, activity);
        Assert.Equal(HttpStatusCode.OK, status);
        return Replies = replies;
    }

    /// <summary>Presses 次へ from the last card to the confirmation, typing on each card the answers for the questions it shows.</summary>
    public async Task FillIn(params (string Field, string Value)[] answers) =>
        await FillIn(Card, answers, async value =>
        {
            await Send(value);
            return Card;
        });

    /// <summary>
    /// Presses 次へ from <paramref name="card"/> until the form's confirmation card, which it returns: each card gets the
    /// answers for the questions it shows, however the form cuts its cards. <paramref name="send"/> sends a card submit
    /// and returns the card that answers it.
    /// </summary>
    public static async Task<JsonObject> FillIn(JsonObject card, IEnumerable<(string Field, string Value)> answers, Func<JsonObject, Task<JsonObject>> send)
    {
        var byField = answers.GroupBy(a => a.Field).ToDictionary(g => g.Key, g => g.Last().Value);
        for (var presses = 0; !AllText(card).Contains("の内容確認", StringComparison.Ordinal); presses++)
        {
            if (presses >= 10 || AllText(card).Contains("入力内容を確認してください", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The form did not reach its confirmation: " + AllText(card));
            }

            card = await send(SubmitValue(card, "次へ", FieldIds(card).Where(byField.ContainsKey).Select(f => (f, byField[f]))));
        }

        return card;
    }

    /// <summary>The value Teams puts on the activity when <paramref name="title"/> is pressed on <paramref name="card"/>.</summary>
    public static JsonObject SubmitValue(JsonObject card, string title, IEnumerable<(string Field, string Value)>? typed = null)
    {
        var action = Descendants(card).FirstOrDefault(n => IsAction(n) && (string?)n["title"] == title)
            ?? throw new InvalidOperationException($"No button {title} on the card; it has {string.Join(", ", ButtonTitles(card))}");
        var value = action["data"]!.AsObject().DeepClone().AsObject();
        var typedById = (typed ?? []).ToDictionary(t => "f_" + t.Field, t => t.Value);
        var inputs = Inputs(card);
        var unknown = typedById.Keys.Except(inputs.Select(i => (string)i["id"]!)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The card has no input {string.Join(", ", unknown)}; it has {string.Join(", ", FieldIds(card))}");
        }

        if ((string?)action["associatedInputs"] != "none")
        {
            foreach (var input in inputs)
            {
                var id = (string)input["id"]!;
                value[id] = typedById.TryGetValue(id, out var text) ? text : (string?)input["value"] ?? "";
            }
        }

        return value;
    }

    public static IReadOnlyList<string> FieldIds(JsonObject card) =>
        Inputs(card).Select(i => ((string)i["id"]!)["f_".Length..]).ToList();

    public static string? InputValue(JsonObject card, string fieldId) =>
        (string?)Inputs(card).Single(i => (string?)i["id"] == "f_" + fieldId)["value"];

    /// <summary>The red message right below the field's input (in the card's body or in its column), or null.</summary>
    public static string? ErrorFor(JsonObject card, string fieldId)
    {
        foreach (var items in Descendants(card).Select(n => n["items"] ?? n["body"]).OfType<JsonArray>().Prepend(card["body"]!.AsArray()))
        {
            var index = items.ToList().FindIndex(e => (string?)e?["id"] == "f_" + fieldId);
            if (index >= 0)
            {
                var next = index + 1 < items.Count ? items[index + 1] : null;
                return (string?)next?["color"] == "Attention" ? (string?)next["text"] : null;
            }
        }

        throw new InvalidOperationException($"No input for {fieldId} on the card");
    }

    public static IReadOnlyDictionary<string, string> Facts(JsonObject card) =>
        Descendants(card).Where(n => (string?)n["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray())
            .GroupBy(f => (string)f!["title"]!)
            .ToDictionary(g => g.Key, g => (string)g.First()!["value"]!);

    public static string AllText(JsonObject card) => string.Join("\n", CardTexts(card));

    private static bool IsAction(JsonObject node) => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true;
}
