using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>A screen the gallery renders cards at.</summary>
public sealed record GallerySize(string Name, int Width, int Height)
{
    /// <summary>A laptop: the Playground's chat pane is about 480 px wide and shows 484 px of messages.</summary>
    public static readonly GallerySize Laptop = new("1366x625", 1366, 625);

    /// <summary>A phone held upright (iPhone 12–15 viewport).</summary>
    public static readonly GallerySize Phone = new("390x844", 390, 844);

    public bool IsPhone => Width < 600;
}

/// <summary>
/// One card kind of the gallery: what <paramref name="As"/> (the main chat's person when null) sends, and a text the
/// card contains, to find it by. <paramref name="Budgeted"/>: it must fit one screen at 1366×625.
/// </summary>
/// <paramref name="CancelAfter"/>: a form's card, cancelled once measured so no draft is left open for the next card.
public sealed record GalleryCard(string Name, string Message, string Contains, TestUser? As = null, bool Budgeted = false, bool CancelAfter = false);

/// <summary>How tall a card rendered, and how much room the chat pane had for it.</summary>
/// <param name="Available">The chat pane's visible height minus what sits below the card's bottom edge when the chat is
/// scrolled to its end (the pane's padding and the message frame): the tallest card seen whole when it arrives.</param>
public sealed record CardMeasurement(string Card, GallerySize Size, double Width, double Height, double Available, string Screenshot)
{
    public bool Fits => Height <= Available;

    public double Screens => Height / Available;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Card,-20} {Size.Name,-8} card {Width:0}×{Height:0} px, room {Available:0} px ({Screens:0.00} screens){(Fits ? "" : " TOO TALL")}");
}

/// <summary>
/// The card gallery: makes the bot show a card in the Agents Playground, renders it at 1366×625 and on a 390 px-wide
/// phone, saves what the screen shows and the whole card to <c>artifacts/screenshots/gallery/&lt;card&gt;-&lt;size&gt;.png</c>
/// (and <c>-full.png</c>), and measures it. A new card kind is one line in <see cref="Cards"/>.
/// <para>The Playground is a desktop page: below 600 px its chat column keeps a desktop minimum width and cards keep
/// their desktop 446 px. For the phone the helper lets the card's containers shrink to the viewport and hides the bot's
/// avatar beside the card, as Teams mobile lays a card out across the screen; the card then reflows at the phone's
/// width. Everything is put back afterwards.</para>
/// </summary>
public sealed class CardGallery(PlaygroundSession session)
{
    /// <summary>Every card kind of the gallery, one line each.</summary>
    public static readonly IReadOnlyList<GalleryCard> Cards =
    [
        new("answer-takeout", "USBで資料を持ち出してもいい？", "役に立った", Budgeted: true),
        new("answer-own-device", "在宅勤務で個人のパソコンを使ってもいいですか", "役に立った", Budgeted: true),
        new("answer-who", "CISOって誰？", "役に立った", Budgeted: true),
        // A question that may tell of a virus: the red first response leads the answer, with the report one tap away; the
        // answer is 6.4(3)⑦ itself, quoted once under the notice.
        new("answer-first-response", "パソコンの画面に急に警告が出て、サポートに電話しろって言われてるんだけど、電話しても大丈夫？", "【至急】", Budgeted: true),
        new("out-of-scope", "有給休暇は何日とれる？", "対策基準には該当する規定がありません", Budgeted: true),
        new("help-staff", "ヘルプ", "情報セキュリティ相談ボット", Budgeted: true),
        new("help-chief", "ヘルプ", "情報セキュリティ相談ボット", SampleOrg.Takahashi, Budgeted: true),
        new("clause-typed", "条項 5.1(1)③", "5.1(1)③"),
        new("cloud-register", "クラウド台帳", "クラウド"),
        // The first card of a form started by its command, cancelled once measured; in a chat the gallery opens anyway.
        new("form-takeout", "持ち出し申請", "持ち出し申請（1/", SampleOrg.Takahashi, Budgeted: true, CancelAfter: true),
        new("form-incident", "インシデント報告", "インシデント報告（1/", SampleOrg.Takahashi, Budgeted: true, CancelAfter: true),
        new("form-cloud", "クラウド利用申請", "クラウド利用申請（1/", SampleOrg.Takahashi, Budgeted: true, CancelAfter: true),
    ];

    public static GalleryCard Find(string name) => Cards.Single(c => c.Name == name);

    public static string Directory => Path.Combine(RepoPaths.ArtifactScreenshotsDirectory, "gallery");

    /// <summary>Makes the bot show <paramref name="card"/> and measures it at each of <paramref name="sizes"/>
    /// (both by default). The page returns to its usual size afterwards.</summary>
    public async Task<IReadOnlyList<CardMeasurement>> ShowAsync(GalleryCard card, params GallerySize[] sizes)
    {
        var chat = card.As is null || card.As == session.CurrentUser ? session.Chat : await session.OpenSecondChatAsync(card.As);
        await chat.OpenChatAsync();
        await chat.SendAsync(card.Message);
        await chat.WaitForCardAsync(card.Contains);
        await chat.WaitForQuietAsync();
        var found = await chat.WaitForCardAsync(card.Contains, includeEarlier: true);

        var page = chat.Page;
        var usual = page.ViewportSize;
        var measurements = new List<CardMeasurement>();
        try
        {
            foreach (var size in sizes.Length > 0 ? sizes : [GallerySize.Laptop, GallerySize.Phone])
            {
                measurements.Add(await MeasureAsync(page, found, card, size));
            }
        }
        finally
        {
            await page.EvaluateAsync(RestoreScript);
            if (usual is not null)
            {
                await page.SetViewportSizeAsync(usual.Width, usual.Height);
            }
        }

        if (card.CancelAfter)
        {
            await chat.ClickCardButtonAsync("キャンセル", found);
            await chat.WaitForTextAsync("入力を取り消しました");
        }

        Record(measurements);
        return measurements;
    }

    private static async Task<CardMeasurement> MeasureAsync(IPage page, ILocator card, GalleryCard kind, GallerySize size)
    {
        var name = kind.Name;
        await page.SetViewportSizeAsync(size.Width, size.Height);
        var handle = await card.ElementHandleAsync();
        var json = await handle.EvaluateAsync<JsonElement>(LayoutScript, new { phone = size.IsPhone, sent = kind.Message });
        var path = Path.Combine(Directory, $"{name}-{size.Name}.png");
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        var measurement = new CardMeasurement(name, size, json.GetProperty("width").GetDouble(), json.GetProperty("height").GetDouble(),
            json.GetProperty("available").GetDouble(), path);

        // The whole card: a taller page of the same width lays the card out the same and holds all of it.
        await page.SetViewportSizeAsync(size.Width, Math.Max(size.Height, (int)measurement.Height + 300));
        await card.ScrollIntoViewIfNeededAsync();
        await card.ScreenshotAsync(new() { Path = Path.Combine(Directory, $"{name}-{size.Name}-full.png"), Animations = ScreenshotAnimations.Disabled });
        return measurement;
    }

    private static void Record(IEnumerable<CardMeasurement> measurements)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.AppendAllLines(Path.Combine(Directory, "heights.txt"), measurements.Select(m => $"{DateTime.Now:s} {m}"));
    }

    /// <summary>
    /// Run on the card element: for a phone, lets its containers shrink to the viewport (remembering their styles);
    /// then scrolls the chat to its end, as the client does when a message arrives, and returns the card's size and the
    /// room the pane has for it: its visible height minus everything below the card's bottom edge (the message frame,
    /// the pane's padding, and any later message, which only makes the room smaller), measured as if the conversation
    /// were long enough to scroll. The person's own message that made the card sits before it in Teams; the Playground
    /// now and then lists it after the reply (same minute), so a later copy of it is hidden while measuring.
    /// </summary>
    private const string LayoutScript = """
        async (card, { phone, sent }) => {
          const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          await frames();
          const chain = [];
          for (let e = card; e && e !== document.body; e = e.parentElement) chain.push(e);
          window.__galleryRestore = window.__galleryRestore || [];
          const keep = e => window.__galleryRestore.push([e, e.getAttribute('style')]);
          for (const e of chain) {
            for (let s = e.nextElementSibling; s; s = s.nextElementSibling) {
              if (!s.querySelector('.ac-adaptiveCard') && s.textContent.trim().includes(sent) && s.textContent.trim().length < sent.length + 40) {
                keep(s); s.style.display = 'none';
              }
            }
          }
          if (phone) {
            for (const e of chain) {
              keep(e);
              e.style.minWidth = '0px'; e.style.maxWidth = '100%'; e.style.marginRight = '0px';
              if (e.getBoundingClientRect().width > window.innerWidth) e.style.width = 'auto';
            }
            const frame = card.closest('.fai-OutputCard');
            for (const sibling of frame && frame.parentElement ? frame.parentElement.children : []) {
              if (sibling !== frame) { keep(sibling); sibling.style.display = 'none'; }
            }
            await frames();
          }
          const pane = chain.find(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.clientHeight > 100);
          const rect = () => card.getBoundingClientRect();
          // A short conversation leaves empty space under the card, which is no part of what sits below it: a spacer
          // above the messages makes the pane scroll, as it does once a conversation is long.
          const spacer = document.createElement('div');
          spacer.style.height = (2 * pane.clientHeight) + 'px';
          pane.insertBefore(spacer, pane.firstChild);
          try {
            pane.scrollTop = pane.scrollHeight;
            await frames();
            const below = pane.scrollHeight - (rect().bottom - pane.getBoundingClientRect().top + pane.scrollTop);
            const r = rect();
            return { width: r.width, height: r.height, available: pane.clientHeight - below };
          } finally {
            spacer.remove();
          }
        }
        """;

    private const string RestoreScript = """
        () => {
          for (const [e, style] of (window.__galleryRestore || []).reverse()) {
            if (style === null) e.removeAttribute('style'); else e.setAttribute('style', style);
          }
          window.__galleryRestore = [];
        }
        """;
}
