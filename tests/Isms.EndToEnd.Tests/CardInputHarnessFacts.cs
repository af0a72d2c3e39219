using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// Checks the harness's card-input helpers against the Playground's renderer with a form card of every input kind
/// the bot's forms use. The card is posted straight to the Playground's connector (as the bot would post it), so
/// this does not depend on any form the bot has yet; pressing its submit button does reach the bot.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CardInputHarnessFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    private const string FormCard = """
        {
          "type": "AdaptiveCard", "version": "1.5",
          "body": [
            { "type": "TextBlock", "id": "formTitle", "text": "ハーネス確認フォーム", "weight": "Bolder" },
            { "type": "Input.Text", "id": "purpose", "label": "目的", "placeholder": "持ち出しの目的", "isRequired": true, "errorMessage": "目的を入力してください" },
            { "type": "Input.Text", "id": "detail", "label": "詳細", "isMultiline": true },
            { "type": "Input.Number", "id": "count", "label": "台数", "min": 1, "max": 10 },
            { "type": "Input.ChoiceSet", "id": "media", "label": "媒体", "style": "compact", "isRequired": true, "errorMessage": "媒体を選んでください",
              "choices": [ { "title": "USBメモリ", "value": "usb" }, { "title": "ノートPC", "value": "pc" } ] },
            { "type": "Input.ChoiceSet", "id": "period", "label": "期間", "style": "expanded",
              "choices": [ { "title": "一時", "value": "temporary" }, { "title": "常時", "value": "permanent" } ] },
            { "type": "Input.Toggle", "id": "agree", "label": "確認", "title": "持ち出し記録簿に記入します" }
          ],
          "actions": [ { "type": "Action.Submit", "title": "送信", "data": { "isms": "harness-check" } } ]
        }
        """;

    [Fact]
    public async Task FormCard_RequiredInputsMissing_ShowsValidationMessages()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();
        var card = await PostFormCardAsync(chat);

        await chat.ClickCardButtonAsync("送信", card);

        var errors = await WaitForErrorsAsync(chat);
        Assert.Contains("目的を入力してください", errors);
        await Session.ScreenshotAsync("harness-form-validation");
    }

    [Fact]
    public async Task FormCard_FilledIn_SubmitsToTheBot()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();
        var card = await PostFormCardAsync(chat);

        await chat.FillCardInputAsync("目的", "訓練資料の作成");
        await chat.FillCardInputAsync("詳細", "一行目\n二行目");
        await chat.FillCardInputAsync("台数", "2");
        await chat.SelectCardChoiceAsync("媒体", "ノートPC");
        await chat.SelectCardChoiceAsync("期間", "一時");
        await chat.SetCardToggleAsync("確認", true);
        await Session.ScreenshotAsync("harness-form-filled");
        await chat.ClickCardButtonAsync("送信", card);

        // The bot does not know this card's marker and says so: any reply proves the submit arrived.
        var reply = await chat.WaitForReplyAsync();
        Assert.Contains("受け付けられませんでした", await reply.InnerTextAsync());
        Assert.Empty(await chat.ReadValidationMessagesAsync(card));
    }

    private async Task<Microsoft.Playwright.ILocator> PostFormCardAsync(ChatPage chat)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = SampleOrg.BotId, ["name"] = SampleOrg.BotName },
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = JsonNode.Parse(FormCard),
            }),
        };
        using var http = new HttpClient();
        var connector = new Uri(Session.Playground.BaseAddress, $"_connector/v3/conversations/{Session.CurrentUser.PersonalChatId}/activities");
        using var response = await http.PostAsJsonAsync(connector, activity);
        response.EnsureSuccessStatusCode();
        return await chat.WaitForCardAsync("ハーネス確認フォーム");
    }

    private static async Task<IReadOnlyList<string>> WaitForErrorsAsync(ChatPage chat)
    {
        var deadline = DateTime.UtcNow + ChatPage.WaitTimeout;
        while (true)
        {
            var errors = await chat.ReadValidationMessagesAsync();
            if (errors.Count > 0 || DateTime.UtcNow > deadline)
            {
                return errors;
            }

            await Task.Delay(50);
        }
    }
}
