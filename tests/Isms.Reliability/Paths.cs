namespace Isms.Reliability;

/// <summary>Where things are: the repository, the built bot, the run folder and the org directory the suite writes.</summary>
public sealed record Paths(string Repo, string BotProject, string BotDll, string Run, string OrgDirectory)
{
    /// <summary>Staff the suite adds to the shipped sample directory, all in 警防課 (their 管理者 is 佐藤 花子).</summary>
    public const int SuitePeople = 200;

    public static Paths Create()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "Isms.Bot.sln")))
        {
            repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("Run the suite from inside the repository.");
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var project = Path.Combine(repo, "bot", "Isms.Bot");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Isms.Bot.dll");
        var run = Path.Combine(Path.GetTempPath(), "isms-reliability", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(run);
        var org = Path.Combine(run, "org-directory.yaml");
        var sample = File.ReadAllText(Path.Combine(repo, "bot", "Isms.Workflows", "data", "org-directory.sample.yaml"));
        var marker = "\npeople:\n";
        var at = sample.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var extra = string.Concat(Enumerable.Range(1, SuitePeople).Select(i =>
            $"  - {{ id: R{i:D4}, name: 試験 職員{i:D3}, department: 警防課, title: 主事, aadObjectId: {AadOf(i)} }}\n"));
        File.WriteAllText(org, sample[..at] + extra + sample[at..]);
        return new Paths(repo, project, dll, run, org);
    }

    public static string AadOf(int person) => $"00000000-0000-4000-9000-{person:D12}";

    public string NewDataDirectory(string name)
    {
        var directory = Path.Combine(Run, name);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
