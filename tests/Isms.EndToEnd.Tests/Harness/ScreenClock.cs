using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// Round trips as the browser saw them, across pages: the moment of an action on one page and the moment a new bot
/// message containing a text appeared on another, recorded in that page by a MutationObserver, so the test's own
/// polling does not count. All pages run in one Chromium, so their clocks (Date.now()) agree.
/// </summary>
public static class ScreenClock
{
    private const string MessageHeader = "[aria-label=\"Message header\"]";

    private static readonly string WatchScript = $$"""
        text => {
          const seen = (window.__ismsSeen ??= {});
          delete seen[text];
          const count = () => [...document.querySelectorAll('{{MessageHeader}}')]
            .filter(h => h.parentElement.innerText.includes(text)).length;
          const before = count();
          const observer = new MutationObserver(() => {
            if (!(text in seen) && count() > before) { seen[text] = Date.now(); observer.disconnect(); }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    /// <summary>The page's clock, in milliseconds since the epoch.</summary>
    public static Task<double> NowAsync(IPage page) => page.EvaluateAsync<double>("() => Date.now()");

    /// <summary>Starts watching <paramref name="page"/> for one more message containing <paramref name="text"/> than it shows now.</summary>
    public static Task WatchAsync(IPage page, string text) => page.EvaluateAsync(WatchScript, text);

    /// <summary>From <paramref name="start"/> to when the watched message appeared (call once it is on screen).</summary>
    public static async Task<TimeSpan> ElapsedUntilSeenAsync(double start, IPage page, string text)
    {
        var seen = await page.EvaluateAsync<double?>("text => window.__ismsSeen?.[text] ?? null", text)
            ?? throw new InvalidOperationException($"No new message containing 「{text}」 was seen; was it watched before the action?");
        return TimeSpan.FromMilliseconds(seen - start);
    }
}
