using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Org;
using static Isms.Workflows.Tests.Routing.RoutingTestData;

namespace Isms.Workflows.Tests.Routing;

public sealed class ApprovalRouterFacts
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly string Yamada = OrgTestData.Aad(1);
    private static readonly string Sato = OrgTestData.Aad(2);
    private static readonly string Suzuki = OrgTestData.Aad(3);
    private static readonly string Takahashi = OrgTestData.Aad(4);
    private static readonly string Tanaka = OrgTestData.Aad(5);

    private static IEnumerable<string> Names(ApprovalStep step) => step.Assignees.Select(a => a.Name);

    [Fact]
    public void Takeout_GoesToTheManagerOfTheApplicantsDepartment()
    {
        var route = Router().Route(Record(FormKind.TakeoutRequest, Yamada, confidentiality: 2), Today);

        var step = Assert.Single(route.Steps);
        Assert.Equal((StepAction.Approve, OrgRole.SecurityManager, "5.1(1)③(イ)"), (step.Action, step.Role!.Value, step.Clause));
        Assert.Equal(["佐藤 花子"], Names(step));
        Assert.Equal("警防課 情報セキュリティ管理者", step.Label);
        Assert.Empty(step.Notes);
    }

    [Fact]
    public void Takeout_FromAStation_GoesToTheStationsManager()
    {
        var route = Router().Route(Record(FormKind.TakeoutRequest, OrgTestData.Aad(403), department: "館林消防署"), Today);

        Assert.Equal(["木村 智子"], Names(Assert.Single(route.Steps)));
    }

    [Fact]
    public void Takeout_ByTheManager_GoesToTheOfficerWithTheReasonRecorded()
    {
        var route = Router().Route(Record(FormKind.TakeoutRequest, Sato), Today);

        var step = Assert.Single(route.Steps);
        Assert.Equal(OrgRole.SecurityOfficer, step.Role);
        Assert.Equal(OrgRole.SecurityManager, step.RequestedRole);
        Assert.True(step.WasRerouted);
        Assert.Equal(["鈴木 一郎"], Names(step));
        var note = Assert.Single(step.Notes);
        Assert.Contains("兼務の禁止（1(8)①）", note, StringComparison.Ordinal);
        Assert.Contains("情報セキュリティ責任者が承認します", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("文書管理システム", "斎藤 健一", null)]
    [InlineData("消防指令システム", "中村 誠", null)]
    [InlineData("ネットワーク", "鈴木 一郎", null)]
    [InlineData("経理システム", "鈴木 一郎", "「経理システム」の情報システム管理者が組織名簿にいないため、ネットワークの情報システム管理者に回しました。")]
    public void Fault_GoesToTheAdministratorOfTheSystemAnswered_OrOfTheNetwork(string system, string administrator, string? note)
    {
        var route = Router().Route(Record(FaultReportDefinition.Kind, Yamada, answers: ("system", system)), Today);

        var step = Assert.Single(route.Steps);
        Assert.Equal((StepAction.Acknowledge, OrgRole.SystemAdministrator, "6.1(7)"), (step.Action, step.Role!.Value, step.Clause));
        Assert.Equal([administrator], Names(step));
        Assert.Equal(note is null ? [] : [note], route.Notes);
    }

    [Fact]
    public void CloudPublicOnly_GoesToTheOfficer()
    {
        var step = Assert.Single(Router().Route(Record(FormKind.CloudUseRequest, Yamada, confidentiality: 1), Today).Steps);

        Assert.Equal(("8.4(2)②", OrgRole.SecurityOfficer), (step.Clause, step.Role!.Value));
        Assert.Equal(["鈴木 一郎"], Names(step));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CloudConfidential_GoesToTheOfficerFirst_WhoAppliesToThePermissionAuthority(int confidentiality)
    {
        // 8.3(5)①: the 情報セキュリティ責任者 applies to the 許可権限者, who decides (②).
        var steps = Router().Route(Record(FormKind.CloudUseRequest, Yamada, confidentiality: confidentiality), Today).Steps;

        Assert.Equal(
            [("8.3(5)①", OrgRole.SecurityOfficer, "鈴木 一郎", 1), ("8.3(5)②", OrgRole.ChiefSecurityOfficer, "高橋 次郎", 2)],
            steps.Select(s => (s.Clause, s.Role!.Value, Assert.Single(s.Assignees).Name, s.Stage)));
        Assert.All(steps, s => Assert.Equal(StepAction.Approve, s.Action));
    }

    [Fact]
    public void CloudConfidential_FollowsTheConfiguredAuthority()
    {
        var router = Router(ShippedRules(new Dictionary<string, string?> { ["cloudPermissionAuthority"] = "Ciso" }));

        var steps = router.Route(Record(FormKind.CloudUseRequest, Yamada, confidentiality: 2), Today).Steps;

        Assert.Equal([["鈴木 一郎"], ["田中 三郎"]], steps.Select(s => Names(s).ToArray()));
    }

    [Fact]
    public void CloudConfidential_ByTheAuthority_GoesToTheCiso()
    {
        var authority = Router().Route(Record(FormKind.CloudUseRequest, Takahashi, department: "消防本部", confidentiality: 2), Today).Steps
            .Single(s => s.Clause == "8.3(5)②");

        Assert.Equal(["田中 三郎"], Names(authority));
        Assert.Contains("1(8)①", Assert.Single(authority.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void CloudPublicOnly_ByTheOfficer_GoesToTheChief()
    {
        var step = Assert.Single(Router().Route(Record(FormKind.CloudUseRequest, Suzuki, confidentiality: 1), Today).Steps);

        Assert.Equal((OrgRole.ChiefSecurityOfficer, "高橋 次郎"), (step.Role!.Value, Assert.Single(step.Assignees).Name));
    }

    [Fact]
    public void WebMeeting_GoesToTheManagerByDefault_OrToTheConfiguredRole()
    {
        var byDefault = Assert.Single(Router().Route(Record(FormKind.WebMeetingRequest, Yamada), Today).Steps);
        var configured = Assert.Single(Router(ShippedRules(new Dictionary<string, string?> { ["webMeetingApprover"] = "情報セキュリティ責任者" }))
            .Route(Record(FormKind.WebMeetingRequest, Yamada), Today).Steps);

        Assert.Equal(("6.1(21)④", "佐藤 花子"), (byDefault.Clause, Assert.Single(byDefault.Assignees).Name));
        Assert.Equal("鈴木 一郎", Assert.Single(configured.Assignees).Name);
    }

    [Fact]
    public void Misdelivery_WithoutIncident_IsAcknowledgedByTheManagerOnly()
    {
        var step = Assert.Single(Router().Route(Record(FormKind.MisdeliveryReport, Yamada, confidentiality: 2, answers: ("personalData", "no")), Today).Steps);

        Assert.Equal((StepAction.Acknowledge, "6.1(15)④", "佐藤 花子"), (step.Action, step.Clause, Assert.Single(step.Assignees).Name));
    }

    [Fact]
    public void Misdelivery_WithPersonalData_AlsoStartsTheIncidentChainAndFlagsTheCommission()
    {
        var route = Router().Route(Record(FormKind.MisdeliveryReport, Yamada, incident: true, answers: ("personalData", "yes")), Today);

        Assert.Equal(StepAction.Acknowledge, route.Steps[0].Action);
        Assert.Contains(route.Steps, s => s.RuleName == "incident-chain-misdelivery" && s.Clause == "5.3(1)②");
        var flag = Assert.Single(route.Steps, s => s.Clause == "5.3(1)④");
        Assert.Equal(StepAction.Flag, flag.Action);
        Assert.Contains("個人情報保護委員会", flag.External, StringComparison.Ordinal);
    }

    [Fact]
    public void Incident_FollowsTheChainOf5_3()
    {
        var route = Router().Route(Record(FormKind.IncidentReport, Yamada, answers: ("personalData", "no")), Today);

        string[] Stage(int n) => [.. route.Steps.Where(s => s.Stage == n).SelectMany(s => s.Assignees).Select(a => a.Name)];
        Assert.Equal(["佐藤 花子", "小林 大輔"], Stage(1));
        Assert.Equal(["高橋 次郎", "鈴木 一郎"], Stage(2));
        Assert.Equal(["田中 三郎", "鈴木 一郎"], Stage(3));
        Assert.Contains("斎藤 健一", Stage(4));
        Assert.Equal("1(9)⑤", Assert.Single(route.Steps, s => s.Stage == 5).Clause);
        Assert.DoesNotContain(route.Steps, s => s.Clause == "5.3(1)④");
    }

    [Fact]
    public void Incident_ReportedByTheManager_StillNotifiesTheChainWithoutReroute()
    {
        var route = Router().Route(Record(FormKind.IncidentReport, Sato), Today);

        var first = route.Steps.First(s => s.Role == OrgRole.SecurityManager);
        Assert.Empty(first.Assignees);
        Assert.False(first.WasRerouted);
        Assert.Contains("小林 大輔", route.Steps.Where(s => s.Stage == 1).SelectMany(s => s.Assignees).Select(a => a.Name));
    }

    [Fact]
    public void UnknownDepartment_EscalatesAndSaysWhy()
    {
        var route = Router().Route(Record(FormKind.TakeoutRequest, OrgTestData.Aad(999), department: "防災課"), Today);

        Assert.Null(route.ApplicantPersonId);
        Assert.Contains(route.Notes, n => n.Contains("組織名簿に見つかりません", StringComparison.Ordinal));
        Assert.Contains(route.Notes, n => n.Contains("所属「防災課」", StringComparison.Ordinal));
        var step = Assert.Single(route.Steps);
        Assert.Equal(["高橋 次郎"], Names(step));
        Assert.Equal(2, step.Notes.Count);
    }

    [Fact]
    public void Department_ComesFromTheDirectoryRatherThanTheForm()
    {
        var route = Router().Route(Record(FormKind.TakeoutRequest, Yamada, department: "予防課"), Today);

        Assert.Equal("警防課", route.Department);
        Assert.Equal(["佐藤 花子"], Names(Assert.Single(route.Steps)));
    }

    [Fact]
    public void TopOfTheLadder_WithNobodyLeft_SaysSoInsteadOfLettingTheApplicantApprove()
    {
        var router = Router(ShippedRules(new Dictionary<string, string?> { ["cloudPermissionAuthority"] = "Ciso" }));

        var step = router.Route(Record(FormKind.CloudUseRequest, Tanaka, department: "消防本部", confidentiality: 3), Today).Steps.Single(s => s.Clause == "8.3(5)②");

        Assert.Empty(step.Assignees);
        var note = Assert.Single(step.Notes);
        Assert.Contains("1(8)①", note, StringComparison.Ordinal);
        Assert.Contains("判断できる者が組織名簿にいません", note, StringComparison.Ordinal);
        Assert.False(router.MayDecide(step, OrgTestData.Sample().FindById(OrgTestData.Ciso), Today, Record(FormKind.CloudUseRequest, Tanaka)));
    }

    [Fact]
    public void TheOrderADecisionMovesUp_IsTheRulesFiles()
    {
        // 1(8)①: the 管理者's own 持ち出し goes one role up the file's approverOrder; here the file skips the 責任者.
        var shipped = File.ReadAllText(RulesPath);
        const string Order = "approverOrder: [SecurityManager, SecurityOfficer, ChiefSecurityOfficer, Ciso]";
        Assert.Contains(Order, shipped, StringComparison.Ordinal);
        var rules = RoutingRulesLoader.Parse(shipped.Replace(Order, "approverOrder: [SecurityManager, ChiefSecurityOfficer, Ciso]", StringComparison.Ordinal), ReferenceClauses);

        var step = Assert.Single(Router(rules).Route(Record(FormKind.TakeoutRequest, Sato), Today).Steps);

        Assert.Equal((OrgRole.ChiefSecurityOfficer, "高橋 次郎"), (step.Role!.Value, Assert.Single(step.Assignees).Name));
        Assert.Equal([OrgRole.SecurityManager, OrgRole.ChiefSecurityOfficer, OrgRole.Ciso], rules.ApproverOrder);
        Assert.Null(rules.NextUp(OrgRole.SecurityOfficer));
    }
}
