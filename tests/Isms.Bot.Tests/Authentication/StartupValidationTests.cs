using Microsoft.Extensions.Options;

namespace Isms.Bot.Tests.Authentication;

/// <summary>Half-configured credentials stop the host at start-up with a message naming the missing key.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("MultiTenant", "MicrosoftAppPassword is required when MicrosoftAppId is set.")]
    [InlineData("SingleTenant", "MicrosoftAppPassword is required when MicrosoftAppId is set.")]
    [InlineData("Federated", "MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI.")]
    public async Task An_app_id_without_its_companion_settings_stops_the_host(string appType, string expectedMessage)
    {
        await using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
        });

        var exception = Record.Exception(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(exception));
        Assert.Contains(expectedMessage, validation.Failures);
    }

    [Fact]
    public async Task A_single_tenant_app_needs_its_tenant_id()
    {
        await using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["MicrosoftAppPassword"] = "secret",
        });

        var exception = Record.Exception(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(exception));
        Assert.Contains("MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant.", validation.Failures);
    }

    private static T? Innermost<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Innermost<T>(aggregate.InnerExceptions[0]);
            }
        }

        return null;
    }
}
