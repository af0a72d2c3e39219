using System.Text;
using Isms.Bot.Tests.Pipeline;

namespace Isms.Bot.Tests.Authentication;

/// <summary>The pipeline tests' Teams message, as Teams' public channel sends it to a bot with an app id.</summary>
public static class SignedActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/jp/";

    public static HttpRequestMessage HelpMessage(string appId, string conversationId, string? authorization)
    {
        var activity = TeamsActivities.Base("message", TeamsActivities.Yamada, conversationId, "personal", "ヘルプ");
        activity["serviceUrl"] = ServiceUrl;
        activity["recipient"]!["id"] = $"28:{appId}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
