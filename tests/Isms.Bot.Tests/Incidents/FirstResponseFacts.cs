using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// 6.4(3)⑦ asks staff to follow the first-response procedure 「事前に決められた」: the union's procedure is a setting
/// (Forms:MalwareFirstResponse), shown wherever the first response is; the clause's own fallback (take the device off
/// the network) only when none is set.
/// </summary>
public sealed class FirstResponseFacts : TempDataDirectory
{
    private const string UnionStep1 = "端末の電源を入れたまま、情報政策係（内線 2200）に電話してください。";
    private const string UnionStep2 = "情報政策係の指示があるまで、LANケーブルはそのままにしてください。";

    private static readonly Dictionary<string, string?> UnionProcedure = new()
    {
        ["Forms:MalwareFirstResponse:0"] = UnionStep1,
        ["Forms:MalwareFirstResponse:1"] = UnionStep2,
    };

    [Fact]
    public async Task TheUnionsProcedure_IsWhatTheIncidentReportTheFaultReportAndTheHelpCardShow()
    {
        await using var host = await BotHost.StartAsync(DataDirectory, UnionProcedure);

        var incident = host.Person("初動 一郎");
        await incident.Say("インシデント報告");
        await incident.Press("次へ", ("incidentKind", "malware"), ("description", "身に覚えのない警告が出ました。"));
        var notice = Assert.Single(incident.Texts);
        Assert.Contains($"1. {UnionStep1}\n2. {UnionStep2}", notice, StringComparison.Ordinal);
        Assert.Contains("6.4(3)⑦", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("LANケーブルを抜いてください", notice, StringComparison.Ordinal);

        var fault = host.Person("初動 二郎");
        await fault.Say("障害報告");
        await fault.Press("次へ", ("system", "unknown"));
        await fault.Press("次へ");
        await fault.Press("次へ", ("symptom", "error"), ("description", "画面に脅迫文が出ました。"));
        await fault.Press("次へ", ("suspicious", "yes"), ("scope", "self"));
        var faultNotice = fault.Texts.Single(t => t.Contains("インシデントの疑い", StringComparison.Ordinal));
        Assert.Contains($"1. {UnionStep1}\n2. {UnionStep2}\n3. この障害報告を送ったら", faultNotice, StringComparison.Ordinal);

        await incident.Say("ヘルプ");
        Assert.Contains($"ウイルス感染の疑い: {UnionStep1}（6.4(3)⑦）", CardTexts(incident.Card));
    }

    [Fact]
    public async Task WithoutAProcedure_TheClausesOwnFallback_TakesTheDeviceOffTheNetwork()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);

        var person = host.Person("初動 三郎");
        await person.Say("インシデント報告");
        await person.Press("次へ", ("incidentKind", "malware"), ("description", "身に覚えのない警告が出ました。"));

        Assert.Contains("1. その端末のLANケーブルを抜いてください。無線の場合は通信を切ってください。", Assert.Single(person.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportWordedBeyondTheWordLists_GetsTheFirstResponseTheModelsRead()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);

        // No word of the incident kinds' lists: the procedure classifier reads a suspected virus.
        var person = host.Person("初動 四郎");
        await person.Say("知らない番号からサポートですって電話きて、言われるままにアプリ入れて画面見せちゃった");

        Assert.StartsWith("インシデント報告", CardTexts(person.Card).First(), StringComparison.Ordinal);
        Assert.Contains("LANケーブルを抜いてください", string.Join("\n", person.Texts.Append(AllText(person.Card))), StringComparison.Ordinal);
    }

    // Worry after the act (開いちゃったけど大丈夫かな？) is a report; leave asked before it (開いてもへーき？) is a question
    // about the rule, answered by it (such attachments are deleted, 6.4(3)③).
    [Fact]
    public async Task WorryAfterOpeningAnAttachment_StartsTheReportWithTheFirstResponse_WhileAskingFirst_IsAnswered()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);

        var opened = host.Person("初動 六郎");
        await opened.Say("知らない人からのメールの添付、開いちゃったけど大丈夫かな？");
        Assert.StartsWith("インシデント報告", CardTexts(opened.Card).First(), StringComparison.Ordinal);
        Assert.Contains("LANケーブルを抜いてください", string.Join("\n", opened.Texts.Append(AllText(opened.Card))), StringComparison.Ordinal);

        var asking = host.Person("初動 七郎");
        await asking.Say("知らない人から添付付きのメールきてる。開いてもへーき？");
        var answer = AllText(asking.Card);
        Assert.DoesNotContain("インシデント報告（1/", answer, StringComparison.Ordinal);
        Assert.Contains("6.4(3)③", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailInTheirNameThatTheyNeverSent_IsAnIncident_NotAMisdelivery_AndThePasswordIsChangedFirst()
    {
        await using var host = await BotHost.StartAsync(DataDirectory);

        // Nothing was given away, but someone is sending as them: the password may have leaked (5.4(2)④).
        var person = host.Person("初動 五郎");
        await person.Say("取引先から、うちの係のアドレスで請求書のメールが届いたって電話があった。誰も送ってないんだけど");

        Assert.StartsWith("インシデント報告", CardTexts(person.Card).First(), StringComparison.Ordinal);
        var shown = string.Join("\n", person.Texts.Append(AllText(person.Card)));
        Assert.Contains("パスワードをすぐに変更してください", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("誤送信報告", shown, StringComparison.Ordinal);
    }
}
