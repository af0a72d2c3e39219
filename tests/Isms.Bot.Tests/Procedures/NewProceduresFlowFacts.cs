using Isms.Bot.Tests.Approvals;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Procedures.SampleStaff;

namespace Isms.Bot.Tests.Procedures;

/// <summary>
/// ソフトウェア導入・設定変更申請 (6.1(17)②, 6.1(18)②, 5.1(1)⑥), 支給以外の端末・媒体の利用申請 (5.1(1)④(ア)) and
/// 外部への情報提供申請 (2(2)⑨(イ)) through the real host with the sample directory: each goes to the people the clause
/// names, in order, and is approved only when the last of them approves.
/// </summary>
public sealed class NewProceduresFlowFacts : TempDataDirectory
{
    [Fact]
    public async Task InstallingSoftwareOnTheDocumentSystem_IsApprovedByItsAdministrator_ThenByTheChiefOfficer()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var number = await host.FileAsync(Yamada, "ソフトウェア導入申請",
            [("changeKind", "install"), ("target", "総務課 PC-0456"), ("purpose", "起案文書をPDFにするため")],
            [("system", "文書管理システム"), ("softwareName", "PDF変換ツール 5.0"), ("licence", "owned"), ("licenceDetail", "組合の包括ライセンス（20台）"), ("legitimateCopy", "true"), ("malwareCheck", "true")]);

        Assert.StartsWith("導入-2026-", number);
        var id = host.Record(number).Id;
        Assert.Equal(["斎藤 健一"], host.Get<ApprovalService>().Find(id)!.CurrentDeciderNames);

        await host.DecideAsync(Saito, number, "承認");

        Assert.Equal(RequestStatus.PendingApproval, host.Record(number).Status);
        Assert.Equal(["高橋 次郎"], host.Get<ApprovalService>().Find(id)!.CurrentDeciderNames);

        await host.DecideAsync(Takahashi, number, "承認");

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        Assert.Equal("組合の包括ライセンス（20台）", host.Record(number).Answers["licenceDetail"].Display);
    }

    [Fact]
    public async Task APrivateTablet_IsDecidedByTheCisoFirst_AndTheManagerCannotApproveBeforeThat()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var number = await host.FileAsync(Yamada, "私物端末利用申請",
            [("deviceKind", "private_mobile"), ("deviceDescription", "iPad（第9世代）"), ("ownerOrSource", "本人所有"), ("purpose", "災害現場で地図を見るため"),
                ("confidentiality", "1"), ("useFrom", host.Day(1)), ("useUntil", host.Day(30))],
            [("connectNetwork", "no"), ("outsideWorkRules", "true")]);
        var id = host.Record(number).Id;

        Assert.Equal(["田中 三郎"], host.Get<ApprovalService>().Find(id)!.CurrentDeciderNames);
        await host.DecideAsync(Tanaka, number, "承認");
        Assert.Equal(["佐藤 花子"], host.Get<ApprovalService>().Find(id)!.CurrentDeciderNames);
        await host.DecideAsync(Sato, number, "承認");

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
    }

    [Fact]
    public async Task GivingRecordsToThePolice_IsForTheManagerToPermit_AndARejectionReachesTheApplicant()
    {
        await using var host = await ApprovalHost.StartAsync(DataDirectory);
        var number = await host.FileAsync(Yamada, "情報提供申請",
            [("recipientKind", "police"), ("recipient", "館林警察署 刑事課"), ("information", "救急出場記録（傷病者1名分）"), ("confidentiality", "3B"),
                ("personalData", "yes"), ("provideDate", host.Day(1))],
            [("method", "paper"), ("encryption", "not_applicable")]);

        Assert.Equal(["佐藤 花子"], host.Get<ApprovalService>().Find(host.Record(number).Id)!.CurrentDeciderNames);
        await host.DecideAsync(Sato, number, "却下", "照会文書の写しを添えて出し直してください");

        Assert.Equal(RequestStatus.Rejected, host.Record(number).Status);
        Assert.Contains(host.Connector.Received, r => r.ConversationId == TeamsActivities.PersonalConversationId(Yamada)
            && ((string?)r.Activity["text"])?.Contains(number, StringComparison.Ordinal) == true);
    }
}
