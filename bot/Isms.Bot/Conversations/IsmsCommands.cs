using Isms.Bot.AnswerCuration;
using Isms.Bot.Approvals;
using Isms.Bot.Cards;
using Isms.Bot.Incidents;
using Isms.Bot.Training;
using Isms.Workflows.Forms;

namespace Isms.Bot.Conversations;

/// <summary>
/// The bot's commands, in the order of the help card: one entry each, with its words, where and by whom it may be used,
/// and its handler. Each procedure adds its own entry from its definition (its key and command words), so a new
/// procedure needs no line here.
/// </summary>
public static class IsmsCommands
{
    public static CommandTable Create(IServiceProvider services)
    {
        var welcome = services.GetRequiredService<WelcomeCard>();
        var applicant = services.GetRequiredService<ApplicantActions>();
        var approvals = services.GetRequiredService<ApprovalsBridge>();
        var incidents = services.GetRequiredService<IncidentsBridge>();
        var training = services.GetRequiredService<TrainingStatusHandler>();
        var trainingImport = services.GetRequiredService<TrainingImportCommand>();
        var audit = services.GetRequiredService<AuditCommands>();
        var starter = services.GetRequiredService<FormStarter>();
        var curation = services.GetRequiredService<CurationCommands>();
        const CommandScope Personal = CommandScope.PersonalChat;
        const CommandUsers Everyone = CommandUsers.Everyone;

        BotCommand[] before =
        [
            new("help", ["ヘルプ", "help", "へるぷ", "?", "使い方", "メニュー"], CommandScope.Anywhere, Everyone,
                t => t.Context.SendActivityAsync(welcome.CreateActivity(), t.CancellationToken)),
            new("training-import", [TrainingImportCommand.CommandWord], Personal, CommandUsers.RoleHolders,
                t => trainingImport.ImportAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenLines),
            new("my-requests", ["申請状況", "申請一覧", "my requests"], Personal, Everyone, t => applicant.MyRequestsAsync(t.Context, t.CancellationToken)),
            new("incident-status", ["インシデント状況", "インシデント一覧"], Personal, Everyone, t => incidents.ShowStatusAsync(t.Context, t.CancellationToken)),
            new("waiting-approvals", ["承認待ち", "承認待ち一覧", "pending approvals"], Personal, Everyone,
                t => approvals.ShowWaitingAsync(t.Context, t.CancellationToken)),
        ];
        var forms = services.GetRequiredService<FormCatalog>().All.Select(definition => new BotCommand(
            definition.Key, definition.CommandWords, Personal, CommandUsers.InDirectory,
            t => starter.StartAsync(t.Context, definition.Kind, null, t.CancellationToken)));
        BotCommand[] after =
        [
            new("training-status", ["研修状況"], Personal, Everyone, t => training.ShowStatusAsync(t.Context, t.CancellationToken)),
            new("cloud-register", ["クラウド台帳"], Personal, Everyone, t => applicant.CloudRegisterAsync(t.Context, t.CancellationToken)),
            new("takeout-return", ["返却"], Personal, Everyone, t => applicant.OutstandingTakeoutsAsync(t.Context, t.CancellationToken)),
            new("audit-verify", ["監査ログ検証"], Personal, CommandUsers.RoleHolders, t => audit.VerifyAsync(t.Context, t.CancellationToken)),
            new("audit-export", ["監査ログ出力"], Personal, CommandUsers.RoleHolders, t => audit.ExportAsync(t.Context, t.CancellationToken)),
            new("curation-review", CurationCommands.ReviewWords, Personal, CommandUsers.RoleHolders, t => curation.ShowReviewAsync(t.Context, t.CancellationToken)),
            new("curation-list", CurationCommands.ListWords, Personal, CommandUsers.RoleHolders, t => curation.ListAsync(t.Context, t.CancellationToken)),
            new("curation-synonym", [CurationCommands.SynonymWord], Personal, CommandUsers.RoleHolders,
                t => curation.AddSynonymAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument),
            new("curation-synonym-remove", [CurationCommands.RemoveSynonymWord], Personal, CommandUsers.RoleHolders,
                t => curation.RemoveSynonymAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument),
            new("curation-pin", [CurationCommands.PinWord], Personal, CommandUsers.RoleHolders,
                t => curation.PinAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument),
            new("curation-unpin", [CurationCommands.UnpinWord], Personal, CommandUsers.RoleHolders,
                t => curation.UnpinAsync(t.Context, t.Text, t.CancellationToken), WordMatch.WordThenArgument),
            new("withdraw", ApplicantActions.WithdrawWords, Personal, Everyone,
                t => applicant.WithdrawCommandAsync(t.Context, ApplicantActions.WithdrawTarget(t.Text), t.CancellationToken), WordMatch.WordThenArgument),
        ];
        return new CommandTable([.. before, .. forms, .. after]);
    }
}
