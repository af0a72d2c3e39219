using System.Text.Json.Serialization;

namespace Isms.Knowledge.Ranking;

/// <summary>One node of a regression tree: a split (feature ≤ threshold goes left) or, when Feature is -1, a leaf.</summary>
public sealed record TreeNode(
    [property: JsonPropertyName("f")] int Feature,
    [property: JsonPropertyName("t")] double Threshold,
    [property: JsonPropertyName("l")] int Left,
    [property: JsonPropertyName("r")] int Right,
    [property: JsonPropertyName("v")] double Value)
{
    public static TreeNode Leaf(double value) => new(-1, 0, 0, 0, value);
}

/// <summary>
/// A sum of small regression trees over the ranking features, added to the linear ranker's score: the trees learn
/// what a weighted sum cannot (a staff-question match that counts only when the body matches too, a cue that matters
/// only for short questions). Learned by <see cref="TreeBoosting"/>; empty when the ranker file has none.
/// </summary>
public sealed class TreeEnsemble
{
    public TreeEnsemble(IReadOnlyList<IReadOnlyList<TreeNode>> trees)
    {
        foreach (var tree in trees)
        {
            if (tree.Count == 0) throw new FormatException("A ranking tree has no node.");
            for (var i = 0; i < tree.Count; i++)
            {
                var n = tree[i];
                // A child after its parent: the walk from the root always ends.
                if (n.Feature >= RankingFeatures.Names.Count || (n.Feature >= 0 && !(n.Left > i && n.Right > i && n.Left < tree.Count && n.Right < tree.Count)))
                    throw new FormatException("A ranking tree refers to a feature or node that does not exist.");
            }
        }
        Trees = trees;
    }

    public static TreeEnsemble Empty { get; } = new([]);

    public IReadOnlyList<IReadOnlyList<TreeNode>> Trees { get; }

    public double Score(double[] features)
    {
        var s = 0.0;
        foreach (var tree in Trees)
        {
            var node = tree[0];
            while (node.Feature >= 0) node = tree[features[node.Feature] <= node.Threshold ? node.Left : node.Right];
            s += node.Value;
        }
        return s;
    }
}
