namespace Isms.Testing;

/// <summary>Where the tests find the repository: the folder holding Isms.Bot.sln, above the test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The directory holding Isms.Bot.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>tests/tools: the Node scripts and their node_modules (restored by tests/setup.sh).</summary>
    public static string ToolsDirectory => Path.Combine(RepoRoot, "tests", "tools");

    /// <summary>The source folder of the test project that holds <paramref name="sourceFile"/> (the nearest folder above it with a .csproj).</summary>
    public static string ProjectDirectoryOf(string sourceFile)
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No project folder above {sourceFile}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isms.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Isms.Bot.sln not found above {AppContext.BaseDirectory}");
    }
}
