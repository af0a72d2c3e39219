using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Isms.Workflows.Tests.Support;

/// <summary>
/// Card snapshots under Snapshots/. A missing snapshot is written locally (review and commit it); with CI=true it
/// fails instead. Draft ids and nonces are random, so they are replaced by placeholders first.
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
    public static string? Compare(string name, JsonObject card)
    {
        var actual = Normalize(card).ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path))
        {
            if (IsCi)
            {
                return $"snapshot {name}.json is missing (CI=true: snapshots are not written on CI)";
            }

            System.IO.Directory.CreateDirectory(Directory);
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

    private static void Replace(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                if (name is "draft" or "nonce" && obj[name] is JsonValue)
                {
                    obj[name] = $"<{name}>";
                }
                else
                {
                    Replace(obj[name]);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Replace(child);
            }
        }
    }
}
