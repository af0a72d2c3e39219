using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// Finding and working Adaptive Card inputs as the Playground's (Fluent UI) renderer draws them: an input's label is
/// a <c>&lt;label for=…&gt;</c> holding the label text (plus " *" when required); without a label the input carries
/// its placeholder or title as <c>aria-label</c>. Compact choice sets are comboboxes whose options open in a popup
/// outside the card; expanded ones are radio groups or checkbox lists.
/// </summary>
internal static class CardInputs
{
    /// <summary>
    /// The input control labelled <paramref name="label"/>, as a locator that finds it afresh on every use: the
    /// Playground re-renders cards (new element ids each time), so nothing found earlier may be kept.
    /// </summary>
    public static async Task<ILocator> FindAsync(ILocator card, string label)
    {
        var labelPattern = new Regex($@"^\s*{Regex.Escape(label)}\s*\*?\s*$");
        var wrapper = card.Locator("div:has(> label[for])")
            .Filter(new() { Has = card.Page.Locator("label[for]", new() { HasTextRegex = labelPattern }) });
        if (await wrapper.CountAsync() > 0)
        {
            return wrapper.Last.Locator(".ac-input-container [id^=\"__ac-\"]").First;
        }

        var byAriaLabel = card.Locator($"input[aria-label=\"{label}\"], textarea[aria-label=\"{label}\"]");
        if (await byAriaLabel.CountAsync() > 0)
        {
            return byAriaLabel.First;
        }

        throw new InvalidOperationException($"The card has no input labelled 「{label}」.");
    }

    public static async Task SelectAsync(IPage page, ILocator input, string choice)
    {
        var role = await input.GetAttributeAsync("role");
        if (role == "combobox")
        {
            await input.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = choice, Exact = true }).ClickAsync();
            return;
        }

        // Expanded: radio buttons (single) or checkboxes (multi-select), each with its own label.
        await input.GetByLabel(choice, new() { Exact = true }).CheckAsync();
    }

    /// <summary>
    /// Whether <paramref name="input"/> is an Input.Date as this renderer draws it: a Fluent DatePicker, a read-only
    /// combobox that ignores typed text and opens a calendar dialog.
    /// </summary>
    public static async Task<bool> IsDatePickerAsync(ILocator input) =>
        await input.GetAttributeAsync("aria-haspopup") == "dialog";

    /// <summary>
    /// Picks <paramref name="date"/> in the DatePicker's calendar (English labels such as "26, November, 2026"),
    /// moving month by month from the one shown, and waits for the calendar to close.
    /// </summary>
    public static async Task PickDateAsync(IPage page, ILocator input, DateOnly date)
    {
        var english = CultureInfo.GetCultureInfo("en-US");
        await input.ClickAsync();
        var calendar = page.Locator("[role=\"dialog\"][aria-label=\"Calendar\"]").Last;
        await calendar.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var target = new DateOnly(date.Year, date.Month, 1);
        for (var moves = 0; ; moves++)
        {
            var shownLabel = await calendar.Locator("table[role=\"grid\"]").First.GetAttributeAsync("aria-label") ?? "";
            var shown = DateOnly.ParseExact(shownLabel.Split(',')[0].Trim(), "MMMM yyyy", english);
            if (shown == target)
            {
                break;
            }

            if (moves > 24)
            {
                throw new InvalidOperationException($"The calendar did not reach {date:yyyy-MM} (it shows {shownLabel}).");
            }

            var direction = shown < target ? "Next month" : "Previous month";
            await calendar.Locator($"button[title^=\"{direction}\"]").ClickAsync();
            // The grid's label names the month shown; wait (bounded) until it changes before looking again.
            var grid = calendar.Locator("table[role=\"grid\"]").First;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await grid.GetAttributeAsync("aria-label") == shownLabel && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(25);
            }
        }

        var dayLabel = string.Create(english, $"{date.Day}, {date.ToString("MMMM", english)}, {date.Year}");
        await calendar.Locator($"tr:not([aria-hidden=\"true\"]) button[aria-label=\"{dayLabel}\"]").ClickAsync();
        await calendar.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    /// <summary>
    /// The message the bot put under a field (a TextBlock in the Attention colour right after the input, as the
    /// server-side validation draws it), or null when the field has none.
    /// </summary>
    public static async Task<string?> ReadFieldErrorAsync(ILocator input)
    {
        var next = input.Locator("xpath=ancestor::div[label[@for]][1]/following-sibling::*[1][contains(concat(' ', @class, ' '), ' ac-textBlock ')]");
        if (await next.CountAsync() == 0)
        {
            return null;
        }

        // Red (Attention) rather than the grey help text: red clearly dominates.
        var isRed = await next.First.EvaluateAsync<bool>(
            "e => { const m = getComputedStyle(e).color.match(/\\d+/g).map(Number); return m[0] > m[1] + 60 && m[0] > m[2] + 60; }");
        return isRed ? (await next.First.InnerTextAsync()).Trim() : null;
    }

    public static async Task<IReadOnlyList<string>> ReadErrorsAsync(ILocator card)
    {
        var texts = await card.Locator(".ac-input-container ~ .ac-textBlock").AllInnerTextsAsync();
        return texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
    }
}
