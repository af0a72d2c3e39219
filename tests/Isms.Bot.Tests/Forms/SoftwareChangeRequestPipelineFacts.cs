using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Forms.FormConversation;

namespace Isms.Bot.Tests.Forms;

public sealed class SoftwareChangeRequestPipelineFacts(BotHost host) : FormPipelineFacts(host), IClassFixture<BotHost>
{
    protected override string Command => "ソフトウェア導入申請";

    protected override string Title => "ソフトウェア導入・設定変更申請";

    protected override string NumberPrefix => "導入";

    protected override RequestStatus InitialStatus => RequestStatus.PendingApproval;

    protected override (string Field, string Value)[][] Steps =>
    [
        FirstStep("install"),
        [("system", "ネットワーク"), ("softwareName", "CSV変換ツール 2.1")],
        [("licence", "free"), ("licenceDetail", "無償。利用規約で業務利用が認められている")],
        [("legitimateCopy", "true"), ("malwareCheck", "true"), ("risks", "なし")],
    ];

    protected override int Taps => 5;


    protected override (string Field, string Label, int MaxLength, string Corrected) Correctable =>
        ("target", "対象の端末（資産番号など）", 200, "警防課 PC-0456");

    private static (string Field, string Value)[] FirstStep(string changeKind) =>
    [
        ("changeKind", changeKind), ("target", "警防課 PC-0123"), ("purpose", "出場記録の集計に使うため"),
    ];

    protected override void AssertPlainRecord(RequestRecord record)
    {
        Assert.False(record.IsIncident);
        Assert.Equal("ソフトウェアの導入（インストール）", record.Answers["changeKind"].Display);
        Assert.Equal("無償（利用条件を確認した）", record.Answers["licence"].Display);
        Assert.Contains("6.1(17)②", record.AppliedClauses);
        Assert.Contains("6.1(17)③", record.AppliedClauses);
        Assert.Contains("6.4(3)②", record.AppliedClauses);
    }

    [Theory]
    [InlineData("install", new[] { "system", "softwareName" })]
    [InlineData("hardware", new[] { "system", "hardwareDetail" })]
    [InlineData("settings", new[] { "settingDetail" })]
    public async Task TheSecondCard_AsksWhatTheKindOfChangeNeeds(string changeKind, string[] expected)
    {
        var person = Host.Person();
        await Start(person);

        await person.Press("次へ", FirstStep(changeKind));

        Assert.Equal(expected, FieldIds(person.Card));
    }

    [Fact]
    public async Task ASettingChangedForAWhile_AsksWhenItIsRestored()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", FirstStep("settings"));
        await person.Press("次へ", ("settingDetail", "作業中だけウイルス対策ソフトのリアルタイム検査を止める"));
        Assert.Equal(["settingPeriod", "risks"], FieldIds(person.Card));

        await person.Press("次へ", ("settingPeriod", "temporary"), ("risks", "作業中はネットワークから切り離す"));

        Assert.Equal(["restoreDate"], FieldIds(person.Card));
    }
}
