using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>How an answer is given on a card: typed (text, or a date as yyyy-MM-dd), picked from a choice set, or ticked.</summary>
public enum AnswerKind
{
    Type,
    Pick,
    Tick,
}

/// <summary>An answer as the person gives it, found on the card by the input's label (optional ones end in （任意）).</summary>
public sealed record CardAnswer(string Label, string Value, AnswerKind Kind = AnswerKind.Type);

/// <summary>
/// A form filled in the client card by card, as a person does it: on each card the answers whose question it shows,
/// then 次へ, until the confirmation. The form decides which questions share a card (and leaves out what it filled in
/// itself), so the answers are given by label, not per card.
/// </summary>
public static class FormFill
{
    /// <summary>
    /// Fills from <paramref name="card"/> (a settled card of the form <paramref name="title"/>) to the confirmation card,
    /// which it returns with the number of 次へ presses. <paramref name="onCard"/> is called on each card once filled, before
    /// 次へ (for a screenshot).
    /// </summary>
    public static async Task<(ILocator Confirmation, int Taps)> ToConfirmationAsync(
        ChatPage chat, ILocator card, string title, IReadOnlyList<CardAnswer> answers, Func<ILocator, int, Task>? onCard = null)
    {
        var taps = 0;
        while (!(await chat.CardTextAsync(card)).Contains($"{title}の内容確認", StringComparison.Ordinal))
        {
            Assert.True(taps < 10, $"{title}: no confirmation after {taps} cards");
            Assert.DoesNotContain("入力内容を確認してください", await chat.CardTextAsync(card));
            foreach (var answer in answers)
            {
                if (await HasInputAsync(card, answer.Label))
                {
                    await GiveAsync(chat, card, answer);
                }
            }

            if (onCard is not null)
            {
                await onCard(card, taps + 1);
            }

            await chat.ClickCardButtonAsync("次へ", card);
            taps++;
            card = await SettledCardAsync(chat, title);
        }

        return (card, taps);
    }

    /// <summary>Sends <paramref name="message"/> and returns the form's first settled card; a draft left by an earlier run
    /// of the same form is discarded first (破棄して新しく始める), as a person would.</summary>
    public static async Task<ILocator> StartAsync(ChatPage chat, string message, string title)
    {
        await chat.SendAsync(message);
        var card = await SettledCardAsync(chat, title);
        if ((await chat.CardTextAsync(card)).Contains("作成途中の申請があります", StringComparison.Ordinal))
        {
            await chat.ClickCardButtonAsync("破棄して新しく始める", card);
            card = await SettledCardAsync(chat, $"{title}（1/");
        }

        return card;
    }

    /// <summary>Waits for a card containing <paramref name="text"/>, lets any later message arrive (it would re-render the
    /// card and drop typed input), and finds it again.</summary>
    public static async Task<ILocator> SettledCardAsync(ChatPage chat, string text)
    {
        await chat.WaitForCardAsync(text);
        await chat.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        return await chat.WaitForCardAsync(text, includeEarlier: true);
    }

    /// <summary>Shows the answers a confirmation folds to fit one screen (its 「残りN項目を表示」 toggle, drawn by the client
    /// with no message to the bot), so the whole card can be read; true when there was a toggle.</summary>
    public static async Task<bool> ShowAllAnswersAsync(ILocator confirmation)
    {
        var toggle = confirmation.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^残り\\d+項目を表示") });
        if (await toggle.CountAsync() == 0)
        {
            return false;
        }

        await toggle.First.ClickAsync();
        return true;
    }

    public static async Task<bool> HasInputAsync(ILocator card, string label)
    {
        try
        {
            await CardInputs.FindAsync(card, label);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Task GiveAsync(ChatPage chat, ILocator card, CardAnswer answer) => answer.Kind switch
    {
        AnswerKind.Pick => chat.SelectCardChoiceAsync(answer.Label, answer.Value, card),
        AnswerKind.Tick => chat.SetCardToggleAsync(answer.Label, answer.Value == "true", card),
        _ => chat.FillCardInputAsync(answer.Label, answer.Value, card),
    };
}
