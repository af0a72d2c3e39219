using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>Teams-shaped activity JSON, as the Teams channel (and the Agents Playground) sends it.</summary>
public static class TeamsActivities
{
    public const string ServiceUrl = "http://localhost:56150/_connector";
    public const string TenantId = "8f3c2a10-0000-4000-8000-00000000a001";
    public const string BotId = "28:isms-bot";
    public const string BotName = "情報セキュリティ相談";

    public sealed record TeamsUser(string Id, string Name, string AadObjectId);

    public static readonly TeamsUser Yamada = new("29:yamada", "山田 太郎", "aad-yamada-0001");
    public static readonly TeamsUser Sato = new("29:sato", "佐藤 花子", "aad-sato-0002");

    public static JsonObject PersonalMessage(TeamsUser user, string text, string? conversationId = null) =>
        Base("message", user, conversationId ?? PersonalConversationId(user), "personal", text);

    public static string PersonalConversationId(TeamsUser user) => $"a:personal-{user.AadObjectId}";

    /// <summary>A channel post that @mentions the bot, the only kind a bot receives in a channel.</summary>
    public static JsonObject ChannelMention(TeamsUser user, string text)
    {
        var activity = Base("message", user, "19:general@thread.tacv2;messageid=1", "channel", $"<at>{BotName}</at> {text}");
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{BotName}</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
        return activity;
    }

    public static JsonObject CardSubmit(TeamsUser user, JsonObject value)
    {
        var activity = Base("message", user, PersonalConversationId(user), "personal", null);
        activity["value"] = value;
        return activity;
    }

    public static JsonObject BotAdded(TeamsUser user, string conversationType = "personal")
    {
        var conversationId = conversationType == "personal" ? PersonalConversationId(user) : "19:group@thread.v2";
        var activity = Base("conversationUpdate", user, conversationId, conversationType, null);
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = BotId, ["name"] = BotName },
            new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId });
        return activity;
    }

    /// <summary>The bot added to a team (as Teams sends it to the team's General channel when someone installs the app there).</summary>
    public static JsonObject BotAddedToTeam(TeamsUser installer, string teamId)
    {
        var activity = Base("conversationUpdate", installer, teamId, "channel", null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = BotName });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = teamId };
        return activity;
    }

    public static JsonObject InstallationAdd(TeamsUser user)
    {
        var activity = Base("installationUpdate", user, PersonalConversationId(user), "personal", null);
        activity["action"] = "add";
        return activity;
    }

    public static JsonObject Base(string type, TeamsUser user, string conversationId, string conversationType, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["tenantId"] = TenantId,
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "ja-JP",
            // The replies come back in the HTTP response instead of going to the connector service.
            ["deliveryMode"] = "expectReplies",
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }

    /// <summary>Posts an activity and returns the status and the bot's replies (expectReplies).</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonArray Replies)> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        return (response.StatusCode, ParseReplies(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The activities of an expectReplies response body; empty when there are none.</summary>
    public static JsonArray ParseReplies(string body) =>
        body.Length > 0 && JsonNode.Parse(body) is JsonObject o && o["activities"] is JsonArray a ? a : [];

    public static IEnumerable<JsonObject> ReplyCards(JsonArray replies) =>
        replies.OfType<JsonObject>()
            .SelectMany(r => r["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"]!.AsObject());

    public static IEnumerable<string> Texts(JsonArray replies) =>
        replies.OfType<JsonObject>().Select(r => (string?)r["text"]).OfType<string>();
}
