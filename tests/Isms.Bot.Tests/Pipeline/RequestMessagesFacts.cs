using System.Text.Json.Nodes;
using Isms.Testing;
using Isms.Workflows.Forms;
using Xunit.Abstractions;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>
/// The request and report messages of the evaluation sets, each sent by a directory member through /api/messages:
/// the right form must start, or the answer must offer it (「〇〇を始める」); a question among them must not start a
/// form; a report whose gold cites 6.4(3)⑦ must get the malware first response in the same turn, and one whose gold
/// cites 5.4(2)④ (a password typed into a fake page or told to a caller) the change-it-now response. Prints the figures
/// per set; every set keeps a floor (issue 14 asks ≥ 90 % and every incident report served). The held-out and the tuning
/// sets are two classes, each with its own bot, so that xunit runs them side by side.
/// </summary>
public abstract class RequestMessagesCheck(BotHost host, ITestOutputHelper output)
{
    private const string MalwareFirstResponse = "LANケーブルを抜いてください";
    private const string PasswordFirstResponse = "パスワードをすぐに変更してください";

    protected async Task StartOrOfferTheRightForm(string file, double floor)
    {
        var titles = host.Get<FormCatalog>().All.ToDictionary(d => $"form_{d.Key}", d => d.Title);
        var misses = new List<string>();
        var (served, incidents, incidentsServed) = (0, 0, 0);
        var messages = Load(file);

        foreach (var (qid, text, intent, gold) in messages)
        {
            var replies = await host.Say(BotHost.NewPerson("評価 職員"), text);
            var seen = Describe(replies, titles.Values);
            bool right;
            if (titles.TryGetValue(intent, out var title))
            {
                right = seen.Started.Contains(title) || seen.Offered.Contains(title);
                if (right && gold.Contains("6.4(3)⑦"))
                {
                    right = seen.Text.Contains(MalwareFirstResponse, StringComparison.Ordinal);
                }

                if (right && gold.Contains("5.4(2)④"))
                {
                    right = seen.Text.Contains(PasswordFirstResponse, StringComparison.Ordinal);
                }
            }
            else
            {
                right = seen.Started.Count == 0;
            }

            if (intent == "form_incident_report")
            {
                incidents++;
                incidentsServed += right ? 1 : 0;
            }

            served += right ? 1 : 0;
            if (!right)
            {
                misses.Add($"{qid} {intent}: started [{string.Join(",", seen.Started)}] offered [{string.Join(",", seen.Offered)}]");
            }
        }

        var share = (double)served / messages.Count;
        output.WriteLine($"{file}: {served}/{messages.Count} ({share:F3}) started or offered the right form; incident reports {incidentsServed}/{incidents}");
        misses.ForEach(output.WriteLine);
        Assert.True(share >= floor, $"{served}/{messages.Count} below {floor}: {string.Join(" | ", misses)}");
    }

    private sealed record Seen(List<string> Started, List<string> Offered, string Text);

    /// <summary>Form cards open with 「<title>（n/m）」; an answer that offers a form has an action 「<title>を始める」.</summary>
    private static Seen Describe(JsonArray replies, ICollection<string> formTitles)
    {
        var cards = TeamsActivities.ReplyCards(replies).ToList();
        var started = cards.Select(c => QuestionFacts.CardTexts(c).FirstOrDefault()).OfType<string>()
            .Where(t => t.Contains('（')).Select(t => t[..t.IndexOf('（')]).Where(formTitles.Contains).ToList();
        var offered = cards.SelectMany(QuestionFacts.ButtonTitles)
            .Where(t => t.EndsWith("を始める", StringComparison.Ordinal)).Select(t => t[..^"を始める".Length]).ToList();
        var text = string.Join("\n", TeamsActivities.Texts(replies).Concat(cards.Select(Incidents.IncidentTeams.Text)));
        return new Seen(started, offered, text);
    }

    private static List<(string Qid, string Text, string Intent, List<string> Gold)> Load(string file) =>
        File.ReadLines(Path.Combine(RepoPaths.RepoRoot, "tests", "Isms.Knowledge.Tests", "data", file))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Select(o => ((string)o["qid"]!, (string)o["question"]!, (string)o["intent"]!,
                (o["gold"] as JsonArray ?? []).Select(g => (string)g!).ToList()))
            .ToList();
}

/// <summary>The held-out sets' request and report messages (see <see cref="RequestMessagesCheck"/>).</summary>
public sealed class RequestMessagesFacts(BotHost host, ITestOutputHelper output) : RequestMessagesCheck(host, output), IClassFixture<BotHost>
{
    [Theory]
    [InlineData("heldout-messages.jsonl", 0.9)]
    // Written at the start of stop 27 by another author and read once at its end: 71 of 80 (0.887), incident reports
    // served 16 of 20 (misses: a bag snatched, a stranger at a PC, papers left at a restaurant written in kana, a
    // password note filmed by a TV crew without the change-it notice).
    [InlineData("heldout-messages-2.jsonl", 0.9)]
    // Written at the start of stop 28 by another author and read once at its end: 70 of 80 (0.875), incident reports
    // served 18 of 20. heldout-messages-2 gives 72 of 80 (0.9) and 17 of 20 incidents with the code of stop 28.
    // Stop 30's procedure classifier: heldout-messages 35 of 36, -2 76 of 80 (incidents 18 of 20), -3 76 of 80 (20 of 20),
    // -4 75 of 80 (18 of 20).
    [InlineData("heldout-messages-3.jsonl", 0.9)]
    // Written at the start of stop 29 by another author and read once at its end: 73 of 80 (0.912), incident reports served
    // 16 of 20, as with the code of stop 28.
    [InlineData("heldout-messages-4.jsonl", 0.9)]
    // Written at the start of stop 30 by another author and read once then and once at its end: 67 of 80 (0.838),
    // incident reports 11 of 20, with the code of stop 29; 74 of 80 (0.925), incident reports 17 of 20, with the
    // procedure classifier and the new scope threshold.
    [InlineData("heldout-messages-5.jsonl", 0.9)]
    // Written at the start of stop 31 by another author and read once then and once at its end: 71 of 80 (0.887),
    // incident reports 16 of 20, with the code of stop 30; 72 of 80 (0.9), incident reports 17 of 20, with stop 31's.
    // Stop 32 (procedures retrained with tuning-incidents-17 and -18, an unsure report offered on the answer): 75 of 80,
    // incident reports 20 of 20; heldout-messages-2 78 of 80 (20 of 20), -3 75 of 80 (20 of 20), -4 78 of 80 (20 of 20),
    // -5 75 of 80 (18 of 20).
    [InlineData("heldout-messages-6.jsonl", 0.9)]
    // Written at the start of stop 32 by another author and read once then and once at its end: 73 of 80 (0.912),
    // incident reports 17 of 20, both times (two misses lack the first response, one reads as a misdelivery).
    [InlineData("heldout-messages-7.jsonl", 0.9)]
    // Written in the second half of stop 32 by another author and read once then and once at its end: 76 of 80 (incident
    // reports 19 of 20) with stop 31's code, 77 of 80 (20 of 20) with stop 32's, before and after the first response
    // on answers that offer the report.
    [InlineData("heldout-messages-8.jsonl", 0.9)]
    // Written at the start of stop 33 by another author and read once then and once at its end: 78 of 80 (incident
    // reports 18 of 20) with stop 32's code, 79 of 80 (19 of 20) with stop 33's (the miss: a contractor's misdelivery of
    // the union's data, told by the contractor, starts 誤送信報告 where the gold is the incident report).
    [InlineData("heldout-messages-9.jsonl", 0.9)]
    // Written at the start of stop 34 by another author and read once then and once at its end: 75 and 76 of 80 in two
    // runs of stop 33's code (incident reports 18 of 20), 76 of 80 (19 of 20) with stop 34's.
    [InlineData("heldout-messages-10.jsonl", 0.9)]
    // Written at the start of stop 35 by another author and read once then and once at its end: 77 of 80 (incident reports
    // 20 of 20) with stop 34's code and with stop 35's. Stop 36's cloud words were written after reading two of its misses
    // (an online form service, an AI transcription site): 79 of 80 since, no longer held-out evidence.
    [InlineData("heldout-messages-11.jsonl", 0.9)]
    // heldout-messages-12 (80 by another author, written at the start of stop 36 and committed unread): 77 of 80, incident
    // reports 20 of 20, with stop 35's code, once mid-stop and with stop 36's final code.
    // Stop 37 worked from its three misses (no longer held-out evidence): 80 of 80 since.
    [InlineData("heldout-messages-12.jsonl", 0.9)]
    // heldout-messages-13 (80 by another author, written at the start of stop 37 and committed unread): 77 of 80, incident
    // reports 20 of 20, with stop 36's code and with stop 37's.
    [InlineData("heldout-messages-13.jsonl", 0.9)]
    public Task HeldOutMessages_StartOrOfferTheRightForm(string file, double floor) => StartOrOfferTheRightForm(file, floor);
}

/// <summary>The tuning sets' request and report messages (see <see cref="RequestMessagesCheck"/>).</summary>
public sealed class TuningRequestMessagesFacts(BotHost host, ITestOutputHelper output) : RequestMessagesCheck(host, output), IClassFixture<BotHost>
{
    [Theory]
    [InlineData("tuning-messages.jsonl", 0.9)]
    [InlineData("tuning-messages-2.jsonl", 0.9)]
    [InlineData("tuning-messages-3.jsonl", 0.9)]
    [InlineData("tuning-messages-6.jsonl", 0.9)]
    [InlineData("tuning-messages-7.jsonl", 0.9)]
    [InlineData("tuning-messages-8.jsonl", 0.9)]
    [InlineData("tuning-messages-9.jsonl", 0.9)]
    [InlineData("tuning-messages-10.jsonl", 0.9)]
    [InlineData("tuning-messages-11.jsonl", 0.9)]
    [InlineData("tuning-messages-12.jsonl", 0.9)]
    [InlineData("tuning-messages-15.jsonl", 0.9)]
    [InlineData("tuning-incidents-16.jsonl", 0.9)]
    [InlineData("tuning-incidents-17.jsonl", 0.9)]
    [InlineData("tuning-incidents-18.jsonl", 0.9)]
    [InlineData("tuning-incidents-19.jsonl", 0.9)]
    [InlineData("tuning-incidents-21.jsonl", 0.9)]
    [InlineData("tuning-fresh-20.jsonl", 0.9)]
    // tuning-fresh-22 (stop 35): 78 of 80 through the bot with the stop's code.
    [InlineData("tuning-fresh-22.jsonl", 0.9)]
    // tuning-fresh-23 (stop 36): 78 of 80 on arrival, 80 of 80 with the stop's code.
    [InlineData("tuning-fresh-23.jsonl", 0.9)]
    // tuning-fresh-24 (stop 37): 79 of 80 on arrival and with the stop's code.
    [InlineData("tuning-fresh-24.jsonl", 0.9)]
    public Task TuningMessages_StartOrOfferTheRightForm(string file, double floor) => StartOrOfferTheRightForm(file, floor);
}
