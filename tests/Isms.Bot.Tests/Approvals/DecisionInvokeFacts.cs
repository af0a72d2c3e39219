using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Approvals;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Requests;
using static Isms.Bot.Tests.Approvals.ApprovalHost;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// The decision invoke (adaptiveCard/action) through the real host, for each kind of person who can press the card,
/// and the copies of the card: every posted copy is replaced in place (UpdateActivity) with the new state.
/// </summary>
public sealed class DecisionInvokeFacts : TempDataDirectory
{
    [Fact]
    public async Task TheApprover_Decides_AndEveryCopyShowsTheDecisionWithoutButtons()
    {
        await using var host = await StartAsync(DataDirectory, deputyActive: true);
        await host.Say(Manager, "ヘルプ");
        await host.Say(Deputy, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (satoCopy, satoCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        var (ikedaCopy, _) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Deputy)));
        Assert.Equal([Deputy.Id, Manager.Id], satoCard["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!).Order().ToArray());

        var (status, response) = await host.Invoke(Manager, satoCard, "承認", replyToId: satoCopy);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        var updates = host.Connector.Updated.ToList();
        Assert.Equal(2, updates.Count);
        Assert.Contains(updates, u => u.ConversationId == PersonalConversationId(Manager) && u.ActivityId == satoCopy);
        Assert.Contains(updates, u => u.ConversationId == PersonalConversationId(Deputy) && u.ActivityId == ikedaCopy);
        var cards = updates.Select(u => UpdatedCard(u.Activity)).ToList();
        foreach (var card in cards)
        {
            Assert.Empty(card["refresh"]!["userIds"]!.AsArray());
            Assert.DoesNotContain(Descendants(card), n => (string?)n["type"] == "Action.Execute" && n.Parent is JsonArray);
            Assert.Contains($"承認済み（佐藤 花子さん、2026年11月26日 10:00）", Json(card));
            Assert.True(decimal.Parse((string)card["version"]!, CultureInfo.InvariantCulture) <= 1.5m);
        }

        // The clicker's copy is also replaced by the invoke response, with the same card.
        Assert.Equal(Json(cards[0]), Json(response["value"]!));
        AdaptiveCardValidator.AssertValid(cards[0]);
        Snapshot.Match("approvals/copy-after-approval", cards[0]);
        Assert.Contains(host.TextsPostedTo(PersonalConversationId(Applicant)), t => t.Contains(number) && t.Contains("承認"));
    }

    [Fact]
    public async Task AnActiveDeputy_DecidesForTheManager_AndTheCopiesSaySo()
    {
        await using var host = await StartAsync(DataDirectory, deputyActive: true);
        await host.Say(Manager, "ヘルプ");
        await host.Say(Deputy, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, ikedaCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Deputy)));

        var (_, response) = await host.Invoke(Deputy, ikedaCard, "差戻し", "持ち出す期間を1日にしてください");

        Assert.Equal(RequestStatus.Returned, host.Record(number).Status);
        Assert.Contains("池田 誠司（佐藤 花子の代理）", Json(response));
        Assert.Equal(2, host.Connector.Updated.Count);
        Assert.All(host.Connector.Updated, u => Assert.Contains("持ち出す期間を1日にしてください", Json(u.Activity)));
    }

    [Fact]
    public async Task TheApplicant_AStranger_AColleague_AndADeputyOutOfRange_AreRefused_AndNothingChanges()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));

        var applicant = await host.Invoke(Applicant, card, "承認");
        var stranger = await host.Invoke(Stranger, card, "承認");
        var colleague = await host.Invoke(Officer, card, "承認");
        var deputy = await host.Invoke(Deputy, card, "承認");

        Assert.All(new[] { applicant, stranger, colleague, deputy }, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Contains("兼務の禁止 1(8)①", Json(applicant.Body));
        Assert.Contains("組織名簿にあなたの登録が見つかりません", Json(stranger.Body));
        Assert.Matches("この申請を判断できるのは[^（]*情報セキュリティ管理者（佐藤 花子）またはその代理の方です", Json(colleague.Body));
        Assert.Contains("この申請を判断できるのは", Json(deputy.Body));
        // They learn why, not what was requested: no card with the applicant's answers comes back.
        Assert.All(new[] { applicant, stranger, colleague, deputy }, r =>
            Assert.Equal("application/vnd.microsoft.activity.message", (string?)r.Body["type"]));
        Assert.Equal(RequestStatus.PendingApproval, host.Record(number).Status);
        Assert.Empty(host.Connector.Updated);
        Assert.DoesNotContain(host.TextsPostedTo(PersonalConversationId(Applicant)), t => t.Contains(number));
    }

    [Fact]
    public async Task AReplayedInvoke_ChangesNothing_AndSaysWhoDecidedWhen()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        await host.Invoke(Manager, card, "承認");
        var updatesAfterDecision = host.Connector.Updated.Count;

        var (status, replay) = await host.Invoke(Manager, card, "却下", "やはり却下");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{number}は佐藤 花子さんが2026年11月26日 10:00に承認済みです。", Json(replay));
        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        Assert.Equal(updatesAfterDecision, host.Connector.Updated.Count);
        Assert.Single(host.Record(number).History, h => h.Action is "Approved" or "Rejected");
    }

    [Fact]
    public async Task TwoConcurrentApprovals_ExactlyOneWins_AndTheOtherIsToldWhoDecided()
    {
        await using var host = await StartAsync(DataDirectory, deputyActive: true);
        await host.Say(Manager, "ヘルプ");
        await host.Say(Deputy, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (_, satoCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        var (_, ikedaCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Deputy)));

        var responses = await Task.WhenAll(host.Invoke(Manager, satoCard, "承認"), host.Invoke(Deputy, ikedaCard, "承認"));

        var decision = Assert.Single(host.Record(number).History, h => h.Action == "Approved");
        var winner = decision.Note!.StartsWith("佐藤", StringComparison.Ordinal) ? "佐藤 花子" : "池田 誠司";
        var loser = Assert.Single(responses, r => Json(r.Body).Contains("承認済みです"));
        Assert.Contains($"{number}は{winner}さんが", Json(loser.Body));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(2, host.Connector.Updated.Count);
        Assert.Equal(2, host.Connector.Updated.Select(u => u.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task ADecisionAfterWithdrawal_SaysSo_AndTheCopyShowsTheWithdrawal()
    {
        await using var host = await StartAsync(DataDirectory);
        await host.Say(Manager, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (copy, card) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        var record = host.Record(number);

        Assert.True(host.Get<ApprovalService>().Withdraw(record.Id, Applicant.AadObjectId, null).Succeeded);
        Assert.Equal(1, await host.Get<ApprovalsBridge>().UpdateCardCopiesAsync(record.Id, CancellationToken.None));
        var (status, response) = await host.Invoke(Manager, card, "承認");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{number}は申請者が取り下げたため、判断できません。", Json(response));
        Assert.Equal(RequestStatus.Withdrawn, host.Record(number).Status);
        var update = Assert.Single(host.Connector.Updated);
        Assert.Equal(copy, update.ActivityId);
        var withdrawn = UpdatedCard(update.Activity);
        Assert.Contains("申請者が取り下げました。判断は不要です。", Json(withdrawn));
        Assert.Empty(withdrawn["refresh"]!["userIds"]!.AsArray());
        AdaptiveCardValidator.AssertValid(withdrawn);
        Snapshot.Match("approvals/copy-after-withdrawal", withdrawn);
    }

    [Fact]
    public async Task ATwoStepApproval_OldCopiesShowTheNextStep_TheNextApproverGetsANewCard_AndTheEndUpdatesBoth()
    {
        await using var host = await StartAsync(DataDirectory, twoSteps: true);
        await host.Say(Manager, "ヘルプ");
        await host.Say(Officer, "ヘルプ");
        var number = await host.FileTakeout(Applicant);
        var (satoCopy, satoCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Manager)));
        Assert.Empty(host.CardsPostedTo(PersonalConversationId(Officer)));

        await host.Invoke(Manager, satoCard, "承認");

        var advanced = UpdatedCard(Assert.Single(host.Connector.Updated, u => u.ActivityId == satoCopy).Activity);
        Assert.Equal([Officer.Id], advanced["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Contains("情報セキュリティ責任者（鈴木 一郎）の判断を待っています。", Json(advanced));
        var (suzukiCopy, suzukiCard) = Assert.Single(host.CardsPostedTo(PersonalConversationId(Officer)));
        Assert.Contains(Descendants(suzukiCard), n => (string?)n["title"] == "承認");

        await host.Invoke(Officer, suzukiCard, "承認");

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        var final = host.Connector.Updated.Skip(1).ToList();
        Assert.Equal([satoCopy, suzukiCopy], final.Select(u => u.ActivityId).Order().ToArray());
        Assert.All(final, u => Assert.Empty(UpdatedCard(u.Activity)["refresh"]!["userIds"]!.AsArray()));
        var results = AdaptiveCardValidator.ValidateMany([advanced, UpdatedCard(final[0].Activity)]);
        Assert.All(results, r => Assert.True(r.Ok, string.Join("; ", r.Errors)));
        Snapshot.Match("approvals/copy-after-first-of-two-steps", advanced);
    }

    [Fact]
    public async Task AnApproverWithoutAChat_GetsTheCardInTheApprovalsChannel_AndDecidesThere()
    {
        await using var host = await StartAsync(DataDirectory, approvalsChannel: ApprovalsChannel);
        await host.MentionInChannel(Officer, ApprovalsChannel);

        var number = await host.FileTakeout(Applicant);

        // Said once, in the one message that answers the submission.
        var receipt = Assert.Single(ReplyCards(host.LastReplies));
        Assert.Empty(Texts(host.LastReplies));
        Assert.Contains("佐藤 花子さんには個人チャットで通知できなかったため、承認用チャネルに判断依頼を投稿しました。", CardTexts(receipt));
        var (copy, card) = Assert.Single(host.CardsPostedTo(ApprovalsChannel));
        Assert.StartsWith("佐藤 花子さん宛ての判断依頼です", (string)card["body"]![0]!["text"]!);
        AdaptiveCardValidator.AssertValid(card);

        var (_, response) = await host.Invoke(Manager, card, "承認", conversationId: $"{ApprovalsChannel};messageid={copy}");

        Assert.Equal(RequestStatus.Approved, host.Record(number).Status);
        Assert.Contains("承認済み（佐藤 花子さん", Json(response));
        var update = Assert.Single(host.Connector.Updated);
        Assert.Equal((ApprovalsChannel, copy), (update.ConversationId, update.ActivityId));
        Assert.DoesNotContain("宛ての判断依頼", Json(update.Activity));
    }
}
