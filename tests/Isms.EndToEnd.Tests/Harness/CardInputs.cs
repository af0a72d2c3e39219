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

    public static async Task<IReadOnlyList<string>> ReadErrorsAsync(ILocator card)
    {
        var texts = await card.Locator(".ac-input-container ~ .ac-textBlock").AllInnerTextsAsync();
        return texts.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
    }
}
