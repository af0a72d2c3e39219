using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// The Agents Playground's chat UI as a test sees it: pick a conversation, send text (optionally @mentioning the
/// bot), wait for the bot's replies and cards, and work the card's buttons and inputs. Selectors are the stable
/// ones from docs (aria labels and Adaptive Cards class names; the page's own class names are hashed).
/// "Since the last action" means bot messages that appeared after the last <see cref="SendAsync"/> or
/// <see cref="ClickCardButtonAsync"/>.
/// The Playground re-renders the conversation when a message arrives and that clears what was typed into cards:
/// fill a form only once the bot's replies are in (<see cref="WaitForQuietAsync"/> when unsure).
/// </summary>
public sealed class ChatPage(IPage page, string screenshotPrefix = "")
{
    public const string PersonalChat = "Personal Chat";
    public static readonly string GroupChat = SampleOrg.GroupChatName;
    public static readonly string Channel = $"{SampleOrg.TeamName} - {SampleOrg.ChannelName}";

    private const string MessageSelector = "div:has(> [aria-label=\"Message header\"])";
    private const string EditorSelector = "[data-lexical-editor=\"true\"]";

    private int _botMessagesBeforeLastAction;

    public static TimeSpan WaitTimeout { get; } = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    public IPage Page { get; } = page;

    /// <summary>The card found by the last <see cref="WaitForCardAsync"/>; card helpers act on it by default.</summary>
    public ILocator? LastCard { get; private set; }

    /// <summary>When the last action was taken, for measuring round trips.</summary>
    public Stopwatch SinceLastAction { get; } = new();

    /// <summary>All messages the bot posted in the open conversation, oldest first.</summary>
    public ILocator BotMessages => Page.Locator(MessageSelector).Filter(new()
    {
        Has = Page.Locator("[aria-label=\"Message author\"]", new() { HasTextString = SampleOrg.BotName }),
    });

    /// <summary>Opens a conversation from the list: <see cref="PersonalChat"/>, <see cref="GroupChat"/> or <see cref="Channel"/>.</summary>
    public async Task OpenChatAsync(string conversation = PersonalChat)
    {
        await Page.Locator($"[role=\"treeitem\"][aria-label=\"{conversation}\"]").ClickAsync();
        await Page.Locator(EditorSelector).WaitForAsync(new() { State = WaitForSelectorState.Visible });
        LastCard = null;
        await MarkActionAsync();
    }

    /// <summary>Types <paramref name="text"/> and sends it; with <paramref name="mentionBot"/> it starts with an
    /// @mention of the bot picked from the mention menu, as group chats and channels need.</summary>
    public async Task SendAsync(string text, bool mentionBot = false)
    {
        var editor = Page.Locator(EditorSelector);
        await editor.ClickAsync();
        if (mentionBot)
        {
            await Page.Keyboard.TypeAsync("@");
            await Page.GetByRole(AriaRole.Menuitem).Filter(new() { Has = Page.Locator($"[aria-label=\"{SampleOrg.BotName}\"]") })
                .First.ClickAsync();
            text = " " + text;
        }

        await Page.Keyboard.InsertTextAsync(text);
        await MarkActionAsync();
        await Page.Locator("button[aria-label=\"Send Message\"]").ClickAsync();
    }

    /// <summary>Waits until no new bot message has arrived for <paramref name="quiet"/> (default 1 s).</summary>
    public async Task WaitForQuietAsync(TimeSpan? quiet = null)
    {
        var period = quiet ?? TimeSpan.FromSeconds(1);
        var count = await BotMessages.CountAsync();
        var unchanged = Stopwatch.StartNew();
        await PollAsync(async () =>
        {
            var now = await BotMessages.CountAsync();
            if (now != count)
            {
                count = now;
                unchanged.Restart();
            }

            return unchanged.Elapsed >= period;
        }, $"the conversation to stay quiet for {period.TotalSeconds:0.#} s");
    }

    /// <summary>Waits for the first bot message posted since the last action and returns it.</summary>
    public async Task<ILocator> WaitForReplyAsync()
    {
        var index = _botMessagesBeforeLastAction;
        await PollAsync(async () => await BotMessages.CountAsync() > index, "a reply from the bot");
        return BotMessages.Nth(index);
    }

    /// <summary>The text of every bot message posted since the last action, oldest first (no waiting).</summary>
    public async Task<IReadOnlyList<string>> BotTextsSinceLastActionAsync() =>
        (await BotMessages.AllInnerTextsAsync()).Skip(_botMessagesBeforeLastAction).ToList();

    /// <summary>Waits for a bot message since the last action whose text contains <paramref name="textContains"/>.</summary>
    public async Task<ILocator> WaitForTextAsync(string textContains) =>
        await FindAsync(textContains, cardsOnly: false, includeEarlier: false);

    /// <summary>
    /// Waits for a card containing <paramref name="textContains"/> posted since the last action, or anywhere in the
    /// conversation with <paramref name="includeEarlier"/> (for a card updated in place), and makes it <see cref="LastCard"/>.
    /// </summary>
    public async Task<ILocator> WaitForCardAsync(string textContains, bool includeEarlier = false)
    {
        var card = await FindAsync(textContains, cardsOnly: true, includeEarlier);
        LastCard = card;
        return card;
    }

    /// <summary>Presses a card button (Action.Submit / Action.Execute / ShowCard) by its title.</summary>
    public async Task ClickCardButtonAsync(string title, ILocator? card = null)
    {
        var button = CardOrLast(card).GetByRole(AriaRole.Button, new() { Name = title, Exact = true });
        await MarkActionAsync();
        await button.ClickAsync();
    }

    /// <summary>
    /// Types into an Input.Text / Input.Number found by its label (or placeholder). For an Input.Date give the value
    /// as yyyy-MM-dd: the renderer's date picker ignores typing, so the day is picked in its calendar instead.
    /// </summary>
    public async Task FillCardInputAsync(string label, string value, ILocator? card = null)
    {
        var input = await CardInputs.FindAsync(CardOrLast(card), label);
        if (await CardInputs.IsDatePickerAsync(input))
        {
            var date = DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await CardInputs.PickDateAsync(Page, input, date);
            return;
        }

        // Typed key by key like a person: the renderer keeps its own copy of the value and a programmatic fill
        // is lost when the card re-renders (for example after a drop-down choice is picked).
        await input.ClickAsync();
        await Page.Keyboard.PressAsync("ControlOrMeta+A");
        await Page.Keyboard.PressAsync("Delete");
        await input.PressSequentiallyAsync(value);
    }

    /// <summary>Picks a choice of an Input.ChoiceSet (compact drop-down, expanded radio buttons or checkboxes).</summary>
    public async Task SelectCardChoiceAsync(string label, string choice, ILocator? card = null) =>
        await CardInputs.SelectAsync(Page, await CardInputs.FindAsync(CardOrLast(card), label), choice);

    /// <summary>Sets an Input.Toggle found by its label or title.</summary>
    public async Task SetCardToggleAsync(string label, bool on, ILocator? card = null) =>
        await (await CardInputs.FindAsync(CardOrLast(card), label)).SetCheckedAsync(on);

    /// <summary>
    /// The bot's own (server-side) validation message under the field labelled <paramref name="label"/>, or null.
    /// <see cref="ReadValidationMessagesAsync"/> reads the renderer's client-side ones instead.
    /// </summary>
    public async Task<string?> ReadFieldErrorAsync(string label, ILocator? card = null) =>
        await CardInputs.ReadFieldErrorAsync(await CardInputs.FindAsync(CardOrLast(card), label));

    /// <summary>What a text, number or date input shows now (a date as the renderer formats it, e.g. 2026年11月27日).</summary>
    public async Task<string> CardInputValueAsync(string label, ILocator? card = null) =>
        await (await CardInputs.FindAsync(CardOrLast(card), label)).InputValueAsync();

    /// <summary>Whether <paramref name="choice"/> of an expanded choice set (radio buttons / checkboxes) is selected.</summary>
    public async Task<bool> IsCardChoiceSelectedAsync(string label, string choice, ILocator? card = null) =>
        await (await CardInputs.FindAsync(CardOrLast(card), label)).GetByLabel(choice, new() { Exact = true }).IsCheckedAsync();

    /// <summary>What a choice set shows as picked: the drop-down's text, or the label of the checked radio button.</summary>
    public async Task<string> CardChoiceTextAsync(string label, ILocator? card = null) =>
        await (await CardInputs.FindAsync(CardOrLast(card), label)).EvaluateAsync<string>(
            "e => e.getAttribute('role') === 'combobox' ? (e.value || e.textContent || '').trim() " +
            ": ([...e.querySelectorAll('input:checked')].map(i => (i.labels && i.labels[0] ? i.labels[0].textContent : '')).join('、')).trim()");

    /// <summary>Validation messages the card shows under its inputs (after a submit with missing or bad input).</summary>
    public Task<IReadOnlyList<string>> ReadValidationMessagesAsync(ILocator? card = null) =>
        CardInputs.ReadErrorsAsync(CardOrLast(card));

    /// <summary>The visible text of the card, whitespace folded.</summary>
    public async Task<string> CardTextAsync(ILocator? card = null) =>
        Regex.Replace(await CardOrLast(card).InnerTextAsync(), @"\s+", " ").Trim();

    /// <summary>Titles of the buttons on the card, in order.</summary>
    public async Task<IReadOnlyList<string>> CardButtonTitlesAsync(ILocator? card = null) =>
        (await CardOrLast(card).Locator("button[aria-label]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label'))"))
        .ToList();

    private ILocator CardOrLast(ILocator? card) =>
        card ?? LastCard ?? BotMessages.Last.Locator(".ac-adaptiveCard").First;

    private async Task MarkActionAsync()
    {
        _botMessagesBeforeLastAction = await BotMessages.CountAsync();
        SinceLastAction.Restart();
    }

    private async Task<ILocator> FindAsync(string textContains, bool cardsOnly, bool includeEarlier)
    {
        ILocator? found = null;
        await PollAsync(async () =>
        {
            // One round trip for every message's text: a locator per message re-runs the :has() selector over the
            // whole page each time, which grows with the conversation and starves the browser on a small machine.
            var texts = await BotMessages.EvaluateAllAsync<string?[]>(cardsOnly
                ? "ms => ms.map(m => { const c = m.querySelector('.ac-adaptiveCard'); return c ? c.innerText : null; })"
                : "ms => ms.map(m => m.innerText)");
            var first = includeEarlier ? 0 : _botMessagesBeforeLastAction;
            for (var i = texts.Length - 1; i >= first; i--)
            {
                if (texts[i] is { } text && text.Contains(textContains, StringComparison.Ordinal))
                {
                    var message = BotMessages.Nth(i);
                    found = cardsOnly ? message.Locator(".ac-adaptiveCard").First : message;
                    return true;
                }
            }

            return false;
        }, $"a {(cardsOnly ? "card" : "message")} from the bot containing 「{textContains}」");
        return found!;
    }

    private async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > WaitTimeout)
            {
                var shot = await Screenshots.SaveAsync(Page, $"{screenshotPrefix}timeout-{DateTime.Now:HHmmss}");
                throw new TimeoutException($"Waited {WaitTimeout.TotalSeconds:0} s for {what}; screenshot {shot}.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
