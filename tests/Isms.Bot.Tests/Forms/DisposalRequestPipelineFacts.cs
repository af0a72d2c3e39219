using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class DisposalRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "廃棄申請";

    protected override string Title => "廃棄・リース返却申請";

    protected override string NumberPrefix => "廃棄";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps =>
    [
        [("disposalKind", "lease_return"), ("asset", "ノートPC 資産番号 K-0123 ほか2台")],
        [("assetKind", "pc"), ("confidentiality", "2")],
        [("plannedMethod", "vendor"), ("plannedDate", BotHost.Date(7)), ("plannedBy", "総務課 試験、○○リース株式会社")],
    ];

    protected override int Taps => 4;

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("asset", "対象（機種・資産番号・数量）", 200, "ノートPC 資産番号 K-0124");

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.False(record.IsIncident);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("リース・レンタルの返却", record.Answers["disposalKind"].Display);
        Assert.Contains("2(2)⑩(ウ)", record.AppliedClauses);
    }

    [Fact]
    public async Task APlannedDateInThePast_IsRefusedNextToTheField()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Steps[0]);
        await person.Press("次へ", Steps[1]);

        await person.Press("次へ", ("plannedMethod", "physical"), ("plannedDate", BotHost.Date(-1)), ("plannedBy", "試験"));

        Assert.Equal("過去の日付は指定できません。今日以降の日付を選んでください。", ErrorFor(person.Card, "plannedDate"));
    }
}
