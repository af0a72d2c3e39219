using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Audit;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Incidents.IncidentTeams;

namespace Isms.Bot.Tests.Incidents;

/// <summary>
/// The incident chain as 1(9)⑤⑥ and 5.3 write it (issue 11): the affected system's 情報システム管理者 is told, the 統括
/// confirms for an absent 管理者 without a deputy, the outside reports are tracked to done before the close, and the
/// CISO's instruction after the close is recorded. Through /api/messages with the sample directory.
/// </summary>
public sealed class IncidentChainCorrectionsFacts : TempDataDirectory
{
    private static readonly TeamsActivities.TeamsUser Kobayashi = new("29:kobayashi-inc", "小林 大輔", "00000000-0000-4000-8000-000000000103");
    private static readonly TeamsActivities.TeamsUser Nakamura = new("29:nakamura-inc", "中村 誠", "00000000-0000-4000-8000-000000000301");

    [Fact]
    public async Task TheReportNamesTheSystem_AndTheManagersConfirmationTellsThatSystemsAdministrator()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var user in new[] { Sato, Suzuki, Takahashi, Tanaka, Nakamura, Yamada }) await Hello(host, user);
        await Hello(host, Saito, inCsirtChannel: true);
        var before = host.Connector.Received.Count;

        var number = await ReportOn(host, "消防指令システム");
        var managerCard = CardOf(Since(host.Connector, before).First(s => s.Conversation == TeamsActivities.PersonalConversationId(Sato)).Activity);
        before = host.Connector.Received.Count;
        var (_, ack) = await Press(host, Sato, managerCard, "確認");

        Assert.Contains("中村 誠さん", Text(ResponseCard(ack)!));
        Assert.Contains(TeamsActivities.PersonalConversationId(Nakamura), Since(host.Connector, before).Select(s => s.Conversation));
        Assert.Equal("消防指令システム", host.Record(number).Answers["system"].Value);
    }

    [Fact]
    public async Task TheChief_ConfirmsForAnAbsentManagerWithoutADeputy_OthersAreRefused()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var user in new[] { Sato, Suzuki, Takahashi, Tanaka, Yamada }) await Hello(host, user);
        await Hello(host, Saito, inCsirtChannel: true);
        var (number, _) = await Report(host.Client);

        var chiefCard = Assert.Single(TeamsActivities.ReplyCards(await host.Say(Takahashi, "インシデント状況")));
        Assert.Equal(["isms.incident.ack"], Verbs(chiefCard));
        var (_, refused) = await Press(host, Suzuki, chiefCard, "管理者に代わって確認");
        Assert.True(ResponseCard(refused) is not { } card || Verbs(card).Count == 0);
        Assert.Equal(RequestStatus.Submitted, host.Record(number).Status);

        var before = host.Connector.Received.Count;
        var (_, ack) = await Press(host, Takahashi, chiefCard, "管理者に代わって確認");

        Assert.Contains($"{number}を確認しました。", Text(ResponseCard(ack)!));
        Assert.Equal(RequestStatus.Acknowledged, host.Record(number).Status);
        Assert.DoesNotContain(TeamsActivities.PersonalConversationId(Takahashi), Since(host.Connector, before).Select(s => s.Conversation));
        var timeline = Text(Assert.Single(TeamsActivities.ReplyCards(await host.Say(Yamada, "インシデント状況"))));
        Assert.Contains("高橋 次郎: 報告を確認（管理者が不在で代理もいないため、統括情報セキュリティ責任者が確認）", timeline);
        var (_, again) = await Press(host, Takahashi, chiefCard, "管理者に代わって確認");
        Assert.Contains("確認済みです", ResponseCard(again) is { } c ? Text(c) : (string?)again["value"]);
        Assert.Single(host.Services.GetRequiredService<AuditTrail>().Entries(host.Record(number).Id), e => e.Event.Action == "Acknowledged");
    }

    [Fact]
    public async Task TheChief_DoesNotConfirm_WhileTheManagersDeputyActs()
    {
        // 池田 acts for 佐藤 from 2026-08-10 to 08-16 (the sample directory).
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.Parse("2026-08-12T10:00:00+09:00")));
        foreach (var user in new[] { Sato, Takahashi, Yamada }) await Hello(host, user);
        var (number, _) = await Report(host.Client);

        var chiefCard = Assert.Single(TeamsActivities.ReplyCards(await host.Say(Takahashi, "インシデント状況")));
        var (_, refused) = await Press(host, Takahashi, chiefCard, "管理者に代わって確認");

        var said = ResponseCard(refused) is { } card ? Text(card) : (string?)refused["value"];
        Assert.Contains("代理（池田 誠司さん）がいるため", said);
        Assert.Equal(RequestStatus.Submitted, host.Record(number).Status);
    }

    [Fact]
    public async Task OutsideReports_AreAChecklist_MarkedByTheCsirt_BeforeTheClose_ThenTheCisosInstructionIsRecorded()
    {
        await using var host = await Host(new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var user in new[] { Sato, Suzuki, Takahashi, Tanaka, Kato, Saito, Yamada }) await Hello(host, user);
        await Hello(host, Saito, inCsirtChannel: true);
        var cards = new List<JsonNode>();
        var before = host.Connector.Received.Count;
        var (number, _) = await Report(host.Client);
        var sent = Since(host.Connector, before).ToList();
        await Press(host, Sato, CardOf(sent[0].Activity), "確認");
        var (_, refreshed) = await Refresh(host, Saito, CardOf(sent[1].Activity));
        var (_, triaged) = await Press(host, Saito, ResponseCard(refreshed)!, "評価を記録", ("isIncident", "yes"), ("severity", "high"));

        // 1(9)⑤: CISO (reported by the bot at the assessment), 総務省, 群馬県, 構成市町; 1(9)⑥: the press, to decide.
        var card = ResponseCard(triaged)!;
        cards.Add(card);
        Assert.Equal(["isms.incident.outside", "isms.incident.outside", "isms.incident.outside", "isms.incident.press"],
            Verbs(card).Where(v => v is "isms.incident.outside" or "isms.incident.press"));
        Assert.Contains("報告済み（斎藤 健一", Text(card));
        var (_, early) = await Press(host, Kato, card, "対応を完了", ("cause", "置き忘れ"), ("prevention", "ストラップで固定"));
        Assert.Contains("総務省への報告、群馬県への報告、組合構成市町への報告、報道機関への通知・公表の判断が済んでいません", Text(ResponseCard(early)!));

        foreach (var outsider in new[] { Yamada, Sato })
        {
            var (_, no) = await Press(host, outsider, card, "総務省に報告済み");
            Assert.True(ResponseCard(no) is not { } c || Verbs(c).Count == 0, outsider.Name);
        }

        var (_, ministry) = await Press(host, Saito, card, "総務省に報告済み");
        Assert.Contains("総務省への報告を記録しました。", Text(ResponseCard(ministry)!));
        var (_, doubleTap) = await Press(host, Saito, card, "総務省に報告済み");
        Assert.Contains("総務省への報告は斎藤 健一さんが", Text(ResponseCard(doubleTap)!));
        card = ResponseCard(doubleTap)!;
        (_, var step) = await Press(host, Kato, card, "群馬県に報告済み");
        (_, step) = await Press(host, Kato, ResponseCard(step)!, "組合構成市町に報告済み");
        Assert.Contains("残り: 報道機関への通知・公表の判断。", Text(ResponseCard(step)!));
        (_, step) = await Press(host, Saito, ResponseCard(step)!, "判断を記録", ("press", "no"));
        card = ResponseCard(step)!;
        cards.Add(card);
        Assert.DoesNotContain("isms.incident.outside", Verbs(card));

        before = host.Connector.Received.Count;
        var (_, closed) = await Press(host, Kato, card, "対応を完了", ("cause", "電車内での置き忘れ"), ("prevention", "ストラップで固定する"));
        Assert.Contains("対応を完了しました", Text(ResponseCard(closed)!));

        // 5.3(3)⑤: the CISO's card asks for the instruction; only the CISO records it, once.
        var cisoCard = CardOf(Since(host.Connector, before).Single(s => s.Conversation == TeamsActivities.PersonalConversationId(Tanaka)).Activity);
        cards.Add(cisoCard);
        Assert.Equal(["isms.incident.instruct"], Verbs(cisoCard));
        var (_, notCiso) = await Press(host, Saito, cisoCard, "指示を記録", ("instruction", "全所属でストラップ固定を徹底"));
        Assert.True(ResponseCard(notCiso) is not { } nc || Verbs(nc).Count == 0);
        before = host.Connector.Received.Count;
        var (_, instructed) = await Press(host, Tanaka, cisoCard, "指示を記録", ("instruction", "全所属でストラップ固定を徹底"));
        Assert.Contains("CISOの指示を記録しました。", Text(ResponseCard(instructed)!));
        Assert.Contains(TeamsActivities.PersonalConversationId(Saito), Since(host.Connector, before).Select(s => s.Conversation));
        var (_, twice) = await Press(host, Tanaka, cisoCard, "指示を記録", ("instruction", "全所属でストラップ固定を徹底"));
        Assert.Contains("記録済みです", Text(ResponseCard(twice)!));

        var timeline = Assert.Single(TeamsActivities.ReplyCards(await host.Say(Yamada, "インシデント状況")));
        cards.Add(timeline);
        var text = Text(timeline);
        Assert.Contains("CISOの指示（5.3(3)⑤）", text);
        Assert.Contains("全所属でストラップ固定を徹底", text);
        Assert.Contains("不要と判断", text);
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var actions = audit.Entries(host.Record(number).Id).Select(e => e.Event).ToList();
        Assert.Equal(["1(9)⑤", "1(9)⑤", "1(9)⑤"], actions.Where(e => e.Action == "OutsideReported").Select(e => e.Clause));
        Assert.Single(actions, e => e.Action == "PressDecided");
        Assert.Equal("5.3(3)⑤", Assert.Single(actions, e => e.Action == "Instructed").Clause);
        Assert.True(audit.Verify().IsValid);
        Assert.All(AdaptiveCardValidator.ValidateMany(cards), r => Assert.Empty(r.Errors));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("山田", StringComparison.Ordinal) || l.Message.Contains("ストラップ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOpenOutsideReport_IsChasedInTheRealHost_AtNight_UntilTheCsirtMarksIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-09-26T01:00:00+09:00")); // a Saturday night
        await using var host = await Host(time);
        foreach (var user in new[] { Sato, Kobayashi, Yamada }) await Hello(host, user);
        await Hello(host, Saito, inCsirtChannel: true);
        var before = host.Connector.Received.Count;
        await Report(host.Client);
        var sent = Since(host.Connector, before).ToList();
        await Press(host, Sato, CardOf(sent[0].Activity), "確認");
        var (_, refreshed) = await Refresh(host, Saito, CardOf(sent[1].Activity));
        var (_, triaged) = await Press(host, Saito, ResponseCard(refreshed)!, "評価を記録", ("isIncident", "yes"), ("severity", "medium"));
        await Press(host, Saito, ResponseCard(triaged)!, "総務省に報告済み");

        time.Advance(TimeSpan.FromHours(24));
        before = host.Connector.Received.Count;
        await host.Get<Isms.Jobs.Chasing.IncidentFollowUpChaseJob>().RunAsync(default);

        var reminders = Since(host.Connector, before).Where(s => s.Conversation == TeamsActivities.PersonalConversationId(Kobayashi))
            .Select(s => (string?)s.Activity["text"] ?? "").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.Contains(reminders, r => r.Contains("群馬県への報告がまだ済んでいません", StringComparison.Ordinal));
        Assert.Contains(reminders, r => r.Contains("報道機関への通知・公表の判断がまだ済んでいません", StringComparison.Ordinal));
        Assert.DoesNotContain(reminders, r => r.Contains("総務省", StringComparison.Ordinal));
    }

    private static async Task<string> ReportOn(BotHost host, string system)
    {
        var person = new FormConversation(host.Client, Yamada);
        await person.Say("インシデント報告");
        await person.FillIn(("incidentKind", "unauthorized_access"), ("foundTime", "08:30"), ("description", "指令台の端末に見覚えのないログイン記録があります。"),
            ("reportedBy", "self"), ("affectedAssets", "指令台の端末"), ("system", system), ("confidentiality", "2"), ("personalData", "no"),
            ("possibleCrime", "unknown"), ("passwordGiven", "no"), ("scope", "不明"), ("firstResponse", "なし"));
        await person.Press("送信");
        return FormConversation.Facts(person.Card)["受付番号"];
    }

    private Task<BotHost> Host(TimeProvider time) =>
        BotHost.StartAsync(DataDirectory, new Dictionary<string, string?> { ["Channels:CsirtChannelId"] = CsirtChannel }, time);
}
