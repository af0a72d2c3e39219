using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Testing;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Incidents.IncidentTeams;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// 5.3(1)①: 佐藤 (the 管理者) confirms 山田's 誤送信報告 by making it an incident report: a button on her card, checked by
/// the server (only she or her stand-in), an incident report linked both ways that starts the chain, once on a double tap.
/// </summary>
public sealed class MisdeliveryToIncidentFacts : TempDataDirectory
{
    [Fact]
    public async Task TheManager_TurnsTheReportIntoAnIncident_LinkedBothWays_Once()
    {
        await using var host = await StartHostAsync();
        var (client, connector) = (host.Client, host.Connector);
        var (reporter, number, managerCard) = await ReportMisdeliveryAsync(host);
        Assert.Contains("isms.reportIncident", Verbs(managerCard));

        // Someone else (the reporter, a stranger) is refused, and nothing is made.
        var (_, byReporter) = await Press(host, Yamada, managerCard, "インシデントとして報告");
        var (_, byStranger) = await Press(host, Stranger, managerCard, "インシデントとして報告");
        var store = host.Services.GetRequiredService<IRequestStore>();
        Assert.Null(store.FindByNumber(number)!.LinkedRecordNumber);
        Assert.Contains("1(8)①", Text(ResponseCard(byReporter) ?? byReporter));
        Assert.DoesNotContain("インシデント-", byStranger.ToJsonString());

        var before = connector.Received.Count;
        var (_, first) = await Press(host, Sato, managerCard, "インシデントとして報告");
        var (_, second) = await Press(host, Sato, managerCard, "インシデントとして報告");

        var report = store.FindByNumber(number)!;
        Assert.Equal(RequestStatus.Acknowledged, report.Status);
        var incident = store.FindByNumber(report.LinkedRecordNumber!)!;
        Assert.True(incident.IsIncident);
        Assert.Equal("インシデント報告", incident.Title);
        Assert.Equal((report.Id, report.Number), (incident.LinkedRecordId, incident.LinkedRecordNumber));
        Assert.Equal(incident.Id, report.LinkedRecordId);
        Assert.Contains("5.3(1)①", incident.AppliedClauses);
        Assert.Equal("誤送信・誤送付", incident.Answers["incidentKind"].Display);
        // One incident on a double tap: the second press finds the report already handled.
        Assert.Equal(1, host.Services.GetRequiredService<IsmsDatabase>().Collection<RequestRecord>(LiteDbRequestStore.CollectionName)
            .Count(r => r.LinkedRecordId == report.Id));
        Assert.DoesNotContain("isms.reportIncident", second.ToJsonString());
        // The chain starts: the CSIRT desk gets the incident's triage card naming the report.
        var csirtCard = CardOf(Since(connector, before).First(s => s.Conversation == CsirtChannel).Activity);
        Assert.Contains(number, Text(csirtCard));
        Assert.Contains(incident.Number, Text(ResponseCard(first)!));

        // 申請状況 shows each record with the other.
        var mine = await reporter.Say("申請状況");
        Assert.Contains($"インシデント報告（{incident.Number}）", Text(TeamsActivities.ReplyCards(mine).Single()));
        var sato = new FormConversation(client, Sato);
        var hers = await sato.Say("申請状況");
        Assert.Contains($"誤送信報告（{number}）", Text(TeamsActivities.ReplyCards(hers).Single()));
    }

    [Fact]
    public async Task AfterConfirming_TheManagerCanStillTurnTheReportIntoAnIncident_Once_AndNobodyElseCan()
    {
        await using var host = await StartHostAsync();
        var (client, connector) = (host.Client, host.Connector);
        var (reporter, number, managerCard) = await ReportMisdeliveryAsync(host);
        var store = host.Services.GetRequiredService<IRequestStore>();

        var (_, confirmed) = await Press(host, Sato, managerCard, "確認");

        Assert.Equal(RequestStatus.Acknowledged, store.FindByNumber(number)!.Status);
        var confirmedCard = ResponseCard(confirmed)!;
        AdaptiveCardValidator.AssertValid(confirmedCard);
        Assert.Contains("isms.reportIncident", Verbs(confirmedCard));
        Assert.DoesNotContain("isms.acknowledge", Verbs(confirmedCard));
        // Everyone else's copy shows the status; a refresh brings the button back to the 管理者 alone.
        var (_, satoRefresh) = await Refresh(host, Sato, confirmedCard);
        var (_, reporterRefresh) = await Refresh(host, Yamada, confirmedCard);
        Assert.Contains("isms.reportIncident", Verbs(ResponseCard(satoRefresh)!));
        Assert.DoesNotContain("isms.reportIncident", Verbs(ResponseCard(reporterRefresh)!));
        var (_, byReporter) = await Press(host, Yamada, confirmedCard, "インシデントとして報告");
        var (_, byOfficer) = await Press(host, Suzuki, confirmedCard, "インシデントとして報告");
        Assert.Contains("1(8)①", Text(ResponseCard(byReporter) ?? byReporter));
        Assert.Contains("またはその代理の方です", Text(ResponseCard(byOfficer) ?? byOfficer));
        Assert.Null(store.FindByNumber(number)!.LinkedRecordNumber);

        var before = connector.Received.Count;
        var (_, first) = await Press(host, Sato, confirmedCard, "インシデントとして報告", ("comment", "個人情報が含まれていると分かったため"));
        var (_, second) = await Press(host, Sato, confirmedCard, "インシデントとして報告");

        var report = store.FindByNumber(number)!;
        Assert.Equal(RequestStatus.Acknowledged, report.Status);
        var incident = store.FindByNumber(report.LinkedRecordNumber!)!;
        Assert.True(incident.IsIncident);
        Assert.Equal((report.Id, report.Number), (incident.LinkedRecordId, incident.LinkedRecordNumber));
        Assert.Equal(1, host.Services.GetRequiredService<IsmsDatabase>().Collection<RequestRecord>(LiteDbRequestStore.CollectionName)
            .Count(r => r.LinkedRecordId == report.Id));
        Assert.Contains(incident.Number, Text(ResponseCard(first)!));
        Assert.DoesNotContain("isms.reportIncident", Verbs(ResponseCard(first)!));
        Assert.Contains("報告済み", Text(ResponseCard(second) ?? second));
        Assert.Contains(report.History, h => h.Action == "ReportedAsIncident" && h.Note!.Contains("個人情報が含まれていると分かったため", StringComparison.Ordinal));
        // The chain starts, and the reporter is told.
        Assert.Contains(Since(connector, before), s => s.Conversation == CsirtChannel && Text(CardOf(s.Activity)).Contains(number, StringComparison.Ordinal));
        Assert.Contains(Since(connector, before), s => s.Conversation != CsirtChannel
            && Text(s.Activity).Contains($"情報セキュリティインシデントとして報告しました（{incident.Number}", StringComparison.Ordinal));
    }

    private async Task<BotHost> StartHostAsync()
    {
        var host = await BotHost.StartAsync(DataDirectory,
            new Dictionary<string, string?> { ["Channels:CsirtChannelId"] = CsirtChannel }, new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var user in new[] { Sato, Suzuki, Takahashi, Tanaka })
        {
            await Hello(host, user);
        }

        await Hello(host, Saito, inCsirtChannel: true);
        return host;
    }

    /// <summary>山田 sends a 誤送信報告 (機密性2, outside); its number and the card 佐藤 (his 管理者) gets.</summary>
    private static async Task<(FormConversation Reporter, string Number, JsonObject ManagerCard)> ReportMisdeliveryAsync(BotHost host)
    {
        var reporter = new FormConversation(host.Client, Yamada);
        await reporter.Say("誤送信報告");
        await reporter.FillIn(("sentTime", "09:15"), ("recipientAddress", "someone@example.jp"), ("recipientOrganisation", "株式会社例"),
            ("recipientScope", "outside"), ("subject", "会議資料の送付"), ("hasAttachment", "no"), ("confidentiality", "2"), ("personalData", "no"),
            ("howNoticed", "送信直後に気付きました。"), ("deletionStatus", "requested"), ("actionsTaken", "上司に報告しました。"));
        var before = host.Connector.Received.Count;
        await reporter.Press("送信");
        var number = FormConversation.Facts(reporter.Card)["受付番号"];
        return (reporter, number, CardOf(Since(host.Connector, before).Single(s => s.Conversation == TeamsActivities.PersonalConversationId(Sato)).Activity));
    }
}
