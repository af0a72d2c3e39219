using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>Acting as another person by restarting the Playground with another config; the bot keeps running.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ActingUserFacts(PlaygroundSession session)
{
    [Fact]
    public async Task RestartAsUser_NewPerson_IsTheUiUserAndIsWelcomed()
    {
        try
        {
            var chat = await session.RestartAsUserAsync(SampleOrg.Sato);

            Assert.Equal(SampleOrg.Sato, session.CurrentUser);
            Assert.True(await chat.Page.GetByText(SampleOrg.Sato.Name, new() { Exact = true }).First.IsVisibleAsync());
            await chat.OpenChatAsync();
            var welcomes = await chat.BotMessages.Filter(new() { HasText = "情報セキュリティ相談ボット" }).CountAsync();
            await session.ScreenshotAsync("acting-user-sato-welcome");
            Assert.True(welcomes >= 1);
            Timings.Record(session, $"restart as {SampleOrg.Sato.Key} to page ready {session.PlaygroundReadyTime.TotalMilliseconds:0} ms");
        }
        finally
        {
            await session.RestartAsUserAsync(SampleOrg.Yamada);
        }
    }

    [Fact]
    public async Task PageLoad_NewPerson_GetsTheWelcomeCardExactlyOnce()
    {
        try
        {
            var chat = await session.RestartAsUserAsync(SampleOrg.Tanaka);
            await chat.OpenChatAsync();
            Assert.Equal(1, await chat.BotMessages.Filter(new() { HasText = "情報セキュリティ相談ボット" }).CountAsync());
        }
        finally
        {
            await session.RestartAsUserAsync(SampleOrg.Yamada);
        }
    }
}
