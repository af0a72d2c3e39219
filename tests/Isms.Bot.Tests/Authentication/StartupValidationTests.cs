using Isms.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// Half-configured credentials stop the host at start-up with a message naming the missing key. The host is composed
/// here exactly as Program does it (AddIsmsBot, MapIsmsBot, the bot's appsettings.json): through
/// WebApplicationFactory a failed start sometimes surfaces as an ObjectDisposedException instead of the real error,
/// because the factory races the entry point disposing the failed host.
/// </summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("MultiTenant", null, "MicrosoftAppPassword is required when MicrosoftAppId is set.")]
    [InlineData("SingleTenant", null, "MicrosoftAppPassword is required when MicrosoftAppId is set.")]
    [InlineData("SingleTenant", "secret", "MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant.")]
    [InlineData("Federated", "secret", "MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI.")]
    public async Task An_app_id_without_its_companion_settings_stops_the_host(string appType, string? password, string expectedMessage)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("isms-bot-auth-tests-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = BotContentRoot(),
                EnvironmentName = "Development",
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = appType,
                ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
                ["MicrosoftAppPassword"] = password,
                ["Storage:DataDirectory"] = dataDirectory,
            });
            builder.WebHost.UseTestServer();
            builder.AddIsmsBot();
            await using var app = builder.Build();
            app.MapIsmsBot();

            var exception = await Record.ExceptionAsync(() => app.StartAsync());

            var validation = Assert.IsType<OptionsValidationException>(exception);
            Assert.Equal(typeof(BotAuthenticationOptions), validation.OptionsType);
            Assert.Equal([expectedMessage], validation.Failures);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static string BotContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "bot", "Isms.Bot");
            if (File.Exists(Path.Combine(candidate, "appsettings.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("bot/Isms.Bot not found above the test output directory");
    }
}
