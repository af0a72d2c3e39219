using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>
/// Approval card snapshots, kept in Approvals/Snapshots with the same rules as <see cref="Snapshot"/> (written when
/// missing, except with CI=true). Record ids and card versions are random, so they become placeholders first.
/// </summary>
internal static class ApprovalSnapshot
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Directory => Path.Combine(RepoPaths.TestProjectDirectory, "Approvals", "Snapshots");

    public static string? Compare(string name, JsonObject card)
    {
        var actual = Normalize(card).ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path))
        {
            if (Snapshot.IsCi) return $"snapshot {name}.json is missing (CI=true: snapshots are not written on CI)";
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
                if (name == "data" && obj[name] is JsonObject data)
                {
                    if (data.ContainsKey("recordId")) data["recordId"] = "<recordId>";
                    if (data.ContainsKey("version")) data["version"] = "<version>";
                }
                else
                {
                    Replace(obj[name]);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array) Replace(child);
        }
    }
}
