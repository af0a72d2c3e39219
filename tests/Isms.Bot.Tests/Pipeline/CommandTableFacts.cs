using Isms.Bot.Conversations;
using Isms.Bot.Tests.Forms;
using Isms.Workflows.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Bot.Tests.Pipeline;

public sealed class CommandTableFacts(BotHost host) : IClassFixture<BotHost>
{
    private CommandTable Table => host.Services.GetRequiredService<CommandTable>();

    [Fact]
    public void EveryCommand_HasAHandler_AndWordsNoOtherCommandHas()
    {
        Assert.NotEmpty(Table.Commands);
        Assert.All(Table.Commands, c => Assert.NotNull(c.Handler));
        var words = Table.Commands.SelectMany(c => c.Words).ToList();
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryWord_FindsItsOwnCommand()
    {
        foreach (var command in Table.Commands)
        {
            Assert.All(command.Words, word => Assert.Same(command, Table.Find(word)));
        }
    }

    [Fact]
    public void EveryProcedure_StartsFromItsWords_InThePersonalChat_ForPeopleInTheDirectory()
    {
        foreach (var definition in host.Services.GetRequiredService<FormCatalog>().All)
        {
            var command = Assert.Single(Table.Commands, c => c.Name == definition.Key);
            Assert.Equal(definition.CommandWords, command.Words);
            Assert.Equal((CommandScope.PersonalChat, CommandUsers.InDirectory), (command.Scope, command.Users));
        }
    }

    [Theory]
    [InlineData("Ｗｅｂ会議申請", "web_meeting_request")]
    [InlineData("HELP", "help")]
    [InlineData("取り下げ 持出-2026-0001", "withdraw")]
    [InlineData("研修記録取込\npersonId,courseId,completedOn", "training-import")]
    [InlineData("固定　つけっぱなしで離席 → 5.1(1)⑦", "curation-pin")]
    [InlineData("同義語 タブレ=モバイル端末", "curation-synonym")]
    [InlineData("同義語削除 タブレ", "curation-synonym-remove")]
    public void TypedVariants_FindTheCommand(string text, string name) => Assert.Equal(name, Table.Find(text)?.Name);

    [Theory]
    [InlineData("USBメモリで資料を持ち帰ってもいい？")]
    [InlineData("5.1(1)③")]
    [InlineData("取り下げたい")]
    [InlineData("固定資産の台帳は誰が管理する？")]
    [InlineData("同義語って何？")]
    public void AQuestion_IsNoCommand(string text) => Assert.Null(Table.Find(text));

    [Fact]
    public void ATable_WithAnEntryWithoutAHandler_OrAWordTwice_IsRefused()
    {
        Task Handle(CommandTurn _) => Task.CompletedTask;
        Assert.Throws<InvalidOperationException>(() => new CommandTable([new BotCommand("a", ["x"], CommandScope.Anywhere, CommandUsers.Everyone, null!)]));
        Assert.Throws<InvalidOperationException>(() => new CommandTable(
        [
            new BotCommand("a", ["x"], CommandScope.Anywhere, CommandUsers.Everyone, Handle),
            new BotCommand("b", ["x"], CommandScope.Anywhere, CommandUsers.Everyone, Handle),
        ]));
        Assert.Throws<InvalidOperationException>(() => new CommandTable([new BotCommand("a", ["ＡＢＣ"], CommandScope.Anywhere, CommandUsers.Everyone, Handle)]));
    }
}
