using System.Net;
using System.Net.Http.Json;
using Isms.Bot.Hosting;
using Isms.Bot.Tests.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// Issue 13 finding 4: without an app id the bot trusts <c>from</c> and returns replies in the response body, so it may run
/// only as a developer's own tool: in Development, listening on loopback, answering this machine only.
/// </summary>
public sealed class UnauthenticatedModeFacts : TempDataDirectory
{
    [Fact]
    public async Task WithoutAnAppId_OutsideDevelopment_TheHostDoesNotStart()
    {
        var error = await BotHost.StartupErrorAsync(DataDirectory, new Dictionary<string, string?>(), environment: "Production");

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Equal(typeof(BotAuthenticationOptions), validation.OptionsType);
        Assert.Contains("MicrosoftAppId", validation.Message);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", validation.Message);
        Assert.Contains("Production", validation.Message);
    }

    [Fact]
    public async Task WithoutAnAppId_ListeningBeyondLoopback_TheHostDoesNotStart()
    {
        var error = await BotHost.StartupErrorAsync(DataDirectory, new Dictionary<string, string?>(), urls: "http://0.0.0.0:0");

        var refused = Assert.IsType<UnsafeStartupException>(error);
        Assert.Contains("loopback", refused.Message);
    }

    [Fact]
    public async Task WithoutAnAppId_InDevelopment_OnLoopback_TheHostStarts()
    {
        Assert.Null(await BotHost.StartupErrorAsync(DataDirectory, new Dictionary<string, string?>(), urls: "http://127.0.0.1:0"));
    }

    [Theory]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("https://bot.example.jp", false)]
    public void OnlyLoopbackAddresses_CountAsLoopback(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackOnlyGuard.IsLoopbackAddress(address));

    [Fact]
    public async Task AnActivityFromAnotherMachine_IsRefused_WhenAuthenticationIsOff()
    {
        using var host = BotHost.Start(DataDirectory, services: services => services.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("10.20.30.40"))));

        var (status, replies) = await PostAsync(host.Client, PersonalMessage(BotHost.NewPerson("外部 三郎"), "監査ログ出力"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task AnActivityThroughAProxy_IsRefused_WhenAuthenticationIsOff()
    {
        using var host = BotHost.Start(DataDirectory);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(PersonalMessage(BotHost.NewPerson("経由 四郎"), "ヘルプ")),
        };
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>The connection's remote address, as the network would give it (TestServer has none of its own).</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
