using System.IO.Compression;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Support;

namespace Isms.Bot.Tests.Manifest;

public sealed class ManifestFacts : IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Placeholder = "${{BOT_APP_ID}}";

    private static readonly string[] Commands =
    [
        "ヘルプ", "申請状況", "誤送信報告", "持ち出し申請", "Web会議申請",
        "クラウド利用申請", "インシデント報告", "クラウド台帳", "返却", "研修状況",
    ];

    private readonly string _temp = Directory.CreateTempSubdirectory("isms-manifest-").FullName;

    private static string ManifestDir => Path.Combine(RepoPaths.RepoRoot, "manifest");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static JsonObject Template() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.template.json")).Replace(Placeholder, AppId, StringComparison.Ordinal))!
            .AsObject();

    private ProcessResult ValidateManifest(JsonNode manifest)
    {
        var path = Path.Combine(_temp, "manifest.json");
        File.WriteAllText(path, manifest.ToJsonString());
        return NodeTools.RunScript("validate-manifest.mjs", [path]);
    }

    [Fact]
    public void Template_WithAppIdFilledIn_IsValidAgainstItsOfficialSchema()
    {
        var run = ValidateManifest(Template());

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Template_UsesSchema124OrLater_AndThePlaceholderForBothIds()
    {
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestDir, "manifest.template.json")))!;

        Assert.True(Version.Parse(raw["manifestVersion"]!.GetValue<string>()) >= new Version(1, 24));
        Assert.Contains($"/v{raw["manifestVersion"]}/", raw["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Placeholder, raw["id"]!.GetValue<string>());
        Assert.Equal(Placeholder, raw["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("ja-jp", raw["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_HasAJapaneseCommandListForEachScope()
    {
        var bot = Template()["bots"]![0]!;
        var scopes = bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

        Assert.Equal(["personal", "team", "groupChat"], scopes);
        Assert.False(bot["supportsFiles"]!.GetValue<bool>());
        Assert.False(bot["isNotificationOnly"]!.GetValue<bool>());
        foreach (var scope in scopes)
        {
            var list = bot["commandLists"]!.AsArray().Single(l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == scope))!;
            var commands = list["commands"]!.AsArray();
            Assert.Equal(Commands, commands.Select(c => c!["title"]!.GetValue<string>()));
            Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(c!["description"]?.GetValue<string>())));
        }
    }

    [Theory]
    [InlineData("bad bot id")]
    [InlineData("missing name")]
    [InlineData("too many commands")]
    [InlineData("unknown property")]
    public void Validator_RejectsABrokenManifest(string breakage)
    {
        var manifest = Template();
        var bot = manifest["bots"]![0]!.AsObject();
        switch (breakage)
        {
            case "bad bot id": bot["botId"] = "not-a-guid"; break;
            case "missing name": manifest.Remove("name"); break;
            case "too many commands":
                var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
                for (var i = 0; i < 3; i++) commands.Add(new JsonObject { ["title"] = $"追加{i}", ["description"] = "説明" });
                break;
            case "unknown property": manifest["botName"] = "x"; break;
        }

        var run = ValidateManifest(manifest);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void ColorIcon_Is192By192()
    {
        var header = Png.ReadHeader(File.ReadAllBytes(Path.Combine(ManifestDir, "color.png")));

        Assert.Equal((192, 192), (header.Width, header.Height));
    }

    [Fact]
    public void OutlineIcon_Is32By32_WhiteOnTransparent()
    {
        var png = File.ReadAllBytes(Path.Combine(ManifestDir, "outline.png"));
        var header = Png.ReadHeader(png);
        var pixels = Png.ReadRgba(png).Chunk(4).ToList();

        Assert.Equal((32, 32), (header.Width, header.Height));
        Assert.True(header.HasAlphaChannel);
        Assert.Equal(0, pixels[0][3]); // top-left corner is background
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
        Assert.All(pixels.Where(p => p[3] > 0), p => Assert.Equal(new byte[] { 255, 255, 255 }, p[..3]));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    public void PackageScript_RejectsAnAppIdThatIsNotAGuid(string appId)
    {
        var run = RunPackage(appId);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("GUID", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp, "isms-bot.zip")));
    }

    [Fact]
    public void PackageScript_ZipsManifestAndIconsFlat_WithTheAppIdFilledIn()
    {
        var run = RunPackage(AppId.ToUpperInvariant());

        Assert.True(run.ExitCode == 0, run.ToString());
        using var zip = ZipFile.OpenRead(Path.Combine(_temp, "isms-bot.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
    }

    private ProcessResult RunPackage(string appId) => NodeTools.RunProcess(
        "bash",
        [Path.Combine(ManifestDir, "package.sh"), appId],
        environment: new Dictionary<string, string?> { ["MANIFEST_OUT_DIR"] = _temp, ["BOT_APP_ID"] = null });
}
