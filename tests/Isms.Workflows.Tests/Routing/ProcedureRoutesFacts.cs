using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Org;
using static Isms.Workflows.Tests.Routing.RoutingTestData;

namespace Isms.Workflows.Tests.Routing;

/// <summary>The shipped rules for ソフトウェア導入・設定変更申請, 支給以外の端末・媒体の利用申請 and 外部への情報提供申請.</summary>
public sealed class ProcedureRoutesFacts
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly string Yamada = OrgTestData.Aad(1);

    private static (StepAction, OrgRole?, string?, string) Describe(ApprovalStep step) =>
        (step.Action, step.Role, step.Clause, string.Join("、", step.Assignees.Select(a => a.Name)));

    [Theory]
    [InlineData("install", "文書管理システム", "斎藤 健一", "6.1(17)②")]
    [InlineData("install", "消防指令システム", "中村 誠", "6.1(17)②")]
    [InlineData("hardware", "ネットワーク", "鈴木 一郎", "6.1(18)②")]
    public void InstallingSoftwareOrChangingHardware_NeedsTheSystemsAdministrator_ThenTheChiefOfficer(string kind, string system, string administrator, string clause)
    {
        var record = Record(SoftwareChangeRequestDefinition.Kind, Yamada,
            answers: [(SoftwareChangeRequestDefinition.ChangeKind, kind), (SoftwareChangeRequestDefinition.System, system)]);

        var route = Router().Route(record, Today);

        Assert.Equal(
            [(StepAction.Approve, OrgRole.SystemAdministrator, clause, administrator), (StepAction.Approve, OrgRole.ChiefSecurityOfficer, clause, "高橋 次郎")],
            route.Steps.Select(Describe));
    }

    [Fact]
    public void ChangingSecuritySettings_NeedsTheManagerOfTheApplicantsDepartment()
    {
        var record = Record(SoftwareChangeRequestDefinition.Kind, Yamada, answers: (SoftwareChangeRequestDefinition.ChangeKind, "settings"));

        var step = Assert.Single(Router().Route(record, Today).Steps);

        Assert.Equal((StepAction.Approve, OrgRole.SecurityManager, "5.1(1)⑥", "佐藤 花子"), Describe(step));
    }

    [Theory]
    [InlineData("private_pc")]
    [InlineData("outside_media")]
    public void ADeviceKindTheCisoHasNotDecided_GoesToTheCisoFirst_ThenTheManager(string deviceKind)
    {
        var record = Record(OutsideDeviceRequestDefinition.Kind, Yamada, answers: (OutsideDeviceRequestDefinition.DeviceKind, deviceKind));

        var route = Router().Route(record, Today);

        Assert.Equal(
            [(StepAction.Approve, OrgRole.Ciso, "5.1(1)④(ア)", "田中 三郎"), (StepAction.Approve, OrgRole.SecurityManager, "5.1(1)④(ア)", "佐藤 花子")],
            route.Steps.Select(Describe));
    }

    [Fact]
    public void ADeviceKindTheCisoHasAllowed_NeedsOnlyTheManager()
    {
        // An administrator removes a kind from the rule once the CISO has decided that it may be used (5.1(1)④(ア)).
        var shipped = File.ReadAllText(RulesPath);
        Assert.Contains("deviceKind: [private_pc, ", shipped, StringComparison.Ordinal);
        var rules = RoutingRulesLoader.Parse(shipped.Replace("deviceKind: [private_pc, ", "deviceKind: [", StringComparison.Ordinal), ReferenceClauses);
        var record = Record(OutsideDeviceRequestDefinition.Kind, Yamada, answers: (OutsideDeviceRequestDefinition.DeviceKind, "private_pc"));

        var step = Assert.Single(Router(rules).Route(record, Today).Steps);

        Assert.Equal(OrgRole.SecurityManager, step.Role);
    }

    [Fact]
    public void ProvidingInformationOutside_NeedsTheManager()
    {
        var record = Record(InformationProvisionRequestDefinition.Kind, Yamada, confidentiality: 2);

        var step = Assert.Single(Router().Route(record, Today).Steps);

        Assert.Equal((StepAction.Approve, OrgRole.SecurityManager, "2(2)⑨(イ)", "佐藤 花子"), Describe(step));
    }

    [Fact]
    public void ADisposalOrLeaseReturn_NeedsTheManagerOfTheApplicantsDepartment()
    {
        var record = Record(DisposalRequestDefinition.Kind, Yamada, confidentiality: 3);

        var step = Assert.Single(Router().Route(record, Today).Steps);

        Assert.Equal((StepAction.Approve, OrgRole.SecurityManager, "2(2)⑩(ウ)", "佐藤 花子"), Describe(step));
    }

    [Fact]
    public void AnExceptionMeasure_IsForTheCisoToPermit()
    {
        var record = Record(ExceptionMeasureRequestDefinition.Kind, OrgTestData.Aad(2));

        var step = Assert.Single(Router().Route(record, Today).Steps);

        Assert.Equal((StepAction.Approve, OrgRole.Ciso, "7.4(1)", "田中 三郎"), Describe(step));
    }
}
