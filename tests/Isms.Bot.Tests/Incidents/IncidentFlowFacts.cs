using Isms.Workflows;
using System.Text.Json.Nodes;
using Isms.Bot.Notifications;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Incidents.IncidentTeams;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// 山田 (警防課) reports an incident in Teams: 佐藤 (his 管理者) gets the 確認 card and the CSIRT channel the triage
/// card at once; 佐藤's 確認 tells 高橋, 鈴木 and 田中 (5.3(1)②③); 斎藤 (CSIRT) assesses and 加藤 (CSIRT) closes it;
/// 山田 is told each step and sees the timeline. Through the real pipeline, a loopback connector and a fake clock.
/// </summary>
public sealed class IncidentFlowFacts : TempDataDirectory
{
    [Fact]
    public async Task TheChain_EndToEnd_WithTimestamps_AndOnlyTheRightPeopleMayAct()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var t0 = time.GetUtcNow();
        await using var host = await Host(time, CsirtChannel);
        var (client, connector) = (host.Client, host.Connector);
        foreach (var user in new[] { Sato, Suzuki, Takahashi, Tanaka, Kato, Saito })
        {
            await Hello(host, user);
        }

        await Hello(host, Saito, inCsirtChannel: true);
        var cards = new List<JsonNode>();

        // 5.3(1)①: the report goes to the 管理者 and the 統一的な窓口 at once.
        var before = connector.Received.Count;
        var (number, reporterSaw) = await Report(client);
        var sent = Since(connector, before).ToList();
        Assert.Equal([TeamsActivities.PersonalConversationId(Sato), CsirtChannel], sent.Select(s => s.Conversation));
        var managerCard = CardOf(sent[0].Activity);
        var csirtCard = CardOf(sent[1].Activity);
        cards.AddRange([managerCard, csirtCard]);
        Assert.Equal(["isms.incident.ack"], Verbs(managerCard));
        Assert.Equal(["isms.incident.triage"], Verbs(csirtCard));
        // One message answers the report: whom it reached, and what is next.
        var receipt = Assert.Single(TeamsActivities.ReplyCards(reporterSaw));
        Assert.Single(reporterSaw);
        Assert.Equal("警防課の情報セキュリティ管理者の佐藤 花子さん、統一的な窓口（CSIRT）", FormConversation.Facts(receipt)["届いた相手"]);
        cards.Add(receipt);
        await Hello(host, Yamada);
        var record = host.Services.GetRequiredService<IRequestStore>().FindByNumber(number)!;
        Assert.Equal(RequestStatus.Submitted, record.Status);

        // Only the 管理者 acknowledges; the CSIRT clicking the manager's card gets the status.
        time.Advance(TimeSpan.FromMinutes(12));
        var (_, refusedAck) = await Press(host, Saito, managerCard, "確認");
        Assert.Empty(Verbs(ResponseCard(refusedAck)!));
        Assert.Contains("佐藤 花子さんまたはその代理の方です", Text(ResponseCard(refusedAck)!));
        before = connector.Received.Count;
        var (_, ack) = await Press(host, Sato, managerCard, "確認");
        Assert.Contains($"{number}を確認しました。高橋 次郎さん、鈴木 一郎さん、田中 三郎さんへ報告しました。", Text(ResponseCard(ack)!));
        sent = Since(connector, before).ToList();
        Assert.Equal(new[] { Takahashi, Suzuki, Tanaka, Yamada }.Select(TeamsActivities.PersonalConversationId), sent.Select(s => s.Conversation));
        Assert.Contains("佐藤 花子さん（警防課の情報セキュリティ管理者）が確認しました", (string?)sent[3].Activity["text"]);
        cards.Add(CardOf(sent[0].Activity));

        // The channel's card is now old; a refresh (as Teams does) gives the CSIRT the current one.
        time.Advance(TimeSpan.FromMinutes(30));
        var (_, stale) = await Press(host, Saito, csirtCard, "評価を記録", ("isIncident", "yes"), ("severity", "high"));
        Assert.Contains("このカードは古いため操作できません", Text(ResponseCard(stale)!));
        var (_, refreshed) = await Refresh(host, Saito, csirtCard);
        var triageCard = ResponseCard(refreshed)!;
        foreach (var outsider in new[] { Stranger, Yamada, Sato })
        {
            var (_, refused) = await Press(host, outsider, triageCard, "評価を記録", ("isIncident", "yes"), ("severity", "high"));
            Assert.True(ResponseCard(refused) is not { } card || Verbs(card).Count == 0, outsider.Name);
        }

        Assert.Equal(RequestStatus.Acknowledged, host.Record(number).Status);
        before = connector.Received.Count;
        var (_, triaged) = await Press(host, Saito, triageCard, "評価を記録", ("isIncident", "yes"), ("severity", "high"),
            ("containment", "端末の遠隔ロックを指示"), ("report_ministry", "true"), ("report_prefecture", "true"), ("report_membertowns", "true"));
        var closeCard = ResponseCard(triaged)!;
        // The outside reports of 1(9)⑤ are a checklist once it is an incident, with the press decision of 1(9)⑥ (issue 11).
        Assert.Equal(["isms.incident.triage", "isms.incident.outside", "isms.incident.outside", "isms.incident.outside", "isms.incident.press", "isms.incident.close"],
            Verbs(closeCard));
        sent = Since(connector, before).ToList();
        Assert.Equal(new[] { Tanaka, Suzuki, Yamada }.Select(TeamsActivities.PersonalConversationId), sent.Select(s => s.Conversation));
        // The CSIRT's 応急措置 reaches the reporter at once, in the message itself.
        Assert.Contains("端末の遠隔ロックを指示", (string?)sent[2].Activity["text"]);
        Assert.StartsWith("CSIRTからの指示", (string?)sent[2].Activity["text"], StringComparison.Ordinal);
        cards.Add(closeCard);

        // Closing needs cause and prevention (5.3(3)④).
        time.Advance(TimeSpan.FromDays(2));
        var (_, noCause) = await Press(host, Kato, closeCard, "対応を完了", ("prevention", "ストラップで固定する"));
        Assert.Contains("原因を入力してください", Text(ResponseCard(noCause)!));
        closeCard = await MarkOutsideReports(host, Saito, ResponseCard(noCause)!);
        before = connector.Received.Count;
        var (_, closed) = await Press(host, Kato, closeCard, "対応を完了", ("cause", "電車内での置き忘れ"), ("prevention", "ストラップで固定する"));
        Assert.Empty(Verbs(ResponseCard(closed)!));
        sent = Since(connector, before).ToList();
        Assert.Equal(new[] { Tanaka, Yamada }.Select(TeamsActivities.PersonalConversationId), sent.Select(s => s.Conversation));
        Assert.Contains("対応が完了しました", (string?)sent[1].Activity["text"]);
        Assert.Equal(RequestStatus.Closed, host.Record(number).Status);

        // The reporter's インシデント状況: one timeline card, every step with its time.
        var (_, replies) = await TeamsActivities.PostAsync(client, TeamsActivities.PersonalMessage(Yamada, "インシデント状況"));
        var timeline = Assert.Single(TeamsActivities.ReplyCards(replies));
        cards.Add(timeline);
        var text = Text(timeline);
        foreach (var (at, what) in new[] { (t0, "インシデント報告を提出"), (t0.AddMinutes(12), "報告を確認"), (t0.AddMinutes(42), "インシデントと評価（重要度: 高）"),
                     (t0.AddMinutes(42).AddDays(2), "原因: 電車内での置き忘れ") })
        {
            Assert.Contains(at.ToOffset(JapanTime.Offset).ToString("M/d H:mm"), text);
            Assert.Contains(what, text);
        }

        var audit = host.Services.GetRequiredService<AuditTrail>();
        Assert.True(audit.Verify().IsValid);
        var entries = audit.Entries(record.Id);
        Assert.All(entries.Where(e => e.Event.Action is "Acknowledged" or "Assessed" or "Closed"), e => Assert.False(string.IsNullOrEmpty(e.Event.ActivityId)));
        Assert.Equal(["Reported", "Acknowledged", "Assessed", "Closed"], entries.Select(e => e.Event.Action).Where(a => a is "Reported" or "Acknowledged" or "Assessed" or "Closed"));
        Assert.All(AdaptiveCardValidator.ValidateMany(cards), r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task WithoutACsirtChannel_TheCsirtIsToldPersonally_AndTheTimelineSaysSo()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow), null);
        var (client, connector) = (host.Client, host.Connector);
        foreach (var user in new[] { Sato, Kato, Saito })
        {
            await Hello(host, user);
        }

        var before = connector.Received.Count;
        var (number, _) = await Report(client);

        var sent = Since(connector, before).ToList();
        Assert.Equal(new[] { Sato, Saito, Kato }.Select(TeamsActivities.PersonalConversationId), sent.Select(s => s.Conversation));
        Assert.Equal(["isms.incident.triage"], Verbs(CardOf(sent[1].Activity)));
        var (_, replies) = await TeamsActivities.PostAsync(client, TeamsActivities.PersonalMessage(Saito, "インシデント状況"));
        // The timeline says whom it reached; that no channel is configured is the administrators' business (IncidentReceiptFacts).
        var timeline = Text(Assert.Single(TeamsActivities.ReplyCards(replies)));
        Assert.Contains("統一的な窓口（CSIRT）の斎藤 健一さん、加藤 直樹さんに個別に通知", timeline);
        Assert.DoesNotContain("設定", timeline);
        Assert.Contains(number, timeline);
    }

    [Fact]
    public async Task NoticesThatDoNotArrive_AreQueued_AndTheActorIsToldWhoWasNotReached()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow), CsirtChannel);
        var (client, connector) = (host.Client, host.Connector);
        await Hello(host, Sato);
        await Hello(host, Saito, inCsirtChannel: true);
        await Report(client);
        var managerCard = CardOf(Since(connector, 0).Last(s => s.Conversation == TeamsActivities.PersonalConversationId(Sato)).Activity);

        var (_, ack) = await Press(host, Sato, managerCard, "確認");

        // 高橋, 鈴木, 田中 and the reporter have no chat with the bot yet.
        var card = ResponseCard(ack)!;
        Assert.Contains("高橋 次郎さん、鈴木 一郎さん、田中 三郎さん、山田 太郎さんにはまだ届いていません。時間をおいて再送します。", Text(card));
        Assert.DoesNotContain("報告しました", Text(card)); // never said of someone not reached
        AdaptiveCardValidator.AssertValid(card);
        var queued = host.Services.GetRequiredService<OutboxStore>().All();
        Assert.Equal(["山田 太郎", "田中 三郎", "鈴木 一郎", "高橋 次郎"], queued.Select(e => e.RecipientName).Order(StringComparer.Ordinal));
        Assert.All(queued, e => Assert.Equal(OutboxKind.Message, e.Kind));
    }

    [Fact]
    public async Task AManagerWithoutAChat_IsQueuedForTheRetries_AndTheReporterIsToldOnceWhomToPhone()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow), CsirtChannel);
        var (client, connector) = (host.Client, host.Connector);
        await Hello(host, Saito, inCsirtChannel: true);

        var (number, replies) = await Report(client);

        var receipt = Assert.Single(TeamsActivities.ReplyCards(replies));
        Assert.Single(replies);
        Assert.Equal("統一的な窓口（CSIRT）", FormConversation.Facts(receipt)["届いた相手"]);
        var text = Text(receipt);
        Assert.Contains("警防課の情報セキュリティ管理者の佐藤 花子さん（内線 2102）にはまだ届いていません。ボットが時間をおいて再送します。急ぎの報告ですので、電話でも直接伝えてください。", text);
        Assert.DoesNotContain("届けました", text);
        Assert.DoesNotContain("報告しました", text);
        var queued = Assert.Single(host.Services.GetRequiredService<OutboxStore>().All());
        Assert.Equal(("佐藤 花子", number), (queued.RecipientName, queued.RecordNumber));
        // What identifies the card is kept, not the card: it is drawn again from the case when it is delivered.
        Assert.Equal(("isms.incident.refresh", host.Record(number).Id, null), (queued.CardVerb, queued.CardRecordId, queued.CardJson));
    }

    [Fact]
    public async Task SomeoneOutsideTheDirectory_PressingACard_GetsTheReasonOnly_NotTheTimeline()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow), CsirtChannel);
        var (client, connector) = (host.Client, host.Connector);
        await Hello(host, Sato);
        await Hello(host, Saito, inCsirtChannel: true);
        var before = connector.Received.Count;
        var (number, _) = await Report(client);
        var sent = Since(connector, before).ToList();
        var managerCard = CardOf(sent[0].Activity);
        var csirtCard = CardOf(sent[1].Activity);

        var (_, beforeAck) = await Press(host, Stranger, managerCard, "確認");
        await Press(host, Sato, managerCard, "確認");
        var (_, afterAck) = await Press(host, Stranger, managerCard, "確認");
        var (_, triage) = await Press(host, Stranger, csirtCard, "評価を記録", ("isIncident", "yes"), ("severity", "high"));

        foreach (var body in new[] { beforeAck, afterAck, triage })
        {
            Assert.Null(ResponseCard(body));
            var message = (string?)body["value"] ?? "";
            Assert.DoesNotContain(number, message);
            Assert.DoesNotContain("佐藤", message);
        }
    }

    [Fact]
    public async Task AMisSentEmailWithPersonalData_TakesTheIncidentChain_NotTheMisdeliveryAcknowledgement()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow), CsirtChannel);
        var (client, connector) = (host.Client, host.Connector);
        await Hello(host, Sato);
        await Hello(host, Saito, inCsirtChannel: true);
        var person = new FormConversation(client, Yamada);
        await person.Say("誤送信報告");
        await person.FillIn(("sentTime", "09:15"), ("recipientAddress", "someone@example.jp"), ("recipientOrganisation", "株式会社例"),
            ("recipientScope", "outside"), ("subject", "名簿の送付"), ("hasAttachment", "no"), ("confidentiality", "2"), ("personalData", "yes"),
            ("personalDataCount", "10-99"), ("howNoticed", "送信直後に気付きました。"), ("deletionStatus", "requested"), ("actionsTaken", "上司に報告しました。"));
        var before = connector.Received.Count;

        await person.Press("送信");

        var sent = Since(connector, before).ToList();
        Assert.Equal([TeamsActivities.PersonalConversationId(Sato), CsirtChannel], sent.Select(s => s.Conversation));
        Assert.Equal(["isms.incident.ack"], Verbs(CardOf(sent[0].Activity)));
        Assert.Contains("個人情報保護委員会への報告の要否の検討（5.3(1)④）", Text(CardOf(sent[1].Activity)));
    }

    /// <summary>The CSIRT marks 総務省, 群馬県 and 組合構成市町 as reported and decides the press is not told; returns the card to close on.</summary>
    private static async Task<JsonObject> MarkOutsideReports(BotHost host, TeamsActivities.TeamsUser csirt, JsonObject card)
    {
        foreach (var body in new[] { "総務省", "群馬県", "組合構成市町" })
        {
            card = ResponseCard((await Press(host, csirt, card, $"{body}に報告済み")).Body)!;
        }

        return ResponseCard((await Press(host, csirt, card, "判断を記録", ("press", "no"))).Body)!;
    }

    private Task<BotHost> Host(TimeProvider time, string? csirtChannel) =>
        BotHost.StartAsync(DataDirectory, new Dictionary<string, string?> { ["Channels:CsirtChannelId"] = csirtChannel }, time);
}
