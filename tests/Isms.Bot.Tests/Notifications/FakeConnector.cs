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
/// activities the bot posts into a conversation and answers with the status the test chooses.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<(string ConversationId, JsonObject Activity)> Received { get; } = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

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
            connector.Received.Enqueue((conversationId, activity));
            context.Response.StatusCode = connector.StatusCode;
            await context.Response.WriteAsync(connector.StatusCode < 300 ? "{\"id\":\"sent-1\"}" : "{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"refused\"}}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
