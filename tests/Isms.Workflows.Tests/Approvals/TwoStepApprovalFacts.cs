using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Routing;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>A route with two Approve stages (管理者, then 責任者): the first approval hands the record on.</summary>
public sealed class TwoStepApprovalFacts : IDisposable
{
    private const string OneStep = """      - { action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }""";

    private const string TwoSteps = """
              - { stage: 1, action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }
              - { stage: 2, action: Approve, role: SecurityOfficer, clause: "5.1(1)③(イ)" }
        """;

    private static string Rules()
    {
        var shipped = File.ReadAllText(RoutingTestData.RulesPath);
        Assert.Contains(OneStep, shipped, StringComparison.Ordinal);
        return shipped.Replace(OneStep, TwoSteps.TrimEnd('\n'), StringComparison.Ordinal);
    }

    private readonly ApprovalHarness _h = new(rules: RoutingRulesLoader.Parse(Rules(), RoutingTestData.ReferenceClauses));

    public void Dispose() => _h.Dispose();

    [Fact]
    public void FirstApproval_AdvancesToTheNextStep_AndTellsTheApplicantAndTheNextApprover()
    {
        var record = _h.Submit();
        var firstCard = _h.Service.Assign(record, "act-card").View.CardVersion;

        var first = _h.Decide(record, Sato);

        Assert.Equal(DecisionOutcome.Decided, first.Outcome);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);
        Assert.Equal(ApprovalState.Pending, first.View!.State);
        Assert.Equal("警防課 情報セキュリティ責任者", first.View.CurrentStepLabel);
        Assert.Equal(["山田 太郎", "鈴木 一郎"], first.Notifications.Select(n => n.To.Name));
        // 次の対応 is what is next now: the second step, by name.
        Assert.Contains("次の対応: 警防課の情報セキュリティ責任者の鈴木 一郎さんが内容を確認し、承認するかどうかを判断します", first.Notifications[0].Text, StringComparison.Ordinal);
        Assert.Contains("持出-2026-0001", first.Notifications[1].Text, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.StaleCard, _h.Decide(record, Suzuki, version: firstCard).Outcome);
        Assert.Equal(DecisionOutcome.NotAllowed, _h.Decide(record, Sato).Outcome);

        var second = _h.Decide(record, Suzuki);

        Assert.Equal(DecisionOutcome.Decided, second.Outcome);
        Assert.Equal(RequestStatus.Approved, _h.Load(record.Id).Status);
        Assert.Equal(["佐藤 花子", "鈴木 一郎"], second.View!.Decisions.Select(d => d.DeciderName));
        Assert.Equal(["ApprovalRequested", "Approved", "Approved"], _h.Audit.Entries(record.Id).Select(e => e.Event.Action));
    }
}
