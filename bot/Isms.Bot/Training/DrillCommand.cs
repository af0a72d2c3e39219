using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Workflows.Audit;
using Isms.Workflows.Org;
using Isms.Workflows.Training;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Training;

/// <summary>
/// 訓練記録: the CISO, who holds the 緊急時対応訓練 (5.2(3)), the 副CISO and the 統括 record a held drill on a card; the
/// committee report (5.2(2)⑥) counts it. The recorder is always the activity's sender; the audit trail keeps who and when.
/// </summary>
public sealed class DrillCommand(OrgDirectoryService directory, TrainingStore store, TrainingService training, AuditTrail audit, ILogger<DrillCommand> logger)
{
    public const string CommandWord = "訓練記録";

    public static readonly IReadOnlyList<OrgRole> Roles = [OrgRole.Ciso, OrgRole.DeputyCiso, OrgRole.ChiefSecurityOfficer];

    public async Task ShowAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (Recorder(turnContext) is null)
        {
            await RefuseAsync(turnContext, cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(CardAttachments.ToActivity(DrillCard.Create(training.Today), "緊急時対応訓練の記録"), cancellationToken);
    }

    public async Task SubmitAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (Recorder(turnContext) is not { } person)
        {
            await RefuseAsync(turnContext, cancellationToken);
            return;
        }

        var today = training.Today;
        var (drill, error) = DrillCard.Read(CardData.Text(value, DrillCard.Prefix + "title"), CardData.Text(value, DrillCard.Prefix + "heldOn"), CardData.Text(value, DrillCard.Prefix + "participants"),
            CardData.Text(value, DrillCard.Prefix + "scope"), CardData.Text(value, DrillCard.Prefix + "findings"), today);
        if (drill is null)
        {
            await turnContext.SendActivityAsync(CardAttachments.ToActivity(DrillCard.Create(today, error), "緊急時対応訓練の記録"), cancellationToken);
            return;
        }

        var stored = store.ScheduleDrill(new EmergencyDrill
        {
            Title = drill.Title, Scope = drill.Scope, ScheduledOn = drill.HeldOn, HeldOn = drill.HeldOn, Participants = drill.Participants, Findings = drill.Findings,
        });
        audit.Append(new AuditEvent("DrillRecorded", person.Id, person.Name, stored.Id, null, null, null, DrillCard.Clause, turnContext.Activity.Id,
            $"{drill.HeldOn:yyyy-MM-dd} 参加{drill.Participants}名"));
        logger.LogInformation("Emergency drill {DrillId} recorded by directory person {PersonId}", stored.Id, person.Id);
        await turnContext.SendActivityAsync(
            $"{drill.HeldOn:yyyy年M月d日}の「{drill.Title}」（参加{drill.Participants}名）を緊急時対応訓練として記録しました。情報セキュリティ委員会への年次報告に計上されます（5.2(3)、5.2(2)⑥）。",
            cancellationToken: cancellationToken);
    }

    private Person? Recorder(ITurnContext turnContext)
    {
        var from = turnContext.Activity.From;
        var person = directory.Identify(from?.AadObjectId, from?.Id).Person;
        return person is not null && directory.Current.RolesOf(person.Id).Any(r => Roles.Contains(r.Role)) ? person : null;
    }

    private static Task RefuseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync("緊急時対応訓練の記録は、CISO・副CISO・統括情報セキュリティ責任者が行います（5.2(3)）。", cancellationToken: cancellationToken);
}
