using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// Debian's Chromium, headless, through Microsoft.Playwright's bundled driver (no browser download). Every request
/// that does not go to this machine is aborted (the Playground's page asks a CDN for fonts and an animation script);
/// page errors and aborted requests go to <c>browser.log</c>. Each page has its own context (no shared cookies or
/// storage), so pages of two Playgrounds acting as two people can be open side by side.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--lang=ja-JP",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _logPath;
    private readonly Lock _logGate = new();
    private readonly List<IBrowserContext> _contexts = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, string logPath)
    {
        _playwright = playwright;
        _browser = browser;
        _logPath = logPath;
    }

    public static async Task<BrowserSession> LaunchAsync(string runDirectory)
    {
        if (!File.Exists(RepoPaths.ChromiumExecutable))
        {
            throw new FileNotFoundException("Chromium is not installed: apt-get install -y chromium fonts-noto-cjk", RepoPaths.ChromiumExecutable);
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = RepoPaths.ChromiumExecutable,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
            return new BrowserSession(playwright, browser, Path.Combine(runDirectory, "browser.log"));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="address"/> in a fresh context and waits until the message box shows.</summary>
    public async Task<IPage> OpenPageAsync(Uri address)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 960 },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        _contexts.Add(context);
        context.SetDefaultTimeout((float)ChatPage.WaitTimeout.TotalMilliseconds);
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "localhost" or "127.0.0.1" or "[::1]")
            {
                await route.ContinueAsync();
            }
            else
            {
                Log($"aborted {route.Request.Method} {route.Request.Url}");
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Log($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"console {message.Type}: {message.Text}");
            }
        };
        await page.GotoAsync(address.ToString());
        await WaitUntilReadyAsync(page);
        return page;
    }

    /// <summary>Loads the page again (the Playground then sends the install and conversationUpdate activities again).</summary>
    public static async Task ReloadPageAsync(IPage page)
    {
        await page.ReloadAsync();
        await WaitUntilReadyAsync(page);
    }

    public async Task ClosePageAsync(IPage page)
    {
        if (_contexts.Remove(page.Context))
        {
            await page.Context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var context in _contexts)
            {
                await context.CloseAsync();
            }

            _contexts.Clear();
            await _browser.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
        }
    }

    private static Task WaitUntilReadyAsync(IPage page) =>
        page.Locator("[data-lexical-editor=\"true\"]").WaitForAsync(new() { State = WaitForSelectorState.Visible });

    private void Log(string line)
    {
        lock (_logGate)
        {
            File.AppendAllText(_logPath, $"{DateTime.Now:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }
}
