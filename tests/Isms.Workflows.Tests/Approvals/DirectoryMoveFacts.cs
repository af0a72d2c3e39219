using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Org;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>Finding 6: a pending approval is decided by whoever holds the step's role in the directory as it is now; the
/// move and every reload of the directory are in the audit trail.</summary>
public sealed class DirectoryMoveFacts : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"isms-directory-{Guid.NewGuid():N}.yaml");
    private readonly ApprovalHarness _h;

    public DirectoryMoveFacts()
    {
        File.WriteAllText(_path, OrgTestData.SampleText);
        _h = new ApprovalHarness(AfterLeave, directoryPath: _path);
    }

    public void Dispose()
    {
        _h.Dispose();
        File.Delete(_path);
    }

    [Fact]
    public void Finding6_AfterTheManagersRoleMoves_TheFormerHolderCannotDecide_TheNewHolderCan_AndTheMoveIsAudited()
    {
        var record = _h.Submit();
        _h.Service.Assign(record, "act-submit");
        Assert.Equal(new[] { "佐藤 花子" }, _h.Service.Find(record.Id)!.CurrentDeciderNames);

        MoveSecurityManagerFromSatoToIkeda();
        Assert.True(_h.Directory.Reload());

        var former = _h.Decide(record, Sato, teamsId: SatoTeams);
        Assert.Equal(DecisionOutcome.NotAllowed, former.Outcome);
        Assert.Equal(RequestStatus.PendingApproval, _h.Load(record.Id).Status);

        var successor = _h.Decide(record, Ikeda, teamsId: IkedaTeams);
        Assert.Equal(DecisionOutcome.Decided, successor.Outcome);
        Assert.Equal(RequestStatus.Approved, _h.Load(record.Id).Status);

        var moved = Assert.Single(_h.Audit.Entries(record.Id), e => e.Event.Action == "Reassigned");
        Assert.Contains("E0002", moved.Event.Detail);
        Assert.Contains("→", moved.Event.Detail);
        Assert.EndsWith("E0006", moved.Event.Detail);
        Assert.Contains(_h.Load(record.Id).History, h => h.Action == "Reassigned");
        Assert.True(_h.Audit.Verify().IsValid);
    }

    [Fact]
    public void Finding6_EveryDirectoryReload_LeavesAnAuditEntry_WithoutNames()
    {
        Assert.True(_h.Directory.Reload());

        var reload = Assert.Single(_h.Audit.Entries(), e => e.Event.Action == "DirectoryReloaded");
        Assert.Equal("system", reload.Event.ActorId);
        Assert.Contains("回付先の変更0件", reload.Event.Detail);
        Assert.DoesNotContain("佐藤", reload.Event.Detail);
    }

    [Fact]
    public void Finding6_ARoleThatDidNotMove_LeavesThePendingStepAsItWas()
    {
        var record = _h.Submit();
        _h.Service.Assign(record, "act-submit");

        Assert.True(_h.Directory.Reload());

        Assert.DoesNotContain(_h.Audit.Entries(record.Id), e => e.Event.Action == "Reassigned");
        Assert.Equal(DecisionOutcome.Decided, _h.Decide(record, Sato, teamsId: SatoTeams).Outcome);
    }

    private void MoveSecurityManagerFromSatoToIkeda()
    {
        const string SatoHolds = "    roles:\n      - role: SecurityManager\n  - id: E0003\n";
        const string IkedaEntry = "    aadObjectId: 00000000-0000-4000-8000-000000000006\n";
        const string Deputy = "  - deputy: E0006\n    for: E0002\n    role: SecurityManager\n    from: 2026-08-10\n    until: 2026-08-16\n    reason: 夏季休暇\n";
        var text = File.ReadAllText(_path).ReplaceLineEndings("\n");
        Assert.Contains(SatoHolds, text, StringComparison.Ordinal);
        Assert.Contains(IkedaEntry, text, StringComparison.Ordinal);
        Assert.Contains(Deputy, text, StringComparison.Ordinal);
        text = text.Replace(SatoHolds, "  - id: E0003\n", StringComparison.Ordinal)
            .Replace(IkedaEntry, IkedaEntry + "    roles:\n      - role: SecurityManager\n", StringComparison.Ordinal)
            .Replace("deputies:\n" + Deputy, "deputies: []\n", StringComparison.Ordinal);
        File.WriteAllText(_path, text);
    }
}
