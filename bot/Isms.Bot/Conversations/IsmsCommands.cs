using Isms.Bot.AnswerCuration;
using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Bot.Training;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Routing;

namespace Isms.Bot.Conversations;

/// <summary>
/// The bot's commands, in the order of the help card: one entry each, with its words, where and by whom it may be used,
/// how the help card shows it, and its handler. Each procedure adds its own entries from its definition (its key and
/// command words, and its follow-up commands), so a new procedure needs no line here.
/// </summary>
public static class IsmsCommands
{
    private static readonly OrgRole[] Csirt = [OrgRole.CsirtLead, OrgRole.CsirtMember, OrgRole.SecurityDesk];

    public static CommandTable Create(IServiceProvider services)
    {
        var applicant = services.GetRequiredService<ApplicantActions>();
        var approvals = services.GetRequiredService<ApprovalsBridge>();
        var incidents = services.GetRequiredService<IncidentsBridge>();
        var training = services.GetRequiredService<TrainingStatusHandler>();
        var trainingImport = services.GetRequiredService<TrainingImportCommand>();
        var drills = services.GetRequiredService<DrillCommand>();
        var audit = services.GetRequiredService<AuditCommands>();
        var starter = services.GetRequiredService<FormStarter>();
        var deciders = Deciders(services.GetRequiredService<RoutingRules>());
        var curation = services.GetRequiredService<CurationCommands>();
        var followUps = services.GetRequiredService<ProcedureFollowUps>();
        const CommandScope Personal = CommandScope.PersonalChat;
        const CommandUsers Everyone = CommandUsers.Everyone;
        const CommandUsers RoleHolders = CommandUsers.RoleHolders;

        BotCommand[] before =
        [
            // The help card lists this table, so it is looked up when used rather than when the table is built.
            new("help", ["ヘルプ", "help", "へるぷ", "?", "使い方", "メニュー"], CommandScope.Anywhere, Everyone,
                t => services.GetRequiredService<WelcomeCard>().SendAsync(t.Context, t.CancellationToken)),
            new("training-import", [TrainingImportCommand.CommandWord], Personal, RoleHolders,
                t => trainingImport.ImportAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenLines,
                new(HelpSection.Roles, TrainingImportCommand.CommandWord, "研修記録取込: この語の次の行からCSVを貼り付けて送ります。", Button: false),
                TrainingImportCommand.Roles),
            new("drill-record", [DrillCommand.CommandWord, "訓練の記録"], Personal, RoleHolders, t => drills.ShowAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Roles, DrillCommand.CommandWord), Roles: DrillCommand.Roles),
            new("drafts", ["キャンセル", "やめる", "やめます", "中止", "入力をやめる", "cancel"], Personal, Everyone, t => starter.ShowDraftsAsync(t.Context, t.CancellationToken)),
            new("my-requests", ["申請状況", "申請一覧", "my requests"], Personal, Everyone, t => applicant.MyRequestsAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Records, "申請状況")),
            new("incident-status", ["インシデント状況", "インシデント一覧"], Personal, Everyone, t => incidents.ShowStatusAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Records, "インシデント状況")
                {
                    RoleNotes = Csirt.ToDictionary(r => r, _ => "インシデント状況: CSIRT・窓口は届いたすべての報告の経過を見られます。"),
                }),
            new("waiting-approvals", ["承認待ち", "承認待ち一覧", "pending approvals"], Personal, RoleHolders,
                t => approvals.ShowWaitingAsync(t.Context, t.CancellationToken), Help: new(HelpSection.Roles, "承認待ち"), Roles: deciders),
        ];
        var catalog = services.GetRequiredService<FormCatalog>();
        var forms = catalog.All.Select(definition => new BotCommand(
            definition.Key, definition.CommandWords, Personal, CommandUsers.InDirectory,
            t => starter.StartAsync(t.Context, definition.Kind, null, null, t.CancellationToken), Help: new(HelpSection.Forms, definition.Title) { ShownTo = definition.ApplicantRoles }));
        BotCommand[] after =
        [
            new("training-status", ["研修状況"], Personal, Everyone, t => training.ShowStatusAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Records, "研修状況")),
            new("cloud-register", ["クラウド台帳"], Personal, CommandUsers.InDirectory, t => applicant.CloudRegisterAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Records, "クラウド台帳", "クラウド台帳: 承認済みのサービス一覧")),
            new("takeout-return", ["返却"], Personal, Everyone, t => applicant.OutstandingTakeoutsAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Records, "返却", "返却: 持ち出し物の返却記録")),
        ];
        var procedureFollowUps = catalog.All.SelectMany(d => d.FollowUpCommands).Select(command => new BotCommand(
            command.Key, command.Words, Personal, Users(command.Users), t => followUps.ShowAsync(t.Context, command, t.CancellationToken),
            Help: command.Help is { } help ? new(help.Section == FollowUpHelpSection.Roles ? HelpSection.Roles : HelpSection.Records, help.Title, help.Note) : null,
            Roles: command.Users == FollowUpUsers.RoleHolders ? command.Roles : null));
        BotCommand[] last =
        [
            new("audit-verify", ["監査ログ検証"], Personal, RoleHolders, t => audit.VerifyAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Roles, "監査ログ検証"), Roles: AuditAccess.AuditorRoles),
            new("audit-export", ["監査ログ出力"], Personal, RoleHolders, t => audit.ExportAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Roles, "監査ログ出力"), Roles: AuditAccess.AuditorRoles),
            new("curation-review", CurationCommands.ReviewWords, Personal, RoleHolders, t => curation.ShowReviewAsync(t.Context, t.CancellationToken),
                Help: new(HelpSection.Roles, "回答の改善"), Roles: CurationAccess.CuratorRoles),
            new("curation-list", CurationCommands.ListWords, Personal, RoleHolders, t => curation.ListAsync(t.Context, t.CancellationToken),
                Roles: CurationAccess.CuratorRoles),
            new("curation-synonym", [CurationCommands.SynonymWord], Personal, RoleHolders,
                t => curation.AddSynonymAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument, Roles: CurationAccess.CuratorRoles),
            new("curation-synonym-remove", [CurationCommands.RemoveSynonymWord], Personal, RoleHolders,
                t => curation.RemoveSynonymAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument, Roles: CurationAccess.CuratorRoles),
            new("curation-pin", [CurationCommands.PinWord], Personal, RoleHolders,
                t => curation.PinAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument, Roles: CurationAccess.CuratorRoles),
            new("curation-unpin", [CurationCommands.UnpinWord], Personal, RoleHolders,
                t => curation.UnpinAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument, Roles: CurationAccess.CuratorRoles),
            new("withdraw", ApplicantActions.WithdrawWords, Personal, Everyone,
                t => applicant.WithdrawCommandAsync(t.Context, ApplicantActions.WithdrawTarget(t.Text), t.CancellationToken), WordMatch.WordThenArgument),
        ];
        return new CommandTable([.. before, .. forms, .. after, .. procedureFollowUps, .. last]);
    }

    private static CommandUsers Users(FollowUpUsers users) => users switch
    {
        FollowUpUsers.Everyone => CommandUsers.Everyone,
        FollowUpUsers.InDirectory => CommandUsers.InDirectory,
        _ => CommandUsers.RoleHolders,
    };

    /// <summary>The roles that approve or acknowledge records by the routing rules, and the roles above them that
    /// decide when 兼務の禁止 (1(8)①) or a vacant post moves a step up.</summary>
    private static OrgRole[] Deciders(RoutingRules rules) =>
        [.. rules.Rules.SelectMany(r => r.Steps)
            .Where(s => s.Action is StepAction.Approve or StepAction.Acknowledge && s.Role is not null)
            .SelectMany(s => Ladder(rules, s.Role!.Value))
            .Distinct()];

    private static IEnumerable<OrgRole> Ladder(RoutingRules rules, OrgRole role)
    {
        for (OrgRole? current = role; current is { } r; current = rules.NextUp(r))
        {
            yield return r;
        }
    }
}
