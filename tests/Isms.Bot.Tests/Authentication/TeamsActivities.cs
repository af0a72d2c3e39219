using System.Text;
using System.Text.Json;

namespace Isms.Bot.Tests.Authentication;

/// <summary>A personal-chat message as Teams sends it, asking for the replies in the HTTP response (expectReplies).</summary>
public static class TeamsActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/jp/";

    public static HttpRequestMessage HelpMessage(string appId, string conversationId, string? authorization)
    {
        var tenantId = "72f988bf-0000-0000-0000-000000000001";
        var activity = new
        {
            type = "message",
            id = "1700000000000",
            timestamp = DateTimeOffset.UtcNow,
            channelId = "msteams",
            serviceUrl = ServiceUrl,
            from = new { id = "29:1-test-user", name = "テスト 太郎", aadObjectId = "00000000-0000-0000-0000-0000000000aa" },
            conversation = new { id = conversationId, conversationType = "personal", tenantId },
            recipient = new { id = $"28:{appId}", name = "ISMS Bot" },
            text = "ヘルプ",
            locale = "ja-JP",
            deliveryMode = "expectReplies",
            channelData = new { tenant = new { id = tenantId } },
        };

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    /// <summary>The activities in an expectReplies response body; empty when the body has none.</summary>
    public static IReadOnlyList<JsonElement> Replies(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("activities", out var activities)
            && activities.ValueKind == JsonValueKind.Array
            ? activities.EnumerateArray().Select(a => a.Clone()).ToList()
            : [];
    }

    public static bool HasAdaptiveCard(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var attachments)
        && attachments.ValueKind == JsonValueKind.Array
        && attachments.EnumerateArray().Any(a =>
            a.TryGetProperty("contentType", out var type) && type.GetString() == "application/vnd.microsoft.card.adaptive");
}
