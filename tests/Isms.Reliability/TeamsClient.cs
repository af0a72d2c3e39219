using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Isms.Testing.CardTree;

namespace Isms.Reliability;

/// <summary>The result of one turn: HTTP status, the bot's replies (expectReplies) and how long it took.</summary>
public sealed record Turn(int Status, JsonArray Replies, double Milliseconds)
{
    public const string Apology = "申し訳ありません";

    /// <summary>200 with an answer that is not the turn error handler's apology.</summary>
    public bool Ok => Status == 200 && Replies.Count > 0 && !Texts.Any(t => t.Contains(Apology, StringComparison.Ordinal));

    public IEnumerable<string> Texts => Replies.OfType<JsonObject>().Select(r => (string?)r["text"]).OfType<string>();

    public JsonObject? LastCard => Replies.OfType<JsonObject>()
        .SelectMany(r => r["attachments"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .LastOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();
}

/// <summary>
/// One member of staff (R0001… in the suite's org directory) talking to the bot in a personal chat, with the
/// activities Teams sends: messages and card submits, replies requested in the response (expectReplies).
/// </summary>
public sealed class TeamsClient(HttpClient http, string serviceUrl, int person)
{
    public string UserId => $"29:reliability-{person}";

    public Task<Turn> SayAsync(string text, CancellationToken cancellationToken = default)
    {
        var activity = Activity();
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return PostAsync(activity, cancellationToken);
    }

    /// <summary>Presses <paramref name="title"/> on <paramref name="card"/>: the action's data with every input's value.</summary>
    public Task<Turn> PressAsync(JsonObject card, string title, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken = default)
    {
        var action = Descendants(card).FirstOrDefault(n => ((string?)n["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true && (string?)n["title"] == title)
            ?? throw new InvalidOperationException($"No button {title} on the card.");
        var value = action["data"]!.AsObject().DeepClone().AsObject();
        foreach (var input in Descendants(card).Where(n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            var id = (string)input["id"]!;
            value[id] = typed.TryGetValue(id, out var text) ? text : (string?)input["value"] ?? "";
        }

        var activity = Activity();
        activity["value"] = value;
        return PostAsync(activity, cancellationToken);
    }

    /// <summary>A whole 持ち出し申請 (USB, 機密性1): the command, two steps and 送信. Returns the 受付番号 the bot acknowledged,
    /// or null when a turn failed on the way.</summary>
    public async Task<string?> SubmitTakeoutAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var turn = await SayAsync("持ち出し申請", cancellationToken);
        var steps = new[]
        {
            ("次へ", new Dictionary<string, string>
            {
                ["f_itemKind"] = "usb", ["f_assetNumber"] = "USB-012", ["f_confidentiality"] = "1", ["f_purpose"] = "県の会議で説明に使うため",
                ["f_destination"] = "群馬県庁", ["f_startDate"] = Date(today.AddDays(1)), ["f_endDate"] = Date(today.AddDays(2)), ["f_processOutside"] = "no",
            }),
            ("次へ", new Dictionary<string, string> { ["f_otherMeasures"] = "パスワード付きで保存しました" }),
            ("送信", new Dictionary<string, string>()),
        };
        foreach (var (button, typed) in steps)
        {
            if (!turn.Ok || turn.LastCard is not { } card)
            {
                return null;
            }

            turn = await PressAsync(card, button, typed, cancellationToken);
        }

        return turn.Ok && turn.LastCard is { } receipt ? Fact(receipt, "受付番号") : null;
    }

    private JsonObject Activity() => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = $"試験 職員{person:D3}", ["aadObjectId"] = Paths.AadOf(person) },
        ["recipient"] = new JsonObject { ["id"] = "28:isms-bot", ["name"] = "ISMS Bot" },
        ["conversation"] = new JsonObject { ["id"] = $"a:reliability-{person}", ["conversationType"] = "personal", ["tenantId"] = "tenant-reliability" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-reliability" } },
        ["locale"] = "ja-JP",
        ["deliveryMode"] = "expectReplies",
    };

    private async Task<Turn> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/messages", activity, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var replies = body.Length > 0 && JsonNode.Parse(body) is JsonObject o && o["activities"] is JsonArray a ? a : [];
            return new Turn((int)response.StatusCode, replies, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new Turn(0, [], Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Fact(JsonObject card, string title) =>
        Descendants(card).Where(n => n["facts"] is JsonArray).SelectMany(n => n["facts"]!.AsArray().OfType<JsonObject>())
            .FirstOrDefault(f => (string?)f["title"] == title)?["value"]?.GetValue<string>();
}
