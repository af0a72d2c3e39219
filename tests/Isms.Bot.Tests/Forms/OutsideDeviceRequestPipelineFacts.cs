using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class OutsideDeviceRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "私物端末利用申請";

    protected override string Title => "支給以外の端末・媒体の利用申請";

    protected override string NumberPrefix => "端末";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps =>
        [.. UpToChecks("outside_media"), [("malwareCheck", "true"), ("otherMeasures", "使用後は受け取り元に返却する")]];

    protected override int Taps => 5;

    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("ownerOrSource", "持ち主・受け取り元", 200, "群馬県 消防保安課");

    /// <summary>The cards before the checks: the device, why and for how long, the information.</summary>
    private static (string Field, string Value)[][] UpToChecks(string deviceKind) =>
    [
        [("deviceKind", deviceKind), ("deviceDescription", "DVD-R 1枚"), ("ownerOrSource", "群馬県 危機管理課")],
        [("purpose", "県から配布された訓練資料を読み込むため"), ("useFrom", BotHost.Date(1)), ("useUntil", BotHost.Date(3))],
        [("confidentiality", "2")],
    ];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.False(record.IsIncident);
        Assert.Equal(2, record.HighestConfidentiality);
        Assert.Equal("外部（他団体・業者など）から受け取った記録媒体", record.Answers["deviceKind"].Display);
        Assert.Contains("5.1(1)④(ア)", record.AppliedClauses);
        Assert.Contains("6.4(3)②", record.AppliedClauses);
        Assert.DoesNotContain("6.2(2)⑥", record.AppliedClauses);
    }

    [Theory]
    [InlineData("outside_media", new[] { "malwareCheck", "otherMeasures" })]
    [InlineData("private_pc", new[] { "connectNetwork", "outsideWorkRules", "otherMeasures" })]
    public async Task TheChecksCard_AsksWhatTheDeviceNeeds(string deviceKind, string[] expected)
    {
        var person = Host.Person();
        await Start(person);

        foreach (var card in UpToChecks(deviceKind))
        {
            await person.Press("次へ", card);
        }

        Assert.Equal(expected, FieldIds(person.Card));
    }

    [Fact]
    public async Task AnEndBeforeTheStart_IsRefusedNextToTheField()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", UpToChecks("private_mobile")[0]);

        await person.Press("次へ", ("purpose", "現場で地図を見るため"), ("useFrom", BotHost.Date(1)), ("useUntil", BotHost.Date(0)));

        Assert.Equal("使い終わる日は使い始める日と同じか、それより後の日付にしてください。", ErrorFor(person.Card, "useUntil"));
    }
}
