using System.Text.Json.Nodes;
using Isms.Workflows.Incidents;
using Isms.Workflows.Tests.Support;

using static Isms.Workflows.Tests.Incidents.IncidentHarness;

namespace Isms.Workflows.Tests.Incidents;

public sealed class IncidentCardFacts
{
    private static readonly Lazy<IReadOnlyList<(string Name, JsonObject Card)>> Gallery = new(Build);

    public static TheoryData<string> CardNames => new(Gallery.Value.Select(c => c.Name));

    /// <summary>Every incident card, at each step of the chain.</summary>
    private static IReadOnlyList<(string, JsonObject)> Build()
    {
        using var h = new IncidentHarness();
        var record = h.Report(personalData: true);
        var opening = h.Service.Open(record, "act-1")!;
        var cards = new List<(string, JsonObject)>
        {
            ("incident.manager", opening.Notices[0].Card!),
            ("incident.csirt.reported", opening.CsirtCard),
            ("incident.timeline.reported", IncidentCards.Timeline(opening.View)),
        };
        h.Time.Advance(TimeSpan.FromMinutes(10));
        cards.Add(("incident.timeline.acknowledged", IncidentCards.Timeline(h.Ack(record, Sato).View!)));
        h.Time.Advance(TimeSpan.FromMinutes(20));
        cards.Add(("incident.csirt.assessed", IncidentCards.ForCsirt(h.Triage(record, Saito, reports: [OutsideReport.PersonalInfoCommission]).View!)));
        h.Time.Advance(TimeSpan.FromHours(3));
        cards.Add(("incident.timeline.closed", IncidentCards.Timeline(h.Close(record, Saito).View!)));
        return cards;
    }

    private static JsonObject Card(string name) => Gallery.Value.Single(c => c.Name == name).Card;

    [Fact]
    public void EveryCard_PassesTheAdaptiveCardsParser_ForSchema15()
    {
        Assert.Equal(6, Gallery.Value.Count);
        Assert.Empty(AdaptiveCardValidator.Validate([.. Gallery.Value]));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesItsSnapshot(string name) => Snapshot.Match(name, Card(name), "Incidents/Snapshots");

    [Fact]
    public void TheManagersCard_HasOneAcknowledgeButton_WithTheCardVersion_AndRefreshesForTheManagerAndTheCsirt()
    {
        var card = Card("incident.manager");

        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.Execute", IncidentText.AcknowledgeVerb, "確認"), ((string?)action["type"], (string?)action["verb"], (string?)action["title"]));
        Assert.Equal(24, ((string?)action["data"]!["version"])!.Length);
        Assert.Equal(IncidentText.RefreshVerb, (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal([Approvals.ApprovalHarness.SatoTeams, "29:saito", "29:kato", "29:watanabe", "29:kobayashi"], card["refresh"]!["userIds"]!.AsArray().Select(u => (string?)u));
        Assert.Contains("公用スマートフォンが見当たりません。", Approvals.ApprovalHarness.AllText(card));
    }

    [Fact]
    public void TheCsirtCard_AsksForTheAssessment_AndOnlyOnceAssessedForCauseAndPrevention()
    {
        var reported = Card("incident.csirt.reported");
        var assessed = Card("incident.csirt.assessed");

        Assert.Equal([IncidentText.TriageVerb], Verbs(reported));
        // Issue 11: once it is an incident, each open outside report has its button (総務省, 群馬県, 構成市町 of 1(9)⑤; the
        // CISO's was made by the bot's report; 個人情報保護委員会 as ticked) and the press decision of 1(9)⑥ is asked.
        Assert.Equal([IncidentText.TriageVerb, .. Enumerable.Repeat(IncidentText.OutsideReportedVerb, 4), IncidentText.PressVerb, IncidentText.CloseVerb], Verbs(assessed));
        Assert.Equal(["report_personalinfocommission", "report_police"],
            Descendants(reported).Where(n => (string?)n["type"] == "Input.Toggle").Select(n => (string?)n["id"]));
        Assert.Contains("個人情報保護委員会への報告の要否の検討（5.3(1)④）", Approvals.ApprovalHarness.AllText(reported));
        var commission = Descendants(assessed).Single(n => (string?)n["id"] == "report_personalinfocommission");
        Assert.Equal("true", (string?)commission["value"]);
        Assert.Contains(Descendants(assessed), n => (string?)n["id"] == IncidentCards.CauseInputId);
        Assert.DoesNotContain(Descendants(reported), n => (string?)n["id"] == IncidentCards.CauseInputId);
    }

    [Fact]
    public void TheClosedTimeline_ShowsCauseAndPrevention_AndNoButtons()
    {
        var card = Card("incident.timeline.closed");

        Assert.Null(card["actions"]);
        Assert.Empty(Verbs(card));
        var text = Approvals.ApprovalHarness.AllText(card);
        Assert.Equal("完了", FormSession.Facts(card)["状態"]);
        Assert.Contains("公用端末の携行時はストラップで身体に固定する", text);
        Assert.Contains("8/20 13:30", text);
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void EveryClauseTheCardCites_IsARealClauseId(string name)
    {
        // Clause ids as the cards write them: 根拠: a、b on the citation line, （a） after a timeline step or a heading.
        var text = Approvals.ApprovalHarness.AllText(Card(name));
        var cited = System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\d.])\d(?:\.\d)?\(\d+\)[①-⑳]?(?:\([ア-ン]\))?")
            .Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.True(Routing.RoutingTestData.ReferenceClauses.Exists(id), $"{name} cites '{id}', which is not a clause id"));
    }

    [Fact]
    public void UserText_StaysInsideJsonStrings()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);
        var injection = "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil\"";

        var card = IncidentCards.ForCsirt(h.Triage(record, Saito, containment: injection).View!);

        Assert.Contains(injection, Approvals.ApprovalHarness.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Action.OpenUrl", Descendants(card).Select(n => (string?)n["type"]));
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    private static List<string?> Verbs(JsonObject card) =>
        Descendants(card).Where(n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] != IncidentText.RefreshVerb).Select(n => (string?)n["verb"]).ToList();
}
