using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

public sealed class WelcomeAndHelpFacts : TempDataDirectory
{
    [Theory]
    [InlineData("ヘルプ")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("ﾍﾙﾌﾟ")]
    public async Task Help_InPersonalChat_RepliesWithTheWelcomeCard(string text)
    {
        using var host = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(host.Client, PersonalMessage(TestStaffDirectory.NewMember("試験 職員"), text));

        Assert.Equal(HttpStatusCode.OK, status);
        var card = Assert.Single(ReplyCards(replies));
        AssertIsWelcomeCard(card);
        AssertOffersTheForms(card);
    }

    [Fact]
    public async Task Help_InAChannelWithAnAtMention_RepliesWithTheWelcomeCard()
    {
        using var host = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(host.Client, ChannelMention(Sato, "ヘルプ"));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertIsWelcomeCard(Assert.Single(ReplyCards(replies)));
    }

    [Fact]
    public async Task HelpButton_OnTheCard_ShowsTheCardAgain()
    {
        using var host = BotHost.Start(DataDirectory);
        var submit = new JsonObject { ["isms"] = "command", ["command"] = "ヘルプ" };
        var (_, replies) = await PostAsync(host.Client, CardSubmit(TestStaffDirectory.NewMember("試験 職員"), submit));

        AssertIsWelcomeCard(Assert.Single(ReplyCards(replies)));
        AssertOffersTheForms(Assert.Single(ReplyCards(replies)));
    }

    [Fact]
    public async Task Install_SendsTheWelcomeCardOnce_EvenWhenTeamsRepeatsTheEvents()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;

        var (_, first) = await PostAsync(client, InstallationAdd(Yamada));
        var (_, second) = await PostAsync(client, BotAdded(Yamada));
        var (_, third) = await PostAsync(client, InstallationAdd(Yamada));

        AssertIsWelcomeCard(Assert.Single(ReplyCards(first)));
        Assert.Empty(second);
        Assert.Empty(third);
    }

    [Fact]
    public async Task InstallAndJoinArrivingTogether_SendOneWelcome()
    {
        using var host = BotHost.Start(DataDirectory);
        var client = host.Client;

        // The Playground and Teams send both events for one install on parallel requests.
        var results = await Task.WhenAll(
            PostAsync(client, InstallationAdd(Sato)),
            PostAsync(client, BotAdded(Sato)),
            PostAsync(client, InstallationAdd(Sato)));

        Assert.Single(results.SelectMany(r => ReplyCards(r.Replies)));
    }

    [Fact]
    public async Task BotAddedToAGroupChat_WelcomesTheGroup()
    {
        using var host = BotHost.Start(DataDirectory);
        var (_, replies) = await PostAsync(host.Client, BotAdded(Sato, "groupChat"));

        // The bot itself and the person are both in membersAdded: the bot's arrival welcomes the group once and
        // the person is greeted as a new member.
        Assert.All(ReplyCards(replies), AssertIsWelcomeCard);
        Assert.NotEmpty(ReplyCards(replies));
    }

    [Fact]
    public async Task State_SurvivesARestartOnTheSameDataFile()
    {
        using (var before = BotHost.Start(DataDirectory))
        {
            var (_, welcome) = await PostAsync(before.Client, InstallationAdd(Yamada));
            Assert.Single(ReplyCards(welcome));
        }

        using var after = BotHost.Start(DataDirectory);
        var (status, replies) = await PostAsync(after.Client, InstallationAdd(Yamada));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(replies);
        var references = after.Services.GetRequiredService<ConversationReferenceStore>();
        var saved = references.FindPersonalChat(Yamada.AadObjectId, null);
        Assert.NotNull(saved);
        Assert.Equal(PersonalConversationId(Yamada), saved.Conversation.Id);
        Assert.Equal(ServiceUrl, saved.ServiceUrl);
    }

    [Fact]
    public async Task Healthz_ReportsOk()
    {
        using var host = BotHost.Start(DataDirectory);
        var response = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The welcome card, whoever it is for (what it offers depends on the person: see RoleAwareHelpFacts).</summary>
    internal static void AssertIsWelcomeCard(JsonObject card)
    {
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var body = card["body"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Contains(body, e => (string?)e["text"] == "情報セキュリティ相談ボット");
    }

    /// <summary>The buttons a member of staff in the directory gets in their personal chat.</summary>
    internal static void AssertOffersTheForms(JsonObject card)
    {
        var body = card["body"]!.AsArray().OfType<JsonObject>().ToList();
        var buttons = body.Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>())
            .Select(a => (string?)a["title"])
            .ToList();
        foreach (var form in new[] { "誤送信報告", "持ち出し申請", "Web会議申請", "クラウド利用申請", "インシデント報告", "申請状況" })
        {
            Assert.Contains(form, buttons);
        }
    }
}
