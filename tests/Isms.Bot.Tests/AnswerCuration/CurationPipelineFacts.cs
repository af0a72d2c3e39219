using System.Text.Json.Nodes;
using Isms.Bot.AnswerCuration;
using Isms.Bot.Tests.Pipeline;
using Isms.Testing;
using Isms.Workflows.Audit;
using static Isms.Bot.Tests.AnswerCuration.Curators;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.AnswerCuration;

/// <summary>
/// The curation loop through /api/messages: the 統括 and the 統一的な窓口 see the questions the bot could not serve,
/// add a synonym or pin a phrasing from the chat, and the next answer uses it; nobody else may.
/// </summary>
public sealed class CurationPipelineFacts : TempDataDirectory
{
    [Fact]
    public async Task TheList_ShowsTheDeclinedAndTheUnhelpfulQuestions_AsAsked_WithTheClausesGiven()
    {
        using var host = BotHost.Start(DataDirectory);
        await host.Say(BotHost.NewPerson("職員 一"), Declined);
        await host.Say(BotHost.NewPerson("職員 二"), Declined);
        var asker = BotHost.NewPerson("職員 三");
        var answer = Card(await host.Say(asker, Unhelpful));
        var given = CitedIds(host.LastReplies);
        var feedback = Descendants(answer).Single(n => (string?)n["title"] == "役に立たなかった")["data"]!.DeepClone().AsObject();
        await host.Post(CardSubmit(asker, feedback));

        var card = Card(await host.Say(Takahashi, "回答の改善"));

        var texts = CardTexts(card);
        Assert.Contains("答えられなかった質問 2件、役に立たなかった回答 1件。", texts);
        Assert.Contains($"「{Declined}」（2回）", texts);
        Assert.Contains($"「{Unhelpful}」", texts);
        // The card shows the first citations; the log keeps every clause the answer gave.
        Assert.Contains(texts, t => t.StartsWith("示した条項: " + string.Join("、", given), StringComparison.Ordinal));
        Assert.Equal(2, ButtonTitles(card).Count(t => t == "条項に固定"));
        AdaptiveCardValidator.AssertValid(card);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("トナー", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASynonymAddedInTheChat_ChangesTheNextAnswer_AndIsAudited()
    {
        using var host = BotHost.Start(DataDirectory);
        var staff = BotHost.NewPerson("職員 四");
        Assert.DoesNotContain("5.1(1)④(ア)", CitedIds(await host.Say(staff, FeaturePhone)));

        var added = Reply(await host.Say(Kobayashi, "同義語 ピッチ=モバイル端末"));

        Assert.Contains("同義語を登録しました: 「ピッチ」→「モバイル端末」", added);
        Assert.Contains("5.1(1)④(ア)", CitedIds(await host.Say(staff, FeaturePhone)));
        var audit = Assert.Single(host.Get<AuditTrail>().Entries(), e => e.Event.Action == "CurationSynonymAdded");
        Assert.Equal(("E0103", "ピッチ = モバイル端末"), (audit.Event.ActorId, audit.Event.Detail));
        Assert.Contains("登録済み", Reply(await host.Say(Takahashi, "同義語 ピッチ=モバイル端末")));
    }

    [Fact]
    public async Task ADeclinedQuestion_PinnedFromItsRow_IsAnsweredWithThatClause_AndTheRowShowsThePin()
    {
        using var host = BotHost.Start(DataDirectory);
        var staff = BotHost.NewPerson("職員 五");
        Assert.Empty(CitedIds(await host.Say(staff, Printer)));
        var review = Card(await host.Say(Takahashi, "回答の改善"));

        var pinned = Reply(await host.Post(CardSubmit(Takahashi, PinFromRow(review, Printer, "６.１（１１）③"))));

        Assert.Contains($"「{Printer}」を 6.1(11)③ に固定しました", pinned);
        Assert.Equal("6.1(11)③", CitedIds(await host.Say(staff, Printer))[0]);
        Assert.Contains("固定済み: 6.1(11)③", CardTexts(Card(await host.Say(Takahashi, "回答の改善"))));
        var audit = Assert.Single(host.Get<AuditTrail>().Entries(), e => e.Event.Action == "CurationPinAdded");
        Assert.Equal(("E0004", "6.1(11)③"), (audit.Event.ActorId, audit.Event.Clause));
    }

    [Fact]
    public async Task EveryoneElse_IsRefused_AndNothingChanges()
    {
        using var host = BotHost.Start(DataDirectory);
        var staff = BotHost.NewPerson("職員 六");
        await host.Say(staff, Declined);
        var review = Card(await host.Say(Takahashi, "回答の改善"));
        var pinFromRow = PinFromRow(review, Declined, "1(1)①");

        foreach (var someone in new[] { staff, Suzuki, TestStaffDirectory.NewStranger("外部 太郎") })
        {
            foreach (var text in new[] { "回答の改善", "同義語一覧", "同義語 ピッチ=モバイル端末", "固定 ピッチ → 1(1)①", "固定解除 ピッチ", "同義語削除 ピッチ" })
            {
                Assert.Contains("統括情報セキュリティ責任者、統一的な窓口、CISO、副CISOだけが行えます", Reply(await host.Say(someone, text)));
                Assert.Empty(ReplyCards(host.LastReplies));
            }

            Assert.Contains("だけが行えます", Reply(await host.Post(CardSubmit(someone, pinFromRow.DeepClone().AsObject()))));
        }

        var inChannel = await host.Post(ChannelMention(Takahashi, "回答の改善"));
        Assert.Contains("個人チャットでご利用ください", Reply(inChannel));
        Assert.Empty(host.Get<CurationService>().Entries());
        Assert.DoesNotContain(host.Get<AuditTrail>().Entries(), e => e.Event.Action.StartsWith("Curation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCurationIsReappliedAfterARestart_AndCanBeListedAndRemoved()
    {
        var staff = BotHost.NewPerson("職員 七");
        using (var first = BotHost.Start(DataDirectory))
        {
            Assert.Contains("固定しました", Reply(await first.Say(Kobayashi, $"固定 {Printer} → 6.1(11)③")));
            Assert.Contains("登録しました", Reply(await first.Say(Kobayashi, "同義語 ピッチ=モバイル端末")));
        }

        using var second = BotHost.Start(DataDirectory);

        Assert.Equal("6.1(11)③", CitedIds(await second.Say(staff, Printer))[0]);
        Assert.Contains("5.1(1)④(ア)", CitedIds(await second.Say(staff, FeaturePhone)));
        var list = Card(await second.Say(Takahashi, "同義語一覧"));
        Assert.Contains($"固定「{Printer}」→ 6.1(11)③", CardTexts(list));
        Assert.Contains("同義語「ピッチ」→「モバイル端末」", CardTexts(list));
        AdaptiveCardValidator.AssertValid(list);

        Assert.Contains("を削除しました", Reply(await second.Say(Takahashi, $"固定解除 {Printer}")));
        Assert.Empty(CitedIds(await second.Say(staff, Printer)));
        Assert.Single(second.Get<CurationService>().Entries());
    }

    [Fact]
    public async Task ANewEdition_KeepsTheCuration_ReportsWhatItCannotUse_AndTheOldEditionUsesItAgain()
    {
        var staff = BotHost.NewPerson("職員 八");
        using (var first = BotHost.Start(DataDirectory))
        {
            await first.Say(Kobayashi, $"固定 {Printer} → 6.1(11)③");
            await first.Say(Kobayashi, "同義語 ピッチ=モバイル端末");
        }

        var synthetic = new Dictionary<string, string?> { ["Knowledge:PolicyPath"] = Path.Combine(RepoPaths.RepoRoot, "tests", "Isms.Knowledge.Tests", "data", "synthetic-edition.txt") };
        using (var newEdition = BotHost.Start(DataDirectory, synthetic))
        {
            Assert.Contains(newEdition.Logs, l => l.Message.Contains("1 pinned phrasings lead to clauses edition 令和9年10月1日 改定 lacks (6.1(11)③); 1 synonyms", StringComparison.Ordinal));
            var review = CardTexts(Card(await newEdition.Say(Takahashi, "回答の改善")));
            Assert.Contains("この版（令和9年10月1日 改定）で使えない登録（2件）", review);
            Assert.Contains($"固定「{Printer}」→ 6.1(11)③（この版にない条項があります）", review);
            Assert.Contains("同義語「ピッチ」→「モバイル端末」（この版に出てこない用語です）", review);
            var list = CardTexts(Card(await newEdition.Say(Takahashi, "固定一覧")));
            Assert.Equal(2, list.Count(t => t.StartsWith("この版に", StringComparison.Ordinal)));
            Assert.Contains("対策基準（令和9年10月1日 改定）に出てこない語", Reply(await newEdition.Say(Takahashi, "同義語 タブレ=モバイル端末")));
            Assert.Equal(2, newEdition.Get<CurationService>().Entries().Count);
        }

        using var again = BotHost.Start(DataDirectory);
        Assert.Equal("6.1(11)③", CitedIds(await again.Say(staff, Printer))[0]);
        Assert.Empty(again.Get<CurationService>().Unusable());
    }
}
