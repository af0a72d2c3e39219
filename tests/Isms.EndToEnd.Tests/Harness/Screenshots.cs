using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>PNG screenshots saved under the test output (bin/.../screenshots) and copied to artifacts/screenshots.</summary>
public static class Screenshots
{
    /// <summary>Saves the page as <c>name.png</c> and returns the repository-level copy's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var fileName = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? name : name + ".png";
        Directory.CreateDirectory(RepoPaths.OutputScreenshotsDirectory);
        Directory.CreateDirectory(RepoPaths.ArtifactScreenshotsDirectory);
        var outputPath = Path.Combine(RepoPaths.OutputScreenshotsDirectory, fileName);
        await page.ScreenshotAsync(new() { Path = outputPath, Animations = ScreenshotAnimations.Disabled });
        var artifactPath = Path.Combine(RepoPaths.ArtifactScreenshotsDirectory, fileName);
        File.Copy(outputPath, artifactPath, overwrite: true);
        return artifactPath;
    }
}
