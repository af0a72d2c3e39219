
namespace Isms.Bot.Tests.Manifest;

public sealed class SnapshotFacts : IDisposable
{
    private const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"承認待ち <b>"}]}""";

    private static readonly SnapshotMode Local = new(Update: false, Ci: false);

    private readonly string _dir = Directory.CreateTempSubdirectory("isms-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FilePath(string name) => Path.Combine(_dir, name + ".json");

    [Fact]
    public void Normalize_IndentsKeepsJapaneseAndEndsWithNewline()
    {
        var text = Snapshot.Normalize(Card);

        Assert.StartsWith("{\n  \"type\": \"AdaptiveCard\",\n", text, StringComparison.Ordinal);
        Assert.Contains("承認待ち <b>", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_WritesAMissingSnapshot_AndFails()
    {
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(
            () => Snapshot.Match(_dir, "cards/new", Snapshot.Normalize(Card), Local));

        Assert.Contains("created", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Snapshot.Normalize(Card), File.ReadAllText(FilePath("cards/new")));
    }

    [Fact]
    public void Match_Passes_WhenOnlyFormattingDiffers()
    {
        File.WriteAllText(FilePath("same"), Card.Replace("\n", "\r\n", StringComparison.Ordinal));

        Snapshot.Match(_dir, "same", Snapshot.Normalize(Card), Local);
    }

    [Fact]
    public void Match_Fails_WhenTheCardChanged_AndLeavesTheSnapshotAlone()
    {
        File.WriteAllText(FilePath("changed"), Snapshot.Normalize(Card));
        var changed = Snapshot.Normalize(Card.Replace("承認待ち", "承認済み", StringComparison.Ordinal));

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Snapshot.Match(_dir, "changed", changed, Local));

        Assert.Contains("UPDATE_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("承認済み", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Snapshot.Normalize(Card), File.ReadAllText(FilePath("changed")));
    }

    [Fact]
    public void Match_OnCi_FailsForAMissingSnapshot_WithoutWritingIt()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(
            () => Snapshot.Match(_dir, "missing", Snapshot.Normalize(Card), new SnapshotMode(Update: false, Ci: true)));

        Assert.False(File.Exists(FilePath("missing")));
    }

    [Fact]
    public void Match_WithUpdate_RewritesTheSnapshot_AndFails()
    {
        File.WriteAllText(FilePath("old"), "{}");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(
            () => Snapshot.Match(_dir, "old", Snapshot.Normalize(Card), new SnapshotMode(Update: true, Ci: false)));

        Assert.Equal(Snapshot.Normalize(Card), File.ReadAllText(FilePath("old")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/abs")]
    [InlineData("a b")]
    public void Match_RejectsUnsafeNames(string name) =>
        Assert.Throws<ArgumentException>(() => Snapshot.Match(_dir, name, "{}\n", Local));
}
