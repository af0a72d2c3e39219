using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Bot.Jobs;
using Isms.Workflows.Org;
using Isms.Workflows.Training;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.Training;

/// <summary>
/// 研修状況 (5.2): a person sees their own courses (due, completed, overdue) with 受講しました buttons; a
/// 情報セキュリティ管理者 also sees their 所属 (5.2(2)④). A 受講しました submit records the completion for the
/// activity's sender, never for anyone the card data names; a second one says it is already recorded.
/// </summary>
public sealed class TrainingStatusHandler(
    OrgDirectoryService directory,
    TrainingPlanner planner,
    TrainingService training,
    ILogger<TrainingStatusHandler> logger)
{
    /// <summary>Longest course id a submit may carry; the configured ids are short words.</summary>
    public const int MaxCourseIdLength = 64;

    public async Task ShowStatusAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (Identify(turnContext) is not { } known)
        {
            await SayStrangerAsync(turnContext, cancellationToken);
            return;
        }

        var (person, current) = known;
        var today = training.Today;
        var own = planner.StatusOf(StaffIdentity.TrainingPersonOf(person, current), today);
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(TrainingCards.Status(own), "研修状況"), cancellationToken);

        foreach (var department in ManagedDepartments(person, current, today))
        {
            var staff = current.People.Where(p => p.Department == department).Select(p => StaffIdentity.TrainingPersonOf(p, current));
            var status = planner.ByDepartment(staff, today).SingleOrDefault() ?? new DepartmentTrainingStatus(department, []);
            await turnContext.SendActivityAsync(
                CardAttachments.ToActivity(TrainingCards.DepartmentStatus(status, today), $"{department}の研修状況"), cancellationToken);
        }
    }

    public async Task HandleSubmitAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        var data = ReadSubmit(value);
        if (data is null)
        {
            logger.LogInformation("Declined a malformed training submit");
            await turnContext.SendActivityAsync("このカードの操作は受け付けられませんでした。「研修状況」と送って、表示されたカードから操作してください。",
                cancellationToken: cancellationToken);
            return;
        }

        if (Identify(turnContext) is not { } known)
        {
            await SayStrangerAsync(turnContext, cancellationToken);
            return;
        }

        var result = training.CompleteFromCard(StaffIdentity.TrainingPersonOf(known.Person, known.Directory), data);
        logger.LogInformation("Training completion for directory person {PersonId}: {Outcome}", known.Person.Id, result.Recorded ? "recorded" : "not recorded");
        await turnContext.SendActivityAsync(result.Message, cancellationToken: cancellationToken);
    }

    /// <summary>Only {"isms":"training","op":"complete","course":"&lt;id&gt;"}; anything else (extra fields included) is refused.</summary>
    private static JsonObject? ReadSubmit(JObject value)
    {
        if (value.Count != 3 || value["course"] is not JValue { Type: JTokenType.String } course
            || ((string?)course)?.Length is not (> 0 and <= MaxCourseIdLength))
        {
            return null;
        }

        var data = new JsonObject { ["isms"] = (string?)value["isms"], ["op"] = value["op"]?.Type == JTokenType.String ? (string?)value["op"] : null, ["course"] = (string?)course };
        return TrainingCards.CompletedCourse(data) is null ? null : data;
    }

    private (Person Person, OrgDirectory Directory)? Identify(ITurnContext turnContext)
    {
        var current = directory.Current;
        var from = turnContext.Activity.From;
        var person = current.Match(from?.AadObjectId, from?.Id);
        return person is null ? null : (person, current);
    }

    private async Task SayStrangerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var guidance = directory.Identify(from?.AadObjectId, from?.Id).Guidance ?? "組織名簿にあなたの登録が見つかりません。";
        await turnContext.SendActivityAsync("研修状況は組織名簿に登録されている方にお示ししています。" + guidance, cancellationToken: cancellationToken);
    }

    /// <summary>The 所属 whose 情報セキュリティ管理者 this person is, or acts for today as deputy.</summary>
    internal static IEnumerable<string> ManagedDepartments(Person person, OrgDirectory current, DateOnly today) =>
        current.Roles
            .Where(r => r.Role == OrgRole.SecurityManager && r.Department is not null
                && (r.PersonId == person.Id || current.ActiveDeputies(r.PersonId, OrgRole.SecurityManager, today).Any(d => d.Id == person.Id)))
            .Select(r => r.Department!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(d => d, StringComparer.Ordinal);
}
