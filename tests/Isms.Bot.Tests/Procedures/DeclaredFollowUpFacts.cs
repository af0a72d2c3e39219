using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Isms.Bot.Tests.Pipeline;
using Isms.Jobs.Chasing;
using Isms.Testing;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Notifications;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Tests.Procedures;

/// <summary>
/// Issue 11: adding a procedure changes its definition and nothing in the services. A procedure made up here (never
/// shipped) declares a follow-up command, a card marker and a chase; put in the catalog of a real host, its command
/// answers through /api/messages, its card submit reaches its action, and the jobs register and run its chase.
/// </summary>
public sealed class DeclaredFollowUpFacts : TempDataDirectory
{
    private const string Marker = "made-up-done";
    private const string ChaseId = "chase-made-up";
    private static readonly FormKind Kind = new("made_up_request");

    private readonly ConcurrentQueue<FollowUpSubmit> _submits = new();

    private FormDefinition MadeUp(string marker = Marker) => new(
        Kind, "架空の申請", "架空", "テスト用の手続きです。", ["2(2)⑩(イ)"],
        [new FormStep("内容", [Fields.Text("what", "内容", "2(2)⑩(イ)")])])
    {
        NextStep = "確認します。",
        CommandWords = ["架空の申請"],
        FollowUpCommands =
        [
            new("made-up-list", ["架空記録"], v => new(
                new AdaptiveCard()
                    .Add(TextBlock($"架空の記録 {v.UserId} {FieldValues.FormatDate(v.Today)}", TextTone.Heading))
                    .AddAction(SubmitAction("記録する", new JsonObject { ["isms"] = marker, ["record"] = "0123456789abcdef0123456789abcdef" }))
                    .ToJson(),
                "架空の記録")),
        ],
        CardActions =
        [
            new(marker, submit =>
            {
                _submits.Enqueue(submit);
                return new FollowUpOutcome.Done(new FollowUpResult(false, $"架空の記録を受け付けました（{submit.Value("note")}）。"));
            }),
        ],
        Chases =
        [
            new(ChaseId, "made-up", RequestStatus.Approved, r => r.Kind == Kind, "what",
                [new(1, new ChaseMoment(ChaseNumber.Of(1)), ChaseRecipients.Applicant, n => new Notification("架空の督促", n.Record.Number))]),
        ],
    };

    private BotHost Start(params FormDefinition[] procedures) => BotHost.Start(DataDirectory, services: s =>
        s.AddSingleton(sp => new FormCatalog(sp.GetRequiredService<FormsOptions>(), more: procedures)));

    [Fact]
    public async Task AMadeUpProcedure_ItsCommandAnswers_ItsCardReachesItsAction_AndItsChaseIsRegistered()
    {
        using var host = Start(MadeUp());
        var person = BotHost.NewPerson("架空 花子");

        var card = Assert.Single(ReplyCards(await host.Say(person, "架空記録")));
        AdaptiveCardValidator.AssertValid(card);
        Assert.Contains($"架空の記録 {person.Id} {host.Day(0)}", CardTree.Descendants(card).Select(o => (string?)o["text"]));

        var value = (JsonObject)CardTree.Descendants(card).Single(o => (string?)o["type"] == "Action.Submit")["data"]!.DeepClone();
        value["note"] = "メモ";
        value["ignored"] = 3;
        var reply = Texts(await host.Post(CardSubmit(person, value))).Single();

        Assert.Equal("架空の記録を受け付けました（メモ）。", reply);
        var submit = Assert.Single(_submits);
        Assert.Equal((person.Id, person.AadObjectId, "0123456789abcdef0123456789abcdef"), (submit.UserId, submit.AadObjectId, submit.RecordId));
        Assert.False(submit.Values.ContainsKey("ignored"));

        using var connection = host.Get<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == ChaseId);
        Assert.Equal(new ChaseRun(0, 0), await host.Get<DeclaredChaseJob>().RunAsync(ChaseId, default));
    }

    [Fact]
    public void AMarkerTheBotUses_OrTwoProceduresDeclare_StopsTheHostAtStartUp()
    {
        var botMarker = Assert.ThrowsAny<Exception>(() => Start(MadeUp("form")));
        Assert.Contains("card marker 'form'", botMarker.ToString(), StringComparison.Ordinal);

        var twice = Assert.ThrowsAny<Exception>(() => Start(MadeUp(DisposalRecords.Marker)));
        Assert.Contains($"card marker '{DisposalRecords.Marker}' is declared by", twice.ToString(), StringComparison.Ordinal);
    }
}
