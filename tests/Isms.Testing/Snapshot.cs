using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Isms.Testing;

/// <summary>
/// Snapshot tests for card JSON: compares pretty-printed JSON with <c>&lt;folder&gt;/&lt;name&gt;.json</c> in the source
/// folder of the calling test project (folder <c>Snapshots</c> unless given). Draft ids, nonces and record ids, and the
/// card versions in action data, are random, so they are replaced by placeholders (<c>"&lt;draft&gt;"</c>) first.
/// A missing snapshot (or UPDATE_SNAPSHOTS=1) is written and the test fails so the file gets reviewed and committed;
/// on CI (CI=true) nothing is written and a missing snapshot simply fails.
/// </summary>
public static partial class Snapshot
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Japanese readable in the files
    };

    /// <summary>Compares <paramref name="json"/> with the snapshot <paramref name="name"/> (e.g. "cards/approval-pending").</summary>
    public static void Match(string name, string json, string folder = "Snapshots", [CallerFilePath] string callerFile = "") =>
        Match(name, JsonNode.Parse(json), folder, callerFile);

    /// <inheritdoc cref="Match(string, string, string, string)"/>
    public static void Match(string name, JsonNode? json, string folder = "Snapshots", [CallerFilePath] string callerFile = "") =>
        Match(Path.Combine(RepoPaths.ProjectDirectoryOf(callerFile), folder), name, Normalize(Scrub(json)), ReadMode());

    /// <summary>Indented with two spaces, "\n" line endings, unescaped non-ASCII text, final newline.
    /// Property order is kept: it is the order the card is written in.</summary>
    public static string Normalize(string json) => Normalize(JsonNode.Parse(json));

    /// <inheritdoc cref="Normalize(string)"/>
    public static string Normalize(JsonNode? json) => (json?.ToJsonString(Pretty) ?? "null") + "\n";

    /// <summary>A copy with the random values replaced by placeholders: draft, nonce, recordId and record anywhere, and
    /// version inside action data (the card's own "version" stays).</summary>
    private static JsonNode? Scrub(JsonNode? json)
    {
        var copy = json?.DeepClone();
        Replace(copy, inActionData: false);
        return copy;
    }

    /// <summary>The comparison itself, with the directory and environment made explicit for testing.</summary>
    internal static void Match(string directory, string name, string normalized, SnapshotMode mode)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"Snapshot name '{name}' may only use letters, digits, '.', '_', '-' and '/'", nameof(name));
        }
        var path = Path.Combine(directory, name + ".json");
        var relative = Path.GetRelativePath(RepoPaths.RepoRoot, path);
        var exists = File.Exists(path);

        if (mode.Ci)
        {
            if (!exists)
            {
                Assert.Fail($"Snapshot {relative} is missing. Run the test locally, review the written file and commit it.");
            }
        }
        else if (!exists || mode.Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            Assert.Fail($"Snapshot {relative} was {(exists ? "updated" : "created")}. Review it, commit it and run the test again.");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected != normalized)
        {
            Assert.Fail($"Card JSON differs from snapshot {relative}.\n{FirstDifference(expected, normalized)}\n"
                + "If the change is intended, run the tests with UPDATE_SNAPSHOTS=1 and commit the snapshot.");
        }
    }

    internal static SnapshotMode ReadMode() => new(
        Update: Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1",
        Ci: string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase));

    private static void Replace(JsonNode? node, bool inActionData)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                if ((name is "draft" or "nonce" or "recordId" or "record" || (inActionData && name == "version")) && obj[name] is JsonValue)
                {
                    obj[name] = $"<{name}>";
                }
                else
                {
                    Replace(obj[name], inActionData || name == "data");
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Replace(child, inActionData);
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  snapshot: {left}\n  actual:   {right}";
            }
        }
        return "";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")]
    private static partial Regex ValidName();
}

/// <summary>How <see cref="Snapshot"/> treats missing or changed snapshots.</summary>
internal readonly record struct SnapshotMode(bool Update, bool Ci);
