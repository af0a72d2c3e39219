using System.Text.Json.Nodes;

namespace Isms.Testing;

/// <summary>Walks an Adaptive Card's JSON: every object in it, the card first, depth first in document order.</summary>
public static class CardTree
{
    public static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }
}
