using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Forms;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Cards;

/// <summary>
/// Every card the host builds, as it comes back through the pipeline: valid for Teams (Adaptive Cards ≤ 1.5) and equal to
/// its snapshot under Snapshots/bot/, with draft ids, nonces, answer ids and dates relative to today replaced by placeholders.
/// </summary>
public sealed partial class BotCardFacts(BotHost host) : IClassFixture<BotHost>
{
    public static TheoryData<string> CardNames =>
    [
        "welcome", "welcome-chief", "welcome-stranger", "answer-with-citations", "answer-takeout", "answer-out-of-scope", "clause", "clause-typed",
        "form-misdelivery-report-step1", "form-takeout-request-step1", "form-web-meeting-request-step1",
        "form-cloud-use-request-step1", "form-incident-report-step1", "my-requests-empty",
    ];

    [Theory]
    [MemberData(nameof(CardNames))]
    public async Task TheCard_IsValidForTeams_AndMatchesItsSnapshot(string name)
    {
        var card = await Fetch(name);

        Assert.True(decimal.Parse((string)card["version"]!, CultureInfo.InvariantCulture) <= 1.5m, $"version {card["version"]}");
        AdaptiveCardValidator.AssertValid(card);
        Snapshot.Match($"bot/{name}", Stable(card));
    }

    [Fact]
    public async Task TheCardsOfAWholeForm_AreValidForTeams()
    {
        // The cards between the first step and the receipt: later steps, errors, confirmation, receipt, drafts and 申請状況.
        var person = host.Person();
        var cards = new List<JsonObject>();
        async Task Keep(Task<JsonArray> replies) => cards.AddRange(ReplyCards(await replies));
        await Keep(person.Say("持ち出し申請"));
        await Keep(person.Press("次へ", ("itemKind", "usb"), ("startDate", BotHost.Date(1)), ("endDate", BotHost.Date(0))));
        await Keep(person.Press("次へ", ("endDate", BotHost.Date(2))));
        await Keep(person.Press("次へ", ("purpose", new string('目', 5000)), ("destination", "群馬県庁")));
        await Keep(person.Press("次へ", ("purpose", "会議資料")));
        await Keep(person.Press("次へ", ("confidentiality", "3B"), ("processOutside", "yes")));
        await Keep(person.Press("次へ", ("outsideWorkPlace", "県庁の会議室"), ("transportMeasure", "鍵付きのケースなどに入れる")));
        await Keep(person.Say("申請状況"));
        await Keep(person.Say("持ち出し申請"));
        await Keep(person.Press("続きから再開"));
        await Keep(person.Press("送信"));
        await Keep(person.Say("申請状況"));
        await Keep(person.Say("インシデント報告"));
        await Keep(person.Press("次へ", ("incidentKind", "malware"), ("description", "不審な画面が出た")));

        Assert.Contains(cards, c => AllText(c).Contains("持ち出し申請を受け付けました"));
        Assert.Contains(cards, c => AllText(c).Contains("作成途中の申請があります"));
        Assert.True(cards.Count >= 10, $"only {cards.Count} cards");
        var results = AdaptiveCardValidator.ValidateMany(cards);
        var invalid = results.Where(r => !r.Ok).Select(r => $"card {r.Index} ({AllText(cards[r.Index]).Split('\n')[0]}): {string.Join("; ", r.Errors)}");
        Assert.Empty(invalid);
    }

    /// <summary>高橋 次郎 of the sample directory: 統括情報セキュリティ責任者.</summary>
    private static readonly TeamsUser ChiefSecurityOfficer = new("29:takahashi-cards", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    private async Task<JsonObject> Fetch(string name)
    {
        var person = host.Person();
        var replies = name switch
        {
            "welcome" => await person.Say("ヘルプ"),
            "welcome-chief" => await host.As(ChiefSecurityOfficer).Say("ヘルプ"),
            "welcome-stranger" => await host.As(TestStaffDirectory.NewStranger("部外 花子")).Say("ヘルプ"),
            "answer-takeout" => await person.Say("USBで資料を持ち出してもいい？"),
            "answer-with-citations" => await person.Say("CISOって誰がなるんだっけ？"),
            "answer-out-of-scope" => await person.Say("複合機のトナーが切れたらどこに頼めばいい？"),
            "clause" => await person.Send(new JsonObject { ["isms"] = "clause", ["id"] = "8.4(1)" }),
            "clause-typed" => await person.Say("条項 5.1(1)③"),
            "form-misdelivery-report-step1" => await person.Say("誤送信報告"),
            "form-takeout-request-step1" => await person.Say("持ち出し申請"),
            "form-web-meeting-request-step1" => await person.Say("Web会議申請"),
            "form-cloud-use-request-step1" => await person.Say("クラウド利用申請"),
            "form-incident-report-step1" => await person.Say("インシデント報告"),
            "my-requests-empty" => await person.Say("申請状況"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        return Assert.Single(ReplyCards(replies));
    }

    /// <summary>The card with its volatile values replaced: ids and nonces by what they are, dates relative to today by offset.</summary>
    internal static JsonNode Stable(JsonObject card)
    {
        var copy = card.DeepClone();
        foreach (var node in CardTree.Descendants(copy))
        {
            foreach (var key in new[] { "draft", "nonce", "answer" })
            {
                if (node[key] is JsonValue value && value.TryGetValue<string>(out var text) && HexId().IsMatch(text))
                {
                    node[key] = $"<{key}>";
                }
            }
        }

        var json = copy.ToJsonString();
        var today = BotHost.Today;
        json = json.Replace(FieldValues.FormatDate(today.AddYears(1)), "<today+1y>", StringComparison.Ordinal)
            .Replace(FieldValues.FormatDate(today), "<today>", StringComparison.Ordinal);
        json = HexId().Replace(json, "<hex-id>");
        return JsonNode.Parse(json)!;
    }

    [GeneratedRegex("^[0-9a-f]{32}$|(?<=\")[0-9a-f]{32}(?=\")")]
    private static partial Regex HexId();
}
