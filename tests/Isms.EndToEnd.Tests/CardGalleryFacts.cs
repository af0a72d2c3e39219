using Isms.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// The card gallery (<see cref="CardGallery"/>): every card kind rendered in the Playground at 1366×625 and on a 390 px
/// phone, screenshots in artifacts/screenshots/gallery and heights in its heights.txt. The cards staff meet first (an
/// answer to a typical question, help, the not-covered answer) must fit one screen at 1366×625: no taller than the
/// chat pane's visible height less what sits under a new message (484 − 26 = 458 px with Playground 0.2.28), so the
/// whole card is on screen when it arrives without scrolling back.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CardGalleryFacts(PlaygroundSession session, ITestOutputHelper output) : EndToEndFacts(session)
{
    public static TheoryData<string> Budgeted => [.. CardGallery.Cards.Where(c => c.Budgeted).Select(c => c.Name)];

    public static TheoryData<string> Others => [.. CardGallery.Cards.Where(c => !c.Budgeted).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Budgeted))]
    public async Task TheCard_FitsOneScreenAt1366x625(string name)
    {
        var measurements = await new CardGallery(Session).ShowAsync(CardGallery.Find(name));

        Report(measurements);
        var laptop = measurements.Single(m => m.Size == GallerySize.Laptop);
        Assert.True(laptop.Available > 300, $"the chat pane shows only {laptop.Available:0} px: is the page laid out at 1366×625?");
        Assert.True(laptop.Fits, $"{laptop}: see {laptop.Screenshot}");
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task TheCard_IsRenderedAtBothSizes(string name)
    {
        var measurements = await new CardGallery(Session).ShowAsync(CardGallery.Find(name));

        Report(measurements);
        Assert.All(measurements, m => Assert.True(m.Height > 20 && m.Width > 200 && File.Exists(m.Screenshot), m.ToString()));
        // At the phone's width the card reflows narrower than on the laptop.
        Assert.True(measurements.Single(m => m.Size == GallerySize.Phone).Width < measurements.Single(m => m.Size == GallerySize.Laptop).Width);
    }

    private void Report(IEnumerable<CardMeasurement> measurements)
    {
        foreach (var measurement in measurements)
        {
            output.WriteLine(measurement.ToString());
            Timings.Record(Session, $"card height: {measurement}");
        }
    }
}
