using System.Diagnostics;
using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// Acting as another person in a second Playground beside the main one (山田's), the bot running throughout.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ActingUserFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    [Fact]
    public async Task SecondChat_AnotherPerson_IsItsUiUser_AndTheBotAnswersThere_WhileTheMainChatStaysYamadas()
    {
        var opening = Stopwatch.StartNew();
        var chat = await Session.OpenSecondChatAsync(SampleOrg.Sato);
        var opened = opening.Elapsed;

        Assert.Equal(SampleOrg.Yamada, Session.CurrentUser);
        Assert.True(await chat.Page.GetByText(SampleOrg.Sato.Name, new() { Exact = true }).First.IsVisibleAsync());
        Assert.True(await Session.Chat.Page.GetByText(SampleOrg.Yamada.Name, new() { Exact = true }).First.IsVisibleAsync());
        await chat.OpenChatAsync();
        await chat.SendAsync("ヘルプ");
        await chat.WaitForCardAsync("情報セキュリティ相談ボット");
        await Screenshots.SaveAsync(chat.Page, "acting-user-sato-second-chat");
        Timings.Record(Session, $"second chat as {SampleOrg.Sato.Key} ready {opened.TotalMilliseconds:0} ms (a start, or a reload when already open)");
    }

    [Fact]
    public async Task PageLoad_NewPerson_GetsTheWelcomeCardExactlyOnce()
    {
        // The page load sends both installationUpdate and conversationUpdate; the bot welcomes once.
        var chat = await Session.OpenSecondChatAsync(SampleOrg.Tanaka);
        await chat.OpenChatAsync();
        Assert.Equal(1, await chat.BotMessages.Filter(new() { HasText = "情報セキュリティ相談ボット" }).CountAsync());
    }
}
