using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using Isms.Workflows.Training;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Jobs.JobHost;

namespace Isms.Bot.Tests.Jobs;

/// <summary>The jobs' adapters in the real host: the sample org directory and the approvals stored in LiteDB.</summary>
public sealed class AdapterFacts : TempDataDirectory
{
    private const string SatoAad = "00000000-0000-4000-8000-000000000002";
    private const string IkedaAad = "00000000-0000-4000-8000-000000000006"; // 佐藤's deputy 2026-08-10..16
    private const string SuzukiAad = "00000000-0000-4000-8000-000000000003"; // 警防課の情報セキュリティ責任者

    [Fact]
    public async Task People_HoldersPerDepartment_WithTheDeputiesActiveToday()
    {
        var clock = new SettableClock(Jst("2026-11-02T10:00"));
        using var host = Start(DataDirectory, clock);
        var people = host.Services.GetRequiredService<IPeopleLookup>();

        Assert.Equal([SatoAad], Ids(await people.HoldersAsync(IsmsRole.SecurityManager, "警防課", default)));
        Assert.Equal(6, (await people.HoldersAsync(IsmsRole.SecurityManager, null, default)).Count);
        Assert.Equal(["00000000-0000-4000-8000-000000000004"], Ids(await people.HoldersAsync(IsmsRole.ChiefOfficer, "警防課", default)));
        Assert.Equal(["00000000-0000-4000-8000-000000000103"], Ids(await people.HoldersAsync(IsmsRole.IncidentDesk, null, default)));
        Assert.Equal(3, (await people.HoldersAsync(IsmsRole.SystemAdministrator, null, default)).Count);
        Assert.Single(await people.SystemAdministratorsAsync("消防指令システム", default));
        Assert.Empty(await people.SystemAdministratorsAsync("名簿にないシステム", default));

        clock.Set(Jst("2026-08-12T10:00"));
        Assert.Equal([SatoAad, IkedaAad], Ids(await people.HoldersAsync(IsmsRole.SecurityManager, "警防課", default)));
    }

    [Fact]
    public async Task People_Staff_CarryTheDirectoryRoles_SoTheCoursesByRoleApply()
    {
        using var host = Start(DataDirectory, new SettableClock(Jst("2026-11-02T10:00")));
        var staff = await host.Services.GetRequiredService<IPeopleLookup>().StaffAsync(default);
        var planner = host.Services.GetRequiredService<TrainingPlanner>();
        var today = new DateOnly(2026, 11, 2);

        Assert.Equal(20, staff.Count);
        var sato = staff.Single(p => p.Id == SatoAad);
        Assert.Equal("警防課", sato.Department);
        Assert.Equal(["annual", "managers"], planner.Assignments(sato, today).Select(a => a.Course.Id));
        Assert.Equal(["annual", "system"], planner.Assignments(staff.Single(p => p.Name == "加藤 直樹"), today).Select(a => a.Course.Id));
        Assert.Equal(["annual"], planner.Assignments(staff.Single(p => p.Name == "山田 太郎"), today).Select(a => a.Course.Id));
    }

    [Fact]
    public async Task People_Staff_CarryTheirJoiningDay_SoANewHireGetsTheNewHireCourse()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "org-directory.sample.yaml"));
        var joined = sample.Replace("    title: 主事\n    aadObjectId: 00000000-0000-4000-8000-000000000001",
            "    title: 主事\n    joined: 2026-10-01\n    aadObjectId: 00000000-0000-4000-8000-000000000001", StringComparison.Ordinal);
        Assert.NotEqual(sample, joined);
        var path = Path.Combine(DataDirectory, "org-joined.yaml");
        await File.WriteAllTextAsync(path, joined);
        using var host = Start(DataDirectory, new SettableClock(Jst("2026-11-02T10:00")), new Dictionary<string, string?> { ["Directory:Path"] = path });

        var staff = await host.Services.GetRequiredService<IPeopleLookup>().StaffAsync(default);
        var yamada = staff.Single(p => p.Name == "山田 太郎");
        var planner = host.Services.GetRequiredService<TrainingPlanner>();

        Assert.Equal(new DateOnly(2026, 10, 1), yamada.JoinedOn);
        Assert.Contains("new-hire", planner.Assignments(yamada, new DateOnly(2026, 11, 2)).Select(a => a.Course.Id));
        Assert.DoesNotContain("new-hire", planner.Assignments(staff.Single(p => p.Name == "佐藤 花子"), new DateOnly(2026, 11, 2)).Select(a => a.Course.Id));
    }

    [Fact]
    public async Task Assignments_NameTheCurrentApprover_SinceWhen_AndWhoIsNextUp()
    {
        var clock = new SettableClock(Jst("2026-08-12T09:00")); // 佐藤 is away; 池田 acts for her
        using var host = Start(DataDirectory, clock);
        var pending = FileTakeout(host.Services, "adapter-1");
        var assignments = host.Services.GetRequiredService<IApprovalAssignments>();

        var current = await assignments.CurrentAsync([pending.Id, "no-such-record"], default);

        var assignment = Assert.Single(current).Value;
        Assert.Equal([SatoAad, IkedaAad], Ids(assignment.Approvers));
        Assert.Equal(Jst("2026-08-12T09:00"), assignment.AssignedAt);
        Assert.Equal([SuzukiAad], Ids(assignment.EscalateTo));
        Assert.Equal("情報セキュリティ責任者", assignment.EscalateRole);
    }

    [Fact]
    public async Task AMisdeliveryReport_WaitingFor確認_IsAmongThePending_AndItsStepIsAcknowledgeOnly()
    {
        var clock = new SettableClock(Jst("2026-11-02T09:00"));
        using var host = Start(DataDirectory, clock);
        var takeout = FileTakeout(host.Services, "adapter-3");
        var report = FileMisdelivery(host.Services, "adapter-4");

        var pending = host.Services.GetRequiredService<IChaseableRequests>().PendingApprovals().Select(p => p.Id).ToList();
        var current = await host.Services.GetRequiredService<IApprovalAssignments>().CurrentAsync(pending, default);

        Assert.Equal(RequestStatus.Submitted, report.Status);
        Assert.Equivalent(new[] { takeout.Id, report.Id }, pending, strict: true);
        Assert.False(current[takeout.Id].AcknowledgeOnly);
        Assert.True(current[report.Id].AcknowledgeOnly);
        Assert.Equal([SatoAad], Ids(current[report.Id].Approvers));
    }

    [Fact]
    public async Task Assignments_LeaveOutADecidedRequest()
    {
        var clock = new SettableClock(Jst("2026-11-02T09:00"));
        using var host = Start(DataDirectory, clock);
        var record = FileTakeout(host.Services, "adapter-2");
        var approvals = host.Services.GetRequiredService<ApprovalService>();
        var view = approvals.Find(record.Id)!;

        var decided = approvals.Decide(record.Id, SatoAad, DirectorySato.Id, Decision.Approve, null, view.CardVersion, null);

        Assert.True(decided.Succeeded);
        Assert.Empty(await host.Services.GetRequiredService<IApprovalAssignments>().CurrentAsync([record.Id], default));
    }

    private static List<string> Ids(IEnumerable<Recipient> recipients) => recipients.Select(r => r.Key).ToList();
}
