using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Incidents;

/// <summary>The sample directory's people as Teams users, and what Teams sends when they act on an incident card.</summary>
internal static class IncidentTeams
{
    public static readonly TeamsUser Yamada = User("yamada", "山田 太郎", 1);
    public static readonly TeamsUser Sato = User("sato", "佐藤 花子", 2);
    public static readonly TeamsUser Suzuki = User("suzuki", "鈴木 一郎", 3);
    public static readonly TeamsUser Takahashi = User("takahashi", "高橋 次郎", 4);
    public static readonly TeamsUser Tanaka = User("tanaka", "田中 三郎", 5);
    public static readonly TeamsUser Kato = User("kato", "加藤 直樹", 7);
    public static readonly TeamsUser Saito = User("saito", "斎藤 健一", 101);
    public static readonly TeamsUser Stranger = new("29:stranger-inc", "部外 者", "99999999-0000-4000-8000-000000000999");

    public const string CsirtChannel = "19:general@thread.tacv2";

    private static TeamsUser User(string id, string name, int n) => new($"29:{id}-inc", name, $"00000000-0000-4000-8000-{n:D12}");

    /// <summary>A message through the host's loopback connector, so the bot can reach this person (or channel) later.</summary>
    public static Task Hello(BotHost host, TeamsUser user, bool inCsirtChannel = false) =>
        inCsirtChannel ? host.MentionInChannel(user, CsirtChannel) : host.Say(user, "ヘルプ");

    /// <summary>山田 reports a lost phone through the form (a message, 次へ on each card and 送信); returns the 受付番号 and what the
    /// bot answered the 送信 with (expectReplies: every reply of that turn).</summary>
    public static async Task<(string Number, JsonArray Replies)> Report(HttpClient client)
    {
        var person = new FormConversation(client, Yamada);
        await person.Say("インシデント報告");
        await person.FillIn(("incidentKind", "loss_theft"), ("foundTime", "08:30"), ("description", "公用スマートフォンが見当たりません。"),
            ("reportedBy", "self"), ("affectedAssets", "公用スマートフォン1台"), ("confidentiality", "2"), ("personalData", "no"),
            ("possibleCrime", "no"), ("scope", "連絡先の電話番号"), ("firstResponse", "立ち寄り先に問い合わせました。"));
        await person.Press("送信");
        return (FormConversation.Facts(person.Card)["受付番号"], person.Replies);
    }

    public static JsonObject CardOf(JsonObject activity) =>
        activity["attachments"]!.AsArray().OfType<JsonObject>().Single()["content"]!.AsObject();

    public static IEnumerable<(string Conversation, JsonObject Activity)> Since(FakeConnector connector, int count) => connector.Received.Skip(count);

    /// <summary>Presses <paramref name="title"/>: the action's data with every input of the card (typed, or as the card had it).</summary>
    public static Task<(HttpStatusCode Status, JsonObject Body)> Press(BotHost host, TeamsUser user, JsonObject card,
        string title, params (string Id, string Value)[] typed)
    {
        var action = Descendants(card).Single(n => (string?)n["type"] == "Action.Execute" && (string?)n["title"] == title);
        var data = action["data"]!.DeepClone().AsObject();
        var values = typed.ToDictionary(t => t.Id, t => t.Value);
        foreach (var input in Inputs(card))
        {
            var id = (string)input["id"]!;
            data[id] = values.TryGetValue(id, out var value) ? value : (string?)input["value"] ?? "";
        }

        return host.InvokeAction(user, (string)action["verb"]!, data);
    }

    public static Task<(HttpStatusCode Status, JsonObject Body)> Refresh(BotHost host, TeamsUser user, JsonObject card) =>
        host.InvokeAction(user, (string)card["refresh"]!["action"]!["verb"]!, card["refresh"]!["action"]!["data"]!.DeepClone().AsObject(), "automatic");

    /// <summary>The card of an invoke response, or null when the response is a message.</summary>
    public static JsonObject? ResponseCard(JsonObject body) =>
        (string?)body["type"] == "application/vnd.microsoft.card.adaptive" ? body["value"]!.AsObject() : null;

    public static List<string?> Verbs(JsonObject card) =>
        Descendants(card).Where(n => (string?)n["type"] == "Action.Execute").Select(n => (string?)n["verb"]).Where(v => v != "isms.incident.refresh").ToList();

    public static string Text(JsonObject card) => string.Join("\n", Descendants(card).SelectMany(n => n.Select(p => p.Value)).OfType<JsonValue>()
        .Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>());
}
