using Isms.Workflows.Org;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>People in the org directory (the shipped sample) are recognised by their Entra object id.</summary>
public sealed class DirectoryFacts : TempDataDirectory
{
    private static readonly TeamsUser DirectoryYamada = new("29:yamada-directory", "山田 太郎", "00000000-0000-4000-8000-000000000001");

    [Fact]
    public async Task APersonInTheDirectory_IsNotAskedForTheirDepartment()
    {
        using var host = BotHost.Start(DataDirectory);
        var (_, known) = await PostAsync(host.Client, PersonalMessage(DirectoryYamada, "持ち出し申請"));
        var (_, unknown) = await PostAsync(host.Client, PersonalMessage(Yamada, "持ち出し申請"));

        Assert.DoesNotContain(Inputs(Assert.Single(ReplyCards(known))), i => (string?)i["label"] == "所属");
        // Someone the directory does not know files nothing: they are told whom to ask instead of being asked their 所属.
        Assert.Empty(ReplyCards(unknown));
        Assert.Contains("組織名簿", Assert.Single(Texts(unknown)));
    }

    [Fact]
    public async Task TheBotLearnsTheTeamsIdOfADirectoryPerson()
    {
        using var host = BotHost.Start(DataDirectory);
        await PostAsync(host.Client, PersonalMessage(DirectoryYamada, "ヘルプ"));

        var person = host.Services.GetRequiredService<OrgDirectoryService>().FindByTeamsUserId(DirectoryYamada.Id);
        Assert.NotNull(person);
        Assert.Equal("警防課", person.Department);
    }
}
