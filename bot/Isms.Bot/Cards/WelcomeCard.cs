using System.Text.Json.Nodes;
using Isms.Bot.Conversations;
using Isms.Workflows;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Cards;

/// <summary>Who the help card is for: the person as the directory lists them (null: not listed), the roles they hold
/// or act in today, and whether it is their own chat with the bot.</summary>
public sealed record HelpViewer(Person? Person, IReadOnlySet<OrgRole> Roles, IReadOnlyList<string> RoleLabels, bool PersonalChat, string? Guidance)
{
    /// <summary>For a team channel or group chat: what anyone reading there may do.</summary>
    public static HelpViewer Group { get; } = new(null, new HashSet<OrgRole>(), [], PersonalChat: false, Guidance: null);
}

/// <summary>
/// The welcome and help card, one screen at 1366×625: how to ask, then the commands this person may use, from the command
/// table (the forms, their own records and the registers, and what their roles do), with クラウド台帳 and 返却 explained in
/// a few words, and the first response to a suspected virus. Someone not in the 組織名簿 is told whom to ask; a team
/// channel or group chat is told that forms and records are used in the personal chat.
/// </summary>
public sealed class WelcomeCard(CommandTable commands, OrgDirectoryService directory, string editionLine, TimeProvider clock,
    IReadOnlyList<string>? firstResponse = null)
{
    /// <summary>Buttons per row: three fit the 1366×625 chat pane and wrap tidily on a phone.</summary>
    private const int ButtonsPerRow = 3;

    public Task SendAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CreateActivity(turnContext), cancellationToken);

    public IMessageActivity CreateActivity(ITurnContext turnContext) =>
        CardAttachments.ToActivity(Create(ViewerOf(turnContext)), "情報セキュリティ相談ボットのご案内");

    public HelpViewer ViewerOf(ITurnContext turnContext)
    {
        if (!PersonalChat.Is(turnContext))
        {
            return HelpViewer.Group;
        }

        var from = turnContext.Activity.From;
        var identity = directory.Identify(from?.AadObjectId, from?.Id);
        if (identity.Person is not { } person)
        {
            return new HelpViewer(null, new HashSet<OrgRole>(), [], PersonalChat: true, identity.Guidance);
        }

        var current = directory.Current;
        var today = JapanTime.Today(clock);
        var held = current.RolesOf(person.Id).Select(r => r.Role).Distinct().ToList();
        var acting = current.Deputies.Where(d => d.DeputyId == person.Id && d.IsActiveOn(today)).Select(d => d.Role).Except(held).Distinct().ToList();
        var labels = held.Select(r => r.Label()).Concat(acting.Select(r => $"{r.Label()}の代理")).ToList();
        return new HelpViewer(person, held.Concat(acting).ToHashSet(), labels, PersonalChat: true, null);
    }

    public JsonObject Create(HelpViewer viewer)
    {
        var card = new AdaptiveCard();
        var title = TextBlock("情報セキュリティ相談ボット", TextTone.Heading);
        title["id"] = "welcomeTitle";
        card.Add(title);
        // The edition is on every answer's 出典 line; the help card keeps its one screen for what staff can do.
        card.Add(TextBlock("質問はふだんの言葉でどうぞ。条項を引いてお答えします。"));

        if (!viewer.PersonalChat || viewer.Person is null)
        {
            card.Add(TextBlock(editionLine, TextTone.Help));
        }

        if (!viewer.PersonalChat)
        {
            card.Add(Spaced(TextBlock("申請・報告や申請状況などは、個人情報を含むため、ボットとの個人チャットで使えます。個人チャットで「ヘルプ」と送ると、使える操作を表示します。")));
        }
        else if (viewer.Person is null)
        {
            card.Add(Spaced(TextBlock(viewer.Guidance ?? "組織名簿にあなたの登録が見つかりません。", TextTone.Note)));
        }
        else
        {
            var usable = commands.Commands.Where(c => c.Help is not null && c.MayBeUsedBy(viewer.Person, viewer.Roles) && c.Help.IsShownTo(viewer.Roles)).ToList();
            // The forms and the records need no heading (their titles say what they are); a role holder's commands
            // are headed by the roles, since those buttons are theirs alone. Headings cost the card its one screen.
            AddSection(card, null, usable, HelpSection.Forms, viewer.Roles);
            AddSection(card, null, usable, HelpSection.Records, viewer.Roles);
            AddSection(card, $"あなたの役割で（{string.Join("・", viewer.RoleLabels)}）", usable, HelpSection.Roles, viewer.Roles);
        }

        // The union's first step of 6.4(3)⑦ when it set a procedure; the clause's own otherwise.
        var first = MalwareFirstResponse.Steps(firstResponse) == MalwareFirstResponse.ClauseFallback
            ? (viewer.PersonalChat && viewer.Person is not null
                ? "ウイルス感染の疑い: LANを抜き、電源は切らずに報告（6.4(3)⑦）"
                : "ウイルス感染の疑いは、すぐLANケーブルを抜き、電源は切らずに所属の情報セキュリティ管理者へ（6.4(3)⑦）。")
            : $"ウイルス感染の疑い: {MalwareFirstResponse.FirstStep(firstResponse)}（6.4(3)⑦）";
        var warning = TextBlock(first);
        warning["color"] = "Attention";
        card.Add(warning);
        return card.ToJson();
    }

    private static void AddSection(AdaptiveCard card, string? heading, IReadOnlyList<BotCommand> usable, HelpSection section, IReadOnlySet<OrgRole> roles)
    {
        var entries = usable.Where(c => c.Help!.Section == section).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        if (heading is not null)
        {
            card.Add(TextBlock(heading, TextTone.Subheading));
        }

        var first = true;
        foreach (var row in Rows(entries.Where(c => c.Help!.Button).ToList()))
        {
            var set = ActionSet(row);
            // Without a heading, a little room sets the group apart from the one above.
            card.Add(first && heading is null ? Spaced(set) : set);
            first = false;
        }

        foreach (var note in entries.Select(c => c.Help!.NoteFor(roles)).OfType<string>())
        {
            card.Add(TextBlock(note, TextTone.Help));
        }
    }

    // Two rows of buttons at most per section: the rarer ones (the catalog lists the common forms first) open
    // under one その他 button (short, so that it shares the second row), so the card keeps its one screen as procedures are added.
    private static IEnumerable<JsonObject[]> Rows(IReadOnlyList<BotCommand> buttons)
    {
        if (buttons.Count <= 2 * ButtonsPerRow)
        {
            return buttons.Select(Button).Chunk(ButtonsPerRow);
        }

        var shown = 2 * ButtonsPerRow - 1;
        var more = new AdaptiveCard();
        foreach (var row in buttons.Skip(shown).Select(Button).Chunk(ButtonsPerRow))
        {
            more.Add(ActionSet(row));
        }

        return buttons.Take(shown).Select(Button).Append(ShowCardAction("その他", more)).Chunk(ButtonsPerRow);
    }

    private static JsonObject Button(BotCommand command)
    {
        var data = new JsonObject { ["isms"] = "command", ["command"] = command.Words[0] };
        // インシデント報告 stands out: it is the one that cannot wait.
        return SubmitAction(command.Help!.Title, data, style: command.Name == FormKind.IncidentReport.Key ? "destructive" : null, sendInputs: false);
    }

    private static JsonObject Spaced(JsonObject element)
    {
        element["spacing"] = "Small";
        return element;
    }
}
