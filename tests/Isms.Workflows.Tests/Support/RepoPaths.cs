using System.Runtime.CompilerServices;

namespace Isms.Workflows.Tests.Support;

public static class RepoPaths
{
    /// <summary>tests/Isms.Workflows.Tests in the source tree (not bin/), where snapshots are kept.</summary>
    public static string TestProjectDirectory { get; } = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(TestProjectDirectory, "..", ".."));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
