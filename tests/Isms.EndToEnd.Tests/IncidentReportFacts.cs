using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// インシデント報告 in the real client, as issue 12 describes it: 山田 reports a lost phone, and after 送信 he sees one
/// coherent message (what happened, whom it reached, what is next), not three that contradict each other. 佐藤 花子
/// (his 情報セキュリティ管理者) and 渡辺 美咲 (CSIRT) have their chats open beside his, so the bot can reach them.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class IncidentReportFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    private const string Kind = "インシデントの種類";
    private const string Found = "気付いた日";
    private const string WhatHappened = "何が起きたか";
    private const string NoticedBy = "最初に気付いたのは";
    private const string Assets = "関係する情報・システム・機器";
    private const string Confidentiality = "関係する情報の機密性（最も高いもの）";
    private const string PersonalData = "個人情報は含まれていますか";
    private const string PossibleCrime = "盗難や不正アクセスなど、犯罪の可能性がありますか";
    private const string FirstResponse = "すでに行った対応";

    [Fact]
    public async Task IncidentReport_EndsInOneCoherentMessage_AndReachesTheManager()
    {
        Assert.Equal(SampleOrg.Yamada, Session.CurrentUser);
        var manager = await Session.OpenSecondChatAsync(SampleOrg.Sato);
        await manager.OpenChatAsync();
        var csirt = await Session.OpenSecondChatAsync(SampleOrg.Watanabe);
        await csirt.OpenChatAsync();
        var reporter = Session.Chat;
        await reporter.OpenChatAsync();

        var firstMessage = await ScreenClock.NowAsync(reporter.Page);
        await ScreenClock.WatchAsync(manager.Page, "インシデント報告の確認依頼");
        await reporter.SendAsync("公用スマホなくした");
        // The words say what happened, and both days start as today: the first card asks neither.
        var first = await FormFill.SettledCardAsync(reporter, "インシデント報告（1/");
        Assert.Contains("入力済みの項目: インシデントの種類", await reporter.CardTextAsync(first));
        Assert.False(await FormFill.HasInputAsync(first, Kind));
        Assert.False(await FormFill.HasInputAsync(first, Found));
        var (confirmation, taps) = await FormFill.ToConfirmationAsync(reporter, first, "インシデント報告",
        [
            new(WhatHappened, "公用スマートフォンが見当たりません。"), new(NoticedBy, "自分", AnswerKind.Pick), new(Assets, "公用スマートフォン1台"),
            new(Confidentiality, "機密性2（公表を前提としていない情報）", AnswerKind.Pick), new(PersonalData, "いいえ", AnswerKind.Pick),
            new(PossibleCrime, "いいえ", AnswerKind.Pick), new(FirstResponse, "立ち寄り先に問い合わせました。"),
        ], (card, n) => ShotAsync(reporter, card, $"incident-0-card-{n}"));
        await FormFill.ShowAllAnswersAsync(confirmation);
        var confirmed = await reporter.CardTextAsync(confirmation);
        Assert.Contains($"報告者 {SampleOrg.Yamada.Name}（{SampleOrg.Yamada.Department}）", confirmed);
        Assert.DoesNotContain("申請者", confirmed);
        Assert.Contains(Today(), confirmed); // 気付いた日 defaulted to today

        await reporter.ClickCardButtonAsync("送信", confirmation);
        var receipt = await reporter.WaitForCardAsync("インシデント報告を受け付けました");
        var answered = reporter.SinceLastAction.Elapsed;
        await reporter.WaitForQuietAsync(TimeSpan.FromSeconds(2));

        // One message after 送信, and it says what happened, whom it reached and what is next.
        var seen = await reporter.BotTextsSinceLastActionAsync();
        Assert.Single(seen);
        var text = await reporter.CardTextAsync(receipt);
        var number = System.Text.RegularExpressions.Regex.Match(text, @"インシデント-\d{4}-\d{4,}").Value;
        Assert.NotEmpty(number);
        foreach (var expected in new[] { "確認待ち", "届いた相手", $"{SampleOrg.Sato.Name}さん", "統一的な窓口（CSIRT）", "次の対応", "CSIRTが状況を評価し" })
        {
            Assert.Contains(expected, text);
        }

        foreach (var contradiction in new[] { "まだ届いていません", "チャネル", "報告されました", "申請者" })
        {
            Assert.DoesNotContain(contradiction, text);
        }

        await receipt.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("incident-1-reporter-one-message");

        var card = await manager.WaitForCardAsync(number);
        var toManager = await ScreenClock.ElapsedUntilSeenAsync(firstMessage, manager.Page, "インシデント報告の確認依頼");
        Assert.Contains("インシデント報告の確認依頼", await manager.CardTextAsync(card));
        Assert.Equal(["確認"], await manager.CardButtonTitlesAsync(card));
        Assert.True(toManager < TimeSpan.FromMinutes(1), $"first message to the 管理者's screen took {toManager}");
        await card.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(manager.Page, "incident-2-manager-card");

        Timings.Record(Session, $"インシデント報告: 送信 → one receipt {answered.TotalMilliseconds:0} ms; first message → 確認 card on the 管理者's screen " +
            $"{toManager.TotalMilliseconds:0} ms ({taps + 1} taps and the typing of this test included)");
    }

    private static async Task ShotAsync(ChatPage chat, Microsoft.Playwright.ILocator card, string name)
    {
        await card.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(chat.Page, name);
    }

    /// <summary>Today as the confirmation card writes a date: 2026年12月4日.</summary>
    private static string Today()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        return $"{today.Year}年{today.Month}月{today.Day}日";
    }
}
