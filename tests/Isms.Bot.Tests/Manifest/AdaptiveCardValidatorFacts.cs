using System.Text.Json.Nodes;

namespace Isms.Bot.Tests.Manifest;

public sealed class AdaptiveCardValidatorFacts
{
    private const string ValidCard = """
        {
          "type": "AdaptiveCard",
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "version": "1.5",
          "refresh": { "action": { "type": "Action.Execute", "title": "更新", "verb": "refresh" }, "userIds": ["29:approver"] },
          "body": [
            { "type": "TextBlock", "text": "持ち出し申請", "weight": "Bolder", "wrap": true },
            { "type": "FactSet", "facts": [ { "title": "申請者", "value": "消防 太郎" } ] },
            { "type": "ColumnSet", "columns": [ { "width": "auto", "items": [ { "type": "TextBlock", "text": "状態" } ] } ] },
            { "type": "Table", "columns": [ { "width": 1 } ], "rows": [ { "cells": [ { "items": [ { "type": "TextBlock", "text": "USB" } ] } ] } ] },
            { "type": "Input.Text", "id": "reason", "label": "理由", "isRequired": true, "errorMessage": "理由を入力してください" },
            { "type": "Input.ChoiceSet", "id": "kind", "label": "種類", "choices": [ { "title": "USBメモリ", "value": "usb" } ] }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "承認", "verb": "approve", "data": { "requestId": "r1", "type": "any payload" } },
            { "type": "Action.Submit", "title": "送信", "data": { "msteams": { "type": "messageBack" } } },
            { "type": "Action.ShowCard", "title": "詳細", "card": { "type": "AdaptiveCard", "body": [ { "type": "TextBlock", "text": "詳細" } ] } }
          ],
          "msteams": { "width": "Full" }
        }
        """;

    [Fact]
    public void Validate_AcceptsAValid15Card()
    {
        Assert.Empty(AdaptiveCardValidator.Validate(ValidCard));
        AdaptiveCardValidator.AssertValid(JsonNode.Parse(ValidCard)!);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Foo"}]}""", "UnknownElementType")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Bogus","title":"x"}]}""", "UnknownActionType")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x"}]}""", "newer than 1.5")]
    [InlineData("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}]}""", "\"version\" must be")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""", "TextBlock requires \"text\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel","pages":[]}]}""", "\"Carousel\" is not in Adaptive Cards 1.5")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","title":"承認"}]}""", "Action.Execute requires \"verb\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","label":"x","labelPosition":"inline"}]}""", "UnsupportedProperty")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a"},{"type":"Input.Text","id":"a"}]}""", "DuplicateId")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""", "InvalidPropertyValue")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"r","isRequired":true}]}""", "RequiredInputsShouldHaveLabel")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"FactSet","facts":[{"title":"a"}]}]}""", "Fact requires \"value\"")]
    [InlineData("""{"type":"Card","version":"1.5"}""", "\"type\" must be \"AdaptiveCard\"")]
    [InlineData("""{"type":"AdaptiveCard",""", "not readable JSON")]
    public void Validate_ReportsABrokenCard(string card, string expectedError)
    {
        var errors = AdaptiveCardValidator.Validate(card);

        Assert.Contains(errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsMoreThan60RefreshUsers()
    {
        var card = JsonNode.Parse(ValidCard)!;
        card["refresh"]!["userIds"] = new JsonArray(Enumerable.Range(0, 61).Select(i => (JsonNode)$"29:user{i}").ToArray());

        Assert.Contains(AdaptiveCardValidator.Validate(card), e => e.Contains("at most 60 users", StringComparison.Ordinal));
    }

    [Fact]
    public void AssertValid_FailsTheTest_ListingTheErrors()
    {
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(
            () => AdaptiveCardValidator.AssertValid("""{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock"}]}"""));

        Assert.Contains("newer than 1.5", failure.Message, StringComparison.Ordinal);
        Assert.Contains("requires \"text\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateMany_ReturnsOneResultPerCard_InOrder()
    {
        var results = AdaptiveCardValidator.ValidateMany(
        [
            JsonNode.Parse(ValidCard)!,
            JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""")!,
        ]);

        Assert.Equal([0, 1], results.Select(r => r.Index));
        Assert.True(results[0].Ok);
        Assert.False(results[1].Ok);
    }
}
