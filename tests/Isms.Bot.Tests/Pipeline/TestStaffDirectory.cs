using System.Text;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>
/// The org directory the test hosts load: the shipped sample (the people of the approval tests) plus a pool of staff in
/// 消防本部 総務課 with no roles, handed out one per test so that tests keep apart. Only people in the directory may
/// file forms; someone the directory does not know is a stranger.
/// </summary>
public static class TestStaffDirectory
{
    /// <summary>The 所属 of the pool: no one holds a role there, so their records route as before (a vacant post).</summary>
    public const string Department = "消防本部 総務課";

    public const int PoolSize = 2000;

    private static int _next;

    /// <summary>A pool member no other test uses (within <see cref="PoolSize"/> calls).</summary>
    public static TeamsUser NewMember(string name)
    {
        var n = (Interlocked.Increment(ref _next) % PoolSize) + 1;
        return new TeamsUser($"29:staff-{n:D4}-{Guid.NewGuid():N}"[..24], name, AadObjectId(n));
    }

    /// <summary>The name the directory gives a pool member. The activity's display name (what the test passed to
    /// <see cref="NewMember"/>) differs on purpose: the bot must take the directory's.</summary>
    public static string DirectoryName(TeamsUser member) =>
        $"試験 職員{int.Parse(member.AadObjectId[^12..], System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Someone with a Teams account whom the directory does not list.</summary>
    public static TeamsUser NewStranger(string name)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new TeamsUser($"29:{id}", name, $"aad-{id}");
    }

    /// <summary>Writes the directory into <paramref name="dataDirectory"/> (once) and returns its path.</summary>
    public static string WriteInto(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "org-directory.test.yaml");
        if (File.Exists(path))
        {
            return path;
        }

        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "org-directory.sample.yaml"));
        var departments = sample.IndexOf("departments:\n", StringComparison.Ordinal) + "departments:\n".Length;
        sample = sample.Insert(departments, $"  - {{ name: {Department}, group: 消防本部 }}\n");
        var pool = new StringBuilder();
        for (var n = 1; n <= PoolSize; n++)
        {
            pool.Append($"  - {{ id: T{n:D4}, name: 試験 職員{n}, department: {Department}, title: 主事, aadObjectId: {AadObjectId(n)} }}\n");
        }

        var deputies = sample.IndexOf("\ndeputies:", StringComparison.Ordinal);
        File.WriteAllText(path, sample.Insert(deputies + 1, pool.Append('\n').ToString()));
        return path;
    }

    private static string AadObjectId(int n) => $"00000000-0000-4000-9000-{n:D12}";
}
