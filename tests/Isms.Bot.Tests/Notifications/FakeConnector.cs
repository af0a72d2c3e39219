using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Isms.Bot.Tests.Notifications;

/// <summary>
/// A Bot Connector service on loopback, standing in for Teams' (and the Playground's /_connector): it records the
/// activities the bot posts into a conversation (each gets its own id, as Teams gives) and the ones it replaces
/// (UpdateActivity), and answers with the status the test chooses, for all conversations or for one. It also serves
/// the member lists of teams and group chats (GET pagedmembers, in pages of <see cref="RosterPageSize"/>) and opens
/// personal chats (POST /v3/conversations: the same member always gets the same conversation, as in Teams), refusing
/// the members the test names (403, as Teams does when the app is not installed for them).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _lastId;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<(string ConversationId, JsonObject Activity)> Received { get; } = new();

    /// <summary>Activities replaced in place: PUT /v3/conversations/{id}/activities/{activityId}.</summary>
    public ConcurrentQueue<(string ConversationId, string ActivityId, JsonObject Activity)> Updated { get; } = new();

    /// <summary>Every activity posted, with the id the connector gave it and the status it answered.</summary>
    public ConcurrentQueue<(string ConversationId, string ActivityId, JsonObject Activity, int Status)> Posted { get; } = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>A status for one conversation only, e.g. 403 for a person who blocked the bot.</summary>
    public ConcurrentDictionary<string, int> StatusByConversation { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <summary>The members of a team (by team id) or group chat (by conversation id): Teams-shaped accounts.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<JsonObject>> Rosters { get; } = new();

    /// <summary>At most this many members a page, whatever page size the bot asks for.</summary>
    public int RosterPageSize { get; set; } = 500;

    /// <summary>Every page request: the roster id and the continuation token it came with.</summary>
    public ConcurrentQueue<(string RosterId, string? ContinuationToken)> RosterReads { get; } = new();

    /// <summary>The conversation parameters of every POST /v3/conversations, with the status answered.</summary>
    public ConcurrentQueue<(JsonObject Parameters, int Status)> Created { get; } = new();

    /// <summary>Members (Teams user ids) whose personal chat Teams refuses to open, with the status.</summary>
    public ConcurrentDictionary<string, int> CreateStatusByMember { get; } = new();

    /// <summary>The conversation id this connector gives the personal chat with a member.</summary>
    public static string CreatedChatId(string memberId) => $"a:created-{memberId}";

    /// <summary>A Teams-shaped account for a roster.</summary>
    public static JsonObject Member(string id, string name, string aadObjectId, string tenantId) => new()
    {
        ["id"] = id, ["name"] = name, ["aadObjectId"] = aadObjectId, ["tenantId"] = tenantId, ["userRole"] = "user",
        ["userPrincipalName"] = $"{aadObjectId}@example.jp", ["email"] = $"{aadObjectId}@example.jp",
    };

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        // New messages go to /activities, replies within a turn to /activities/{replyToId}.
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", async (string conversationId, HttpContext context) =>
        {
            var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var status = connector.StatusFor(conversationId);
            var id = $"activity-{Interlocked.Increment(ref connector._lastId)}";
            connector.Posted.Enqueue((conversationId, id, activity, status));
            connector.Received.Enqueue((conversationId, activity));
            await Answer(context, status, id);
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpContext context) =>
        {
            var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var status = connector.StatusFor(conversationId);
            if (status < 300)
            {
                connector.Updated.Enqueue((conversationId, activityId, activity));
            }

            await Answer(context, status, activityId);
        });
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (string conversationId, string? continuationToken, int? pageSize) =>
        {
            connector.RosterReads.Enqueue((conversationId, continuationToken));
            if (!connector.Rosters.TryGetValue(conversationId, out var members))
            {
                return Results.NotFound();
            }

            var size = Math.Min(pageSize ?? 500, connector.RosterPageSize);
            var start = int.TryParse(continuationToken, out var index) ? index : 0;
            var page = new JsonObject { ["members"] = new JsonArray([.. members.Skip(start).Take(size).Select(m => (JsonNode)m.DeepClone())]) };
            if (start + size < members.Count)
            {
                page["continuationToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Content(page.ToJsonString(), "application/json");
        });
        app.MapPost("/v3/conversations", async (HttpContext context) =>
        {
            var parameters = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var memberId = (string?)parameters["members"]?[0]?["id"] ?? "";
            var status = connector.CreateStatusByMember.TryGetValue(memberId, out var refused) ? refused : StatusCodes.Status201Created;
            connector.Created.Enqueue((parameters, status));
            await Answer(context, status, CreatedChatId(memberId));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    private int StatusFor(string conversationId) => StatusByConversation.TryGetValue(conversationId, out var status) ? status : StatusCode;

    private static Task Answer(HttpContext context, int status, string id)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(status < 300
            ? new JsonObject { ["id"] = id }.ToJsonString()
            : "{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"refused\"}}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
