using Isms.Bot.Hosting;
using Isms.Bot.Tests.Pipeline;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// Half-configured credentials stop the host at start-up with a message naming the missing key. The host is composed
/// exactly as Program does it (<see cref="BotHost.StartupErrorAsync"/>), so the start's own error is what comes back.
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
            var exception = await BotHost.StartupErrorAsync(dataDirectory, new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = appType,
                ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
                ["MicrosoftAppPassword"] = password,
            });

            var validation = Assert.IsType<OptionsValidationException>(exception);
            Assert.Equal(typeof(BotAuthenticationOptions), validation.OptionsType);
            Assert.Equal([expectedMessage], validation.Failures);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
