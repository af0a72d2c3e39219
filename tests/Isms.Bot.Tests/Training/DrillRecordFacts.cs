using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Audit;
using Isms.Workflows.Training;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Training;

/// <summary>
/// 訓練記録 through /api/messages: the 統括 (or the CISO, 副CISO) records a held 緊急時対応訓練 (5.2(3)) on a card, and the
/// committee report (5.2(2)⑥) counts it; nobody else may, by command or by a forged submit.
/// </summary>
public sealed class DrillRecordFacts : TempDataDirectory
{
    /// <summary>統括情報セキュリティ責任者.</summary>
    private static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    [Fact]
    public async Task TheChief_RecordsAHeldDrill_OnACard_AndTheCommitteeReportCountsIt()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var chief = host.As(Takahashi);

        await chief.Say("訓練記録");
        AdaptiveCardValidator.AssertValid(chief.Card);
        Assert.Equal(["title", "heldOn", "participants", "scope", "findings"], FieldIds(chief.Card));

        await chief.Press("記録する", ("title", "ウイルス感染時の初動対応訓練"), ("heldOn", BotHost.Date(-3)), ("participants", "たくさん"));
        Assert.Contains("参加人数を数字で入力してください。", AllText(chief.Card));

        await chief.Press("記録する", ("title", "ウイルス感染時の初動対応訓練"), ("heldOn", BotHost.Date(-3)), ("participants", "28"),
            ("scope", "消防本部全課"), ("findings", "LANケーブルの位置が分からない職員がいた"));
        Assert.Contains("緊急時対応訓練として記録しました", Assert.Single(chief.Texts));

        var today = BotHost.Today;
        var fiscalYear = TrainingPlanner.FiscalYearStart(today);
        var drills = host.Get<TrainingStore>().DrillsBetween(fiscalYear.AddYears(-1), today);
        var drill = Assert.Single(drills);
        Assert.Equal((today.AddDays(-3), 28, "消防本部全課"), (drill.HeldOn, drill.Participants, drill.Scope));
        var report = TrainingReports.ForCommittee([], drills, fiscalYear, today);
        Assert.Contains("実施 1件", report.Text, StringComparison.Ordinal);
        Assert.Contains("ウイルス感染時の初動対応訓練（参加 28名）", report.Text, StringComparison.Ordinal);
        Assert.Contains(host.Get<AuditTrail>().Entries(), e => e.Event is { Action: "DrillRecorded", ActorId: "E0004", Clause: "5.2(3)" });
    }

    [Fact]
    public async Task StaffMayNotRecordADrill_ByCommandOrByAForgedSubmit()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);
        var chief = host.As(Takahashi);
        await chief.Say("訓練記録");
        var card = chief.Card;

        var staff = host.Person("訓練 太郎");
        await staff.Say("訓練記録");
        Assert.Contains("CISO・副CISO・統括情報セキュリティ責任者", Assert.Single(staff.Texts));
        await staff.Send(SubmitValue(card, "記録する", [("title", "偽の訓練"), ("heldOn", BotHost.Date(0)), ("participants", "5")]));
        Assert.Contains("CISO・副CISO・統括情報セキュリティ責任者", Assert.Single(staff.Texts));

        Assert.Empty(host.Get<TrainingStore>().DrillsBetween(BotHost.Today.AddYears(-2), BotHost.Today));
    }
}
