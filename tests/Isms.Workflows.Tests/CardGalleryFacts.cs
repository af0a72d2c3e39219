using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests;

public sealed class CardGalleryFacts
{
    public static TheoryData<string> CardNames => new(CardGallery.All.Select(c => c.Name));

    [Fact]
    public void EveryCard_PassesTheAdaptiveCardsParser_ForSchema15()
    {
        Assert.True(File.Exists(AdaptiveCardValidator.ScriptPath), $"{AdaptiveCardValidator.ScriptPath} is missing");
        Assert.True(CardGallery.All.Count >= 40);

        Assert.Empty(AdaptiveCardValidator.Validate(CardGallery.All));
    }

    [Fact]
    public void TheValidator_RejectsCardsTeamsCannotRender()
    {
        var tooNew = new AdaptiveCard().Add(CardElements.TextBlock("x")).ToJson();
        tooNew["version"] = "1.6";
        var unknown = new AdaptiveCard().Add(new JsonObject { ["type"] = "Input.Rating", ["id"] = "r" }).ToJson();

        // Only the adaptivecards parser (validate-card.mjs) checks ids: this one proves the script really ran.
        var duplicateIds = new AdaptiveCard()
            .Add(CardElements.TextInput("f_a", "a", null, 10, false, false, null))
            .Add(CardElements.TextInput("f_a", "b", null, 10, false, false, null))
            .ToJson();

        var problems = AdaptiveCardValidator.Validate([("too-new", tooNew), ("unknown", unknown), ("duplicate-ids", duplicateIds)]);

        Assert.Contains(problems, p => p.StartsWith("too-new:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("unknown:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("duplicate-ids:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesItsSnapshot(string name)
    {
        var card = CardGallery.All.Single(c => c.Name == name).Card;

        Snapshot.Match(name, card);
    }

    /// <summary>Every step card fits 1366×625 and a 390 px phone (not the confirmation, which lists all answers, nor
    /// a card shown again with the server's errors on it).</summary>
    [Fact]
    public void EveryStepCard_FitsOneScreen_OnALaptopAndAPhone()
    {
        var steps = CardGallery.All.Where(c => FormSession.ButtonTitles(c.Card).Contains("次へ") && !c.Name.EndsWith(".errors", StringComparison.Ordinal)).ToList();

        Assert.True(steps.Count >= 20);
        Assert.All(steps, c => Assert.True(
            CardHeight.FitsOneScreen(c.Card),
            $"{c.Name}: {CardHeight.Estimate(c.Card, CardHeight.LaptopWidth):0} px on a laptop, {CardHeight.Estimate(c.Card, CardHeight.PhoneWidth):0} px on a phone"));
    }

    [Fact]
    public void EveryTypedInput_HasAJapanesePlaceholder_AndTheBasisIsShownOncePerCard()
    {
        var steps = CardGallery.All.Where(c => FormSession.ButtonTitles(c.Card).Contains("次へ")).ToList();
        var typed = steps.SelectMany(c => FormSession.Inputs(c.Card).Select(i => (c.Name, Input: i)))
            .Where(x => (string?)x.Input["type"] is "Input.Text" or "Input.Date" or "Input.Time"
                || ((string?)x.Input["type"] == "Input.ChoiceSet" && (string?)x.Input["style"] == "compact"))
            .ToList();

        Assert.Contains(typed, x => (string?)x.Input["type"] == "Input.Date");
        Assert.Contains(typed, x => (string?)x.Input["type"] == "Input.Time");
        Assert.All(typed, x => Assert.Matches(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}", (string?)x.Input["placeholder"] ?? ""));
        Assert.All(steps, c => Assert.Single(FormSession.AllText(c.Card).Split('\n'), line => line.StartsWith("根拠: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryStepCard_ShowsTheBasisOnce_AndDateAndTimeInputsHaveJapanesePlaceholders()
    {
        var steps = CardGallery.All.Where(c => FormSession.ButtonTitles(c.Card).Contains("次へ")).ToList();
        var dateAndTime = steps.SelectMany(c => FormSession.Inputs(c.Card)).Where(i => (string?)i["type"] is "Input.Date" or "Input.Time").ToList();

        Assert.True(steps.Count >= 10);
        Assert.All(steps, c => Assert.Single(FormSession.AllText(c.Card).Split('\n'), line => line.StartsWith("根拠: ", StringComparison.Ordinal)));
        Assert.Contains(dateAndTime, i => (string?)i["type"] == "Input.Time");
        Assert.All(dateAndTime, i => Assert.Matches(@"^[\p{IsHiragana}\p{IsCJKUnifiedIdeographs}]+$", (string?)i["placeholder"] ?? ""));
    }

    [Fact]
    public void UserText_StaysInsideJsonStrings()
    {
        var (_, card) = CardGallery.All.Single(c => c.Name == "misdelivery.4.errors");
        var injected = new AdaptiveCard().Add(CardElements.TextInput("f_x", "l", "\"},{\"type\":\"Action.OpenUrl\"", 10, false, false, null)).ToJson();

        Assert.Equal("\"},{\"type\":\"Action.OpenUrl\"", (string?)injected["body"]![0]!["value"]);
        Assert.Single(JsonNode.Parse(injected.ToJsonString())!["body"]!.AsArray());
        Assert.Contains("2,000文字以内", FormSession.AllText(card));
    }
}
