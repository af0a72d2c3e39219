using System.Diagnostics;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static Isms.Bot.Tests.Incidents.IncidentTeams;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// One voice per event, for an incident report: the reporter gets one message after 送信, a problem with the bot's own
/// set-up (no CSIRT channel) goes to the administrators and the log, never to the reporter, and the report reaches the
/// 管理者 within a minute of the first message. Through the real pipeline with the loopback connector.
/// </summary>
public sealed class IncidentReceiptFacts(ITestOutputHelper output) : TempDataDirectory
{
    private const string AdminChannel = "19:admin@thread.tacv2";

    [Fact]
    public async Task WithoutACsirtChannel_TheReporterHearsOnlyWhomItReached_AndTheAdministratorsHearWhatToSetUp()
    {
        await using var host = await BotHost.StartAsync(DataDirectory, new Dictionary<string, string?> { ["Channels:AdminChannelId"] = AdminChannel },
            new FakeTimeProvider(DateTimeOffset.UtcNow));
        await Hello(host, Sato);
        await Hello(host, Saito);
        await host.MentionInChannel(Kato, AdminChannel);
        var before = host.Connector.Received.Count;

        var (number, replies) = await Report(host.Client);

        var receipt = Assert.Single(Pipeline.TeamsActivities.ReplyCards(replies));
        Assert.Single(replies);
        var text = Text(receipt);
        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん、統一的な窓口（CSIRT）", FormConversation.Facts(receipt)["届いた相手"]);
        Assert.DoesNotContain("チャネル", text);
        Assert.DoesNotContain("設定", text);
        var toAdmins = Assert.Single(Since(host.Connector, before), s => s.Conversation == AdminChannel).Activity;
        Assert.Contains($"CSIRTのチャネル（設定 Channels:CsirtChannelId）が設定されていないため、インシデント報告（{number}）はCSIRTの各メンバーに個別に送りました。",
            (string?)toAdmins["text"]);
        Assert.Contains(host.Logs, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Configuration problem: No CSIRT channel is configured", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("山田", StringComparison.Ordinal) || l.Message.Contains("見当たりません", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReport_ReachesTheManager_WithinAMinuteOfTheFirstMessage_InThreeTaps()
    {
        await using var host = await BotHost.StartAsync(DataDirectory, new Dictionary<string, string?> { ["Channels:CsirtChannelId"] = CsirtChannel },
            new FakeTimeProvider(DateTimeOffset.UtcNow));
        await Hello(host, Sato);
        await Hello(host, Saito, inCsirtChannel: true);
        var before = host.Connector.Received.Count;
        var person = new FormConversation(host.Client, Yamada);
        var clock = Stopwatch.StartNew();

        await person.Say("公用スマホなくした");
        var started = clock.Elapsed;
        await person.FillIn(("description", "公用スマートフォンが見当たりません。"), ("reportedBy", "self"), ("affectedAssets", "公用スマートフォン1台"),
            ("confidentiality", "2"), ("personalData", "no"), ("possibleCrime", "no"), ("firstResponse", "立ち寄り先に問い合わせました。"));
        var confirmed = clock.Elapsed;
        await person.Press("送信");
        var answered = clock.Elapsed;

        // The 管理者's card was posted before the reporter's answer came back: within the same turn as 送信.
        var toManager = Assert.Single(Since(host.Connector, before), s => s.Conversation == Pipeline.TeamsActivities.PersonalConversationId(Sato));
        Assert.Equal(["isms.incident.ack"], Verbs(CardOf(toManager.Activity)));
        Assert.Single(person.Replies);
        Assert.True(answered < TimeSpan.FromMinutes(1), $"first message to the 管理者's card took {answered}");
        output.WriteLine($"インシデント報告 (pipeline, fake connector): first message → form {started.TotalMilliseconds:0} ms; → confirmation after 2 taps " +
            $"{confirmed.TotalMilliseconds:0} ms; 送信 (tap 3) → 管理者's card posted and the reporter answered {answered.TotalMilliseconds:0} ms from the first message " +
            "(bot time only: the inputs are typed instantly).");
    }
}
