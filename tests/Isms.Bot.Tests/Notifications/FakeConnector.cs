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
/// (UpdateActivity), and answers with the status the test chooses, for all conversations or for one.
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
