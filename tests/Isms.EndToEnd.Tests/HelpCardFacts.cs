using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>The help card in the real client: asked for by text, its buttons (山田's, a member of staff), and in a group chat.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class HelpCardFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    [Fact]
    public async Task Help_InPersonalChat_ShowsTheWelcomeCardWithItsButtons()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("ヘルプ");
        var card = await chat.WaitForCardAsync("情報セキュリティ相談ボット");
        var elapsed = chat.SinceLastAction.Elapsed;

        Assert.Equal("情報セキュリティ相談ボット", (await card.Locator("#welcomeTitle").InnerTextAsync()).Trim());
        var buttons = await chat.CardButtonTitlesAsync(card);
        Assert.Contains("持ち出し申請", buttons);
        Assert.Contains("インシデント報告", buttons);
        Assert.True(await card.IsVisibleAsync());
        await Session.ScreenshotAsync("help-card");
        Timings.Record(Session, $"ヘルプ → card on screen {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task StatusButton_OnTheHelpCard_GetsAReply()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();
        await chat.SendAsync("ヘルプ");
        await chat.WaitForCardAsync("情報セキュリティ相談ボット");

        await chat.ClickCardButtonAsync("申請状況");
        var reply = await chat.WaitForReplyAsync();

        Assert.False(string.IsNullOrWhiteSpace(await reply.InnerTextAsync()));
        await reply.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("help-card-status-reply");
        Timings.Record(Session, $"申請状況 button → reply on screen {chat.SinceLastAction.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Help_InGroupChat_AnswersWhenMentioned()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync(ChatPage.GroupChat);

        await chat.SendAsync("ヘルプ", mentionBot: true);
        var card = await chat.WaitForCardAsync("情報セキュリティ相談ボット");

        // Forms and records hold personal data: the group is told to use the personal chat, not offered buttons that refuse.
        Assert.Contains("個人チャット", await chat.CardTextAsync(card));
        Assert.Empty(await chat.CardButtonTitlesAsync(card));
        await Session.ScreenshotAsync("help-card-group-chat");
    }
}
