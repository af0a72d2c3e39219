using System.Text;
using Isms.Workflows.Org;
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
    /// <summary>Holders of the roles the entry lists (or who act for a holder today): the handler checks them and says
    /// who may (監査ログ, 研修記録取込, 承認待ち).</summary>
    RoleHolders,
}

/// <summary>Where the help card shows a command.</summary>
public enum HelpSection
{
    /// <summary>申請・報告: the procedures' forms.</summary>
    Forms,
    /// <summary>One's own records and the union's registers (申請状況, 返却, クラウド台帳 …).</summary>
    Records,
    /// <summary>What a role holder does (承認待ち, 監査ログ, 研修記録取込).</summary>
    Roles,
}

/// <summary>How the help card shows a command: a button titled <paramref name="Title"/> (none when the command needs
/// more than its word, like 研修記録取込 with its CSV lines), and a few words on what it is when the title does not say.</summary>
public sealed record CommandHelp(HelpSection Section, string Title, string? Note = null, bool Button = true)
{
    /// <summary>What the command is for holders of particular roles, where it differs (CSIRT see every incident report).</summary>
    public IReadOnlyDictionary<OrgRole, string> RoleNotes { get; init; } = new Dictionary<OrgRole, string>();

    /// <summary>When not empty, the help card shows the command only to holders of these roles (a form only they may
    /// file); typed by anyone else, it still runs and says whom to ask.</summary>
    public IReadOnlyList<OrgRole> ShownTo { get; init; } = [];

    public bool IsShownTo(IReadOnlySet<OrgRole> roles) => ShownTo.Count == 0 || ShownTo.Any(roles.Contains);

    /// <summary>The note for someone holding <paramref name="roles"/>.</summary>
    public string? NoteFor(IReadOnlySet<OrgRole> roles) =>
        RoleNotes.Where(n => roles.Contains(n.Key)).Select(n => n.Value).FirstOrDefault() ?? Note;
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
/// be used (for <see cref="CommandUsers.RoleHolders"/>, which <paramref name="Roles"/>), what handles it, and how the
/// help card shows it (not at all when <paramref name="Help"/> is null).</summary>
public sealed record BotCommand(
    string Name,
    IReadOnlyList<string> Words,
    CommandScope Scope,
    CommandUsers Users,
    Func<CommandTurn, Task> Handler,
    WordMatch Match = WordMatch.Exact,
    CommandHelp? Help = null,
    IReadOnlyList<OrgRole>? Roles = null)
{
    /// <summary>Whether someone the directory lists as <paramref name="person"/> (null: not listed), holding or acting
    /// today in <paramref name="roles"/>, may use the command. Strangers may use what everyone may.</summary>
    public bool MayBeUsedBy(Person? person, IReadOnlySet<OrgRole> roles) => Users switch
    {
        CommandUsers.Everyone => true,
        CommandUsers.InDirectory => person is not null,
        _ => person is not null && (Roles ?? []).Any(roles.Contains),
    };

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
/// refuses at start-up an entry without a handler, a word that two entries share, or a role command naming no role, so no
/// command can fall through.
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
            .Concat(Commands.Where(c => c.Users == CommandUsers.RoleHolders && c.Roles is not { Count: > 0 }).Select(c => $"'{c.Name}' is for role holders but names no role"))
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
