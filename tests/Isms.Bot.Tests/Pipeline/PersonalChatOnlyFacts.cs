using System.Net;
using System.Text.Json.Nodes;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>Forms, records, approvals, incidents and training carry personal data: in a channel the bot only answers
/// questions and shows help, and says where the rest can be done.</summary>
public sealed class PersonalChatOnlyFacts : TempDataDirectory
{
    private const string PersonalChatOnly = "ボットとの個人チャットでご利用ください";

    [Theory]
    [InlineData("持ち出し申請")]
    [InlineData("申請状況")]
    [InlineData("承認待ち")]
    [InlineData("インシデント状況")]
    [InlineData("研修状況")]
    [InlineData("監査ログ出力")]
    [InlineData("取り下げ 持出-2026-0001")]
    public async Task ACommandWithPersonalData_InAChannel_IsSentToThePersonalChat(string command)
    {
        using var host = BotHost.Start(DataDirectory);

        var (status, replies) = await PostAsync(host.Client, ChannelMention(Sato, command));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(ReplyCards(replies));
        Assert.Contains(PersonalChatOnly, Assert.Single(Texts(replies)));
    }

    [Fact]
    public async Task WordsThatStartAForm_InAChannel_GetTheAnswerButNoForm()
    {
        using var host = BotHost.Start(DataDirectory);

        var (_, replies) = await PostAsync(host.Client, ChannelMention(Sato, "明日USBメモリで資料を持ち出したい"));

        Assert.Contains(Texts(replies), t => t.Contains(PersonalChatOnly));
        Assert.DoesNotContain(ReplyCards(replies), c => c.ToJsonString().Contains("\"isms\":\"form\""));
    }

    [Fact]
    public async Task AFormCardSubmit_InAChannel_IsRefused()
    {
        using var host = BotHost.Start(DataDirectory);
        var submit = CardSubmit(Sato, new JsonObject { ["isms"] = "form", ["op"] = "next", ["draft"] = "x", ["nonce"] = "y" });
        submit["conversation"] = new JsonObject { ["id"] = "19:general@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["tenantId"] = TenantId };

        var (_, replies) = await PostAsync(host.Client, submit);

        Assert.Contains(PersonalChatOnly, Assert.Single(Texts(replies)));
    }

    [Fact]
    public async Task AQuestion_InAChannel_IsStillAnswered()
    {
        using var host = BotHost.Start(DataDirectory);

        var (_, replies) = await PostAsync(host.Client, ChannelMention(Sato, "パスワードは何桁以上？"));

        Assert.NotEmpty(ReplyCards(replies));
        Assert.DoesNotContain(Texts(replies), t => t.Contains(PersonalChatOnly));
    }
}
