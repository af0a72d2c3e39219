namespace Isms.Knowledge.Ranking;

/// <summary>One node of a regression tree: a split (feature ≤ threshold goes left) or, when Feature is -1, a leaf.</summary>
public sealed record TreeNode(int Feature, double Threshold, int Left, int Right, double Value)
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
        // Flat arrays for scoring, which runs for every candidate of every question.
        var nodes = trees.SelectMany(t => t).ToList();
        _roots = new int[trees.Count];
        for (int t = 0, offset = 0; t < trees.Count; offset += trees[t].Count, t++) _roots[t] = offset;
        _feature = nodes.Select(n => n.Feature).ToArray();
        _threshold = nodes.Select(n => n.Threshold).ToArray();
        _left = new int[nodes.Count];
        _right = new int[nodes.Count];
        _value = nodes.Select(n => n.Value).ToArray();
        for (var t = 0; t < trees.Count; t++)
            for (var i = 0; i < trees[t].Count; i++)
            {
                _left[_roots[t] + i] = _roots[t] + trees[t][i].Left;
                _right[_roots[t] + i] = _roots[t] + trees[t][i].Right;
            }
    }

    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;

    public static TreeEnsemble Empty { get; } = new([]);

    public IReadOnlyList<IReadOnlyList<TreeNode>> Trees { get; }

    public double Score(double[] features)
    {
        var s = 0.0;
        foreach (var root in _roots)
        {
            var n = root;
            while (_feature[n] >= 0) n = features[_feature[n]] <= _threshold[n] ? _left[n] : _right[n];
            s += _value[n];
        }
        return s;
    }
}
