using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class InformationProvisionRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "情報提供申請";

    protected override string Title => "外部への情報提供申請";

    protected override string NumberPrefix => "提供";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps =>
        [.. UpToMethod(), [("method", "email"), ("encryption", "yes"), ("otherMeasures", "パスワードは電話で伝える")]];

    protected override int Taps => 5;

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("recipient", "提供先（機関名・部署・担当者）", 200, "館林警察署 交通課");

    /// <summary>The cards before the method: to whom, what, personal data and when.</summary>
    private static (string Field, string Value)[][] UpToMethod() =>
    [
        [("recipientKind", "police"), ("recipient", "館林警察署 刑事課"), ("requestReference", "館警刑第123号")],
        [("information", "5月20日の救急出場記録（傷病者1名分）"), ("confidentiality", "2")],
        [("personalData", "yes"), ("provideDate", BotHost.Date(1))],
    ];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.False(record.IsIncident);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("警察", record.Answers["recipientKind"].Display);
        Assert.Contains("2(2)⑨(イ)", record.AppliedClauses);
        Assert.Contains("2(2)⑨(ア)", record.AppliedClauses);
    }

    [Fact]
    public async Task Confidentiality1_IsNotOffered_BecauseItNeedsNoPermission()
    {
        var person = Host.Person();

        await Start(person);
        await person.Press("次へ", UpToMethod()[0]);

        Assert.Equal(["3A", "3B", "3C", "2"], Procedures.ProcedureFlow.Choices(person.Card, "confidentiality").Select(c => c.Value));
    }

    [Fact]
    public async Task NotEncrypting_AsksWhy()
    {
        var person = Host.Person();
        await Start(person);
        foreach (var card in UpToMethod())
        {
            await person.Press("次へ", card);
        }

        await person.Press("次へ", ("method", "media"), ("encryption", "no"));

        Assert.Contains("noEncryptionReason", FieldIds(person.Card));
    }
}
