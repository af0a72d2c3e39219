using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>Where a command may be used.</summary>
public enum CommandScope
{
    /// <summary>Any conversation, a team channel or a group chat too (nothing personal is shown).</summary>
    Anywhere,
    /// <summary>Only the person's own chat with the bot: forms, records, approvals, incidents and training hold personal data.</summary>
    PersonalChat,
}

/// <summary>Who may use a command.</summary>
public enum CommandUsers
{
    Everyone,
    /// <summary>People in the 組織名簿: the router tells a stranger whom to ask (filing a form).</summary>
    InDirectory,
    /// <summary>Holders of particular roles: the handler checks them and says who may (監査ログ, 研修記録取込).</summary>
    RoleHolders,
}

/// <summary>How the typed text must match the words.</summary>
public enum WordMatch
{
    /// <summary>The text is one of the words.</summary>
    Exact,
    /// <summary>One of the words, alone or followed by a space and an argument (取り下げ 持出-2026-0001).</summary>
    WordThenArgument,
    /// <summary>The text begins with one of the words (研修記録取込 followed by pasted CSV lines).</summary>
    WordThenLines,
}

/// <summary>A command's turn: the activity, the conversation's state and the message text (unfolded).</summary>
public sealed record CommandTurn(ITurnContext<IMessageActivity> Context, ConversationData Data, string Text, CancellationToken CancellationToken);

/// <summary>One command: the words people type (as <see cref="CommandTable.Fold"/> folds them), where and by whom it may
/// be used, and what handles it.</summary>
public sealed record BotCommand(
    string Name,
    IReadOnlyList<string> Words,
    CommandScope Scope,
    CommandUsers Users,
    Func<CommandTurn, Task> Handler,
    WordMatch Match = WordMatch.Exact)
{
    public bool Matches(string foldedText) => Match switch
    {
        WordMatch.Exact => Words.Contains(foldedText, StringComparer.Ordinal),
        WordMatch.WordThenArgument => Words.Any(w => foldedText == w || foldedText.StartsWith(w + " ", StringComparison.Ordinal)),
        _ => Words.Any(w => foldedText.StartsWith(w, StringComparison.Ordinal)),
    };
}

/// <summary>
/// Every command of the bot, one entry each (the help card and the manifest list the same words). A message that is
/// a command is handled by its entry; anything else goes on to the clause lookup and the question answerer. The table
/// refuses at start-up an entry without a handler or a word that two entries share, so no command can fall through.
/// </summary>
public sealed class CommandTable
{
    public CommandTable(IEnumerable<BotCommand> commands)
    {
        Commands = commands.ToList();
        var problems = Commands.Where(c => c.Handler is null || c.Words.Count == 0 || c.Words.Any(string.IsNullOrWhiteSpace)).Select(c => $"'{c.Name}' has no handler or no words")
            .Concat(Commands.SelectMany(c => c.Words.Select(w => (Word: w, c.Name))).GroupBy(x => x.Word).Where(g => g.Count() > 1)
                .Select(g => $"'{g.Key}' is a word of {string.Join(" and ", g.Select(x => x.Name))}"))
            .Concat(Commands.SelectMany(c => c.Words).Where(w => w != Fold(w)).Select(w => $"'{w}' is not folded"))
            .ToList();
        if (problems.Count > 0) throw new InvalidOperationException("The command table is invalid: " + string.Join("; ", problems));
    }

    public IReadOnlyList<BotCommand> Commands { get; }

    /// <summary>The command the text is (an exact word first, then a word with an argument or lines); null for anything else.</summary>
    public BotCommand? Find(string text)
    {
        var folded = Fold(text);
        return Commands.FirstOrDefault(c => c.Match == WordMatch.Exact && c.Matches(folded))
            ?? Commands.FirstOrDefault(c => c.Match != WordMatch.Exact && c.Matches(folded));
    }

    /// <summary>Width and case folding, as people type commands (ＷＥＢ会議申請 → web会議申請).</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
