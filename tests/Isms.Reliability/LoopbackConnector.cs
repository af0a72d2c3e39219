using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Isms.Reliability;

/// <summary>
/// A Bot Connector on loopback that accepts whatever the bot posts (replies, proactive cards, updates) and counts it,
/// so the bot's notifications have somewhere to go, as in Teams. The activities' serviceUrl names it.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;

    private LoopbackConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<LoopbackConnector> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var connector = new LoopbackConnector(app, $"http://127.0.0.1:{port}/");
        app.Run(async context =>
        {
            Interlocked.Increment(ref connector._received);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"id\":\"{Guid.NewGuid():N}\"}}");
        });
        await app.StartAsync();
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
