using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Routing;

namespace Isms.Workflows.Tests.Routing;

public sealed class RoutingRulesLoaderFacts
{
    private static string Shipped => File.ReadAllText(RoutingTestData.RulesPath);

    [Fact]
    public void ShippedRules_CiteOnlyClausesOfTheEmbeddedPolicy()
    {
        var rules = RoutingRulesLoader.LoadFile(RoutingTestData.RulesPath, PolicyClauseCatalog.FromEmbeddedPolicy());

        Assert.All(FormCatalog.Standard.Kinds, kind => Assert.Contains(rules.Rules, r => r.Forms.Contains(kind)));
        Assert.Equal("ChiefSecurityOfficer", rules.Settings["cloudPermissionAuthority"]);
    }

    [Fact]
    public void Settings_CanBeOverriddenFromConfiguration()
    {
        var rules = RoutingTestData.ShippedRules(new Dictionary<string, string?> { ["cloudPermissionAuthority"] = "Ciso" });

        var step = rules.Rules.Single(r => r.Name == "cloud-confidential").Steps.Single(s => s.Clause == "8.3(5)②");
        Assert.Equal(OrgRole.Ciso, step.Role);
    }

    [Theory]
    [InlineData("role: SecurityManager, clause: \"5.1(1)③(イ)\"", "role: Kakaricho, clause: \"5.1(1)③(イ)\"", "rule 'takeout' (line 20), step 1: unknown role 'Kakaricho'")]
    [InlineData("forms: [TakeoutRequest]", "forms: [TakeoutRequst]", "rule 'takeout' (line 20): unknown form 'TakeoutRequst'")]
    [InlineData("clause: \"5.1(1)③(イ)\"", "clause: \"5.1(1)⑨(イ)\"", "rule 'takeout' (line 20), step 1: unknown clause '5.1(1)⑨(イ)'")]
    [InlineData("role: $webMeetingApprover", "role: $webMeetingBoss", "rule 'web-meeting' (line 41), step 1: unknown setting '$webMeetingBoss'")]
    [InlineData("action: Acknowledge", "action: Stamp", "rule 'misdelivery' (line 47), step 1: unknown action 'Stamp'")]
    public void Parse_NamesTheRuleAndTheProblem(string find, string replace, string expected)
    {
        Assert.Contains(find, Shipped, StringComparison.Ordinal);

        var error = Assert.Throws<RoutingRulesException>(
            () => RoutingRulesLoader.Parse(Shipped.Replace(find, replace), RoutingTestData.ReferenceClauses, source: "rules.yaml"));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains("rules.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("systemAnswer: system", "systemAnswer: systemName", "the form FaultReport has no field 'systemName' (systemAnswer)")]
    [InlineData("role: SystemAdministrator, systemAnswer", "role: SecurityManager, systemAnswer", "systemAnswer needs a per-system role")]
    [InlineData("system: $networkSystem, clause: \"6.1(7)\"", "clause: \"6.1(7)\"", "systemAnswer needs a 'system' for answers that name no system")]
    public void Parse_ChecksASystemTakenFromAnAnswer(string find, string replace, string expected)
    {
        Assert.Contains(find, Shipped, StringComparison.Ordinal);

        var error = Assert.Throws<RoutingRulesException>(() => RoutingRulesLoader.Parse(Shipped.Replace(find, replace), RoutingTestData.ReferenceClauses));

        Assert.Contains(error.Errors, e => e.StartsWith("rule 'fault'", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("approverOrder: [SecurityManager, SecurityOfficer, ChiefSecurityOfficer, Ciso]", "", "approverOrder: missing")]
    [InlineData("[SecurityManager, SecurityOfficer, ChiefSecurityOfficer, Ciso]", "[SecurityManager, Kacho, Ciso]", "approverOrder: unknown role 'Kacho'")]
    [InlineData("[SecurityManager, SecurityOfficer, ChiefSecurityOfficer, Ciso]", "[SecurityManager, Ciso, 情報セキュリティ管理者]", "approverOrder: the role '情報セキュリティ管理者' is listed twice")]
    public void Parse_ChecksTheApproverOrder(string find, string replace, string expected)
    {
        Assert.Contains(find, Shipped, StringComparison.Ordinal);

        var error = Assert.Throws<RoutingRulesException>(() => RoutingRulesLoader.Parse(Shipped.Replace(find, replace), RoutingTestData.ReferenceClauses));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Fails_WhenAFormHasNoRule()
    {
        var yaml = Shipped.Replace("forms: [WebMeetingRequest]", "forms: [TakeoutRequest]");

        var error = Assert.Throws<RoutingRulesException>(() => RoutingRulesLoader.Parse(yaml, RoutingTestData.ReferenceClauses));

        Assert.Contains("no rule routes the form WebMeetingRequest", error.Errors);
    }

    [Fact]
    public void Parse_Fails_WhenAConfigurationOverrideNamesAnUnknownRole()
    {
        var error = Assert.Throws<RoutingRulesException>(() => RoutingTestData.ShippedRules(
            new Dictionary<string, string?> { ["webMeetingApprover"] = "課長" }));

        Assert.Contains(error.Errors, e => e.Contains("unknown role '課長'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsTheLineOfAYamlSyntaxError()
    {
        var error = Assert.Throws<RoutingRulesException>(
            () => RoutingRulesLoader.Parse("rules:\n  - name: x\n    steps: [ { action: Approve\n", RoutingTestData.ReferenceClauses));

        Assert.StartsWith("line ", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
