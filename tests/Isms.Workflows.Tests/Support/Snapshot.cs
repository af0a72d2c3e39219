using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Isms.Workflows.Tests.Support;

/// <summary>
/// Card snapshots under Snapshots/ (or another folder of the test project). A missing snapshot is written locally
/// (review and commit it); with CI=true it fails instead. Draft ids, nonces, record ids and card versions in action
/// data are random, so they are replaced by placeholders first.
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Directory => Path.Combine(RepoPaths.TestProjectDirectory, "Snapshots");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns a difference description, or null when the card matches its snapshot.</summary>
    public static string? Compare(string name, JsonObject card, string? folder = null)
    {
        var directory = folder is null ? Directory : Path.Combine(RepoPaths.TestProjectDirectory, folder);
        var actual = Normalize(card).ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(directory, name + ".json");
        if (!File.Exists(path))
        {
            if (IsCi)
            {
                return $"snapshot {name}.json is missing (CI=true: snapshots are not written on CI)";
            }

            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return null;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        return expected == actual ? null : $"snapshot {name}.json differs; delete it to accept the new card.\n--- actual ---\n{actual}";
    }

    public static JsonNode Normalize(JsonObject card)
    {
        var copy = card.DeepClone();
        Replace(copy);
        return copy;
    }

    private static void Replace(JsonNode? node, bool inActionData = false)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                // "version" is random only inside action data; the card's own "version" (1.5) stays.
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
}
