using Isms.Workflows.Approvals;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using Isms.Workflows.Tests.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isms.Workflows.Tests.Approvals;

public sealed class ApprovalRegistrationFacts
{
    [Fact]
    public void AddIsmsDirectoryAndRouting_RegistersOneApprovalService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Directory:Watch"] = "false" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(_ => IsmsDatabase.InMemory());
        services.AddSingleton(RoutingTestData.ReferenceClauses);
        services.AddIsmsDirectoryAndRouting(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var service = provider.GetRequiredService<ApprovalService>();

        Assert.Same(service, provider.GetRequiredService<ApprovalService>());
        Assert.Null(service.Find("no-such-record"));
    }
}
