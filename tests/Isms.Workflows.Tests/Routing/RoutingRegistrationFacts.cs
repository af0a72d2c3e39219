using Isms.Workflows.Org;
using Isms.Workflows.Routing;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Isms.Workflows.Tests.Routing;

public sealed class RoutingRegistrationFacts : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("isms-routing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(_ => IsmsDatabase.InMemory());
        services.AddSingleton(RoutingTestData.ReferenceClauses);
        services.AddIsmsWorkflows(configuration);
        services.AddIsmsDirectoryAndRouting(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Defaults_LoadTheShippedSampleAndRules()
    {
        using var provider = Build(new() { ["Directory:Watch"] = "false" });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("田中 三郎", provider.GetRequiredService<OrgDirectoryService>().FindByAadObjectId("00000000-0000-4000-8000-000000000005")?.Name);
        Assert.NotNull(provider.GetRequiredService<ApprovalRouter>());
    }

    [Fact]
    public void StartUp_Fails_WhenTheRulesCiteAnUnknownClause()
    {
        var rules = Path.Combine(_folder, "rules.yaml");
        File.WriteAllText(rules, File.ReadAllText(RoutingTestData.RulesPath).Replace("\"6.1(21)④\"", "\"6.1(21)⑨\""));
        using var provider = Build(new() { ["Directory:Watch"] = "false", ["Routing:RulesPath"] = rules });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("rule 'web-meeting' (line 41), step 1: unknown clause '6.1(21)⑨'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_Fails_WhenTheDirectoryIsInvalid()
    {
        var path = Path.Combine(_folder, "org.yaml");
        File.WriteAllText(path, File.ReadAllText(Org.OrgTestData.SamplePath).Replace("role: Ciso", "role: Shocho"));
        using var provider = Build(new() { ["Directory:Path"] = path, ["Directory:Watch"] = "false" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("unknown role 'Shocho'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "所属の情報セキュリティ管理者が内容を確認し")]
    [InlineData("ChiefSecurityOfficer", "統括情報セキュリティ責任者が内容を確認し")]
    public void TheWebMeetingForm_NamesTheApproverTheRoutingUses(string? approver, string expected)
    {
        using var provider = Build(new() { ["Directory:Watch"] = "false", ["Routing:WebMeetingApprover"] = approver });

        var form = provider.GetRequiredService<Forms.FormCatalog>().Get(Forms.FormKind.WebMeetingRequest);

        Assert.StartsWith(expected, form.NextStep, StringComparison.Ordinal);
        Assert.Equal(approver is null ? OrgRole.SecurityManager : OrgRole.ChiefSecurityOfficer,
            provider.GetRequiredService<RoutingRules>().ApproverOf(Forms.FormKind.WebMeetingRequest));
    }
}
