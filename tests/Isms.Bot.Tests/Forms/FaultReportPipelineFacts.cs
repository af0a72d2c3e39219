using Isms.Bot.Tests.Pipeline;
using Isms.Bot.Tests.Procedures;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class FaultReportPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "障害報告";

    protected override string Title => "障害報告";

    protected override string NumberPrefix => "障害";

    protected override RequestStatus InitialStatus => RequestStatus.Submitted;

    protected override (string Field, string Value)[][] Steps =>
    [
        System("ネットワーク"),
        [("occurredTime", "09:30"), ("symptom", "network"), ("description", "朝から庁内のネットワークにつながらない")],
        Impact("no"),
        [("businessImpact", "出場記録の入力ができない"), ("actionsTaken", "端末を再起動した")],
    ];

    protected override int Taps => 5;

    protected override string SenderRole => "報告者";

    /// <summary>The day it happened starts as today and is not asked (修正する shows it).</summary>
    protected override (string Field, string Value)[] Defaulted(TeamsActivities.TeamsUser person) => [("occurredDate", BotHost.Date(0))];

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("description", "どのような状態か", 2000, "朝から庁内のネットワークにつながらず、共有フォルダが開けない");

    internal static (string Field, string Value)[] System(string system) => [("system", system), ("equipment", "警防課 PC-0123")];

    internal static (string Field, string Value)[] Impact(string suspicious) => [("suspicious", suspicious), ("scope", "section")];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.False(record.IsIncident);
        Assert.Equal("ネットワーク", record.Answers["system"].Display);
        Assert.Equal("ネットワークにつながらない", record.Answers["symptom"].Display);
        Assert.Contains("6.1(7)", record.AppliedClauses);
        Assert.DoesNotContain("5.3(1)①", record.AppliedClauses);
        Assert.Contains("障害記録", record.NextStep);
    }

    [Fact]
    public async Task TheSystems_AreTheOnesTheDirectoryNamesAnAdministratorFor_AndDontKnow()
    {
        var person = Host.Person();

        await Start(person);

        Assert.Equal(
            [("ネットワーク", "ネットワーク"), ("文書管理システム", "文書管理システム"), ("消防指令システム", "消防指令システム"), ("unknown", "分からない・その他")],
            ProcedureFlow.Choices(person.Card, "system"));
        Assert.DoesNotContain("applicantDepartment", FieldIds(person.Card));
    }

    [Fact]
    public async Task ASystemTheDirectoryDoesNotKnow_IsRefusedNextToTheField()
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", System("経理システム"));

        Assert.Equal("選択肢にない値です。一覧から選んでください。", ErrorFor(person.Card, "system"));
    }

    [Fact]
    public async Task ASuspiciousScreen_GivesTheFirstResponseAtOnce_AndSendsToTheIncidentReport_ButStaysAFault()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, PageOf("suspicious"));

        await person.Press("次へ", Impact("yes"));

        var notice = Assert.Single(person.Texts);
        Assert.StartsWith("【インシデントの疑いがあります】", notice);
        Assert.Contains("LANケーブルを抜いて", notice);
        Assert.Contains("「インシデント報告」", notice);
        await FillRest(person);
        Assert.DoesNotContain(person.Texts, t => t.StartsWith("【インシデントの疑いがあります】", StringComparison.Ordinal));
        var number = await SubmitAndReadNumber(person);

        var record = Host.Records.FindByNumber(number)!;
        Assert.False(record.IsIncident);
        Assert.Equal(RequestStatus.Submitted, record.Status);
        Assert.Contains("「インシデント報告」からも報告してください", record.NextStep);
        Assert.Contains("6.4(3)⑦", record.AppliedClauses);

        await person.Say("インシデント報告");
        Assert.Contains("インシデント報告（1/", AllText(person.Card));
    }

    [Theory]
    [InlineData("文書管理システムが朝から止まっていて使えません", "障害報告（1/")]
    [InlineData("庁内のネットワークにつながらなくなりました", "障害報告（1/")]
    [InlineData("ファイルが全部開けなくなって、ビットコインで払えという画面が出ています", "インシデント報告（1/")]
    public async Task WordsAboutAFault_StartTheFaultReport_AndARansomNoteTheIncidentReport(string words, string form)
    {
        var person = Host.Person();

        await person.Say(words);

        Assert.Contains(form, AllText(person.Card));
    }
}
