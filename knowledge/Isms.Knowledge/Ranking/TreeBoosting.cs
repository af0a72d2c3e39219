namespace Isms.Knowledge.Ranking;

/// <summary>How the trees are grown: rounds, depth, shrinkage, L2 on leaf values and the least hessian a leaf needs.</summary>
public sealed record BoostingSettings(int Rounds = 200, int Depth = 3, double Shrinkage = 0.1, double Lambda = 1.0, double MinLeafHessian = 5, int Bins = 32);

/// <summary>
/// Gradient-boosted regression trees on top of the linear ranker: the same objective (softmax over each question's
/// candidates, the answering clauses' share to maximise), starting from the linear scores, each round a tree fitted by
/// Newton steps on histograms of the features. Deterministic: no sampling.
/// </summary>
public static class TreeBoosting
{
    public static TreeEnsemble Train(IReadOnlyList<TrainingExample> examples, Func<double[], double> baseScore, BoostingSettings settings, Action<int, TreeEnsemble>? afterRound = null)
    {
        var usable = examples.Where(e => e.Candidates.Any(c => e.Gold.Contains(c.ClauseOrdinal))).ToList();
        var rows = new Rows(usable, baseScore, settings.Bins);
        var trees = new List<IReadOnlyList<TreeNode>>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            rows.ComputeGradients();
            var tree = rows.GrowTree(settings);
            trees.Add(tree);
            rows.Add(tree);
            afterRound?.Invoke(round + 1, new TreeEnsemble([.. trees]));
        }
        return new TreeEnsemble(trees);
    }

    /// <summary>Every candidate of every question as a row: binned features, current score, gradient and hessian.</summary>
    private sealed class Rows
    {
        private readonly int _count;
        private readonly int _featureCount;
        private readonly byte[][] _binned;       // [feature][row]
        private readonly double[][] _edges;      // [feature][bin] upper edge of the bin
        private readonly double[][] _raw;        // [row] features, to route rows through a finished tree
        private readonly (int Start, int End, double Weight)[] _groups;
        private readonly bool[] _gold;
        private readonly double[] _score;
        private readonly double[] _grad;
        private readonly double[] _hess;

        public Rows(IReadOnlyList<TrainingExample> examples, Func<double[], double> baseScore, int bins)
        {
            _featureCount = RankingFeatures.Names.Count;
            var raw = new List<double[]>();
            var gold = new List<bool>();
            var groups = new List<(int, int, double)>();
            foreach (var e in examples)
            {
                var start = raw.Count;
                foreach (var c in e.Candidates) { raw.Add(c.Features); gold.Add(e.Gold.Contains(c.ClauseOrdinal)); }
                groups.Add((start, raw.Count, e.Weight));
            }
            _raw = [.. raw];
            _count = _raw.Length;
            _gold = [.. gold];
            _groups = [.. groups];
            _score = _raw.Select(baseScore).ToArray();
            _grad = new double[_count];
            _hess = new double[_count];
            _edges = new double[_featureCount][];
            _binned = new byte[_featureCount][];
            Parallel.For(0, _featureCount, f =>
            {
                _edges[f] = Edges(_raw.Select(x => x[f]), bins);
                var b = new byte[_count];
                for (var r = 0; r < _count; r++) b[r] = (byte)BinOf(_edges[f], _raw[r][f]);
                _binned[f] = b;
            });
        }

        /// <summary>Bin upper edges at quantiles of the distinct values; the last bin takes everything above.</summary>
        private static double[] Edges(IEnumerable<double> values, int bins)
        {
            var sorted = values.Order().ToArray();
            var edges = new List<double>();
            for (var k = 1; k < bins; k++)
            {
                var v = sorted[(int)((long)k * (sorted.Length - 1) / bins)];
                if (edges.Count == 0 || v > edges[^1]) edges.Add(v);
            }
            return [.. edges];
        }

        private static int BinOf(double[] edges, double v)
        {
            var i = Array.BinarySearch(edges, v);
            return i >= 0 ? i : ~i;
        }

        public void ComputeGradients()
        {
            foreach (var (start, end, weight) in _groups)
            {
                var max = double.NegativeInfinity;
                for (var r = start; r < end; r++) max = Math.Max(max, _score[r]);
                double z = 0, goldZ = 0;
                for (var r = start; r < end; r++) { var e = Math.Exp(_score[r] - max); z += e; if (_gold[r]) goldZ += e; }
                for (var r = start; r < end; r++)
                {
                    var e = Math.Exp(_score[r] - max);
                    var p = e / z;
                    // d(-log(goldZ/z))/ds_r; the hessian's diagonal of the softmax part.
                    _grad[r] = weight * (p - (_gold[r] ? e / goldZ : 0));
                    _hess[r] = weight * Math.Max(p * (1 - p), 1e-6);
                }
            }
        }

        public void Add(IReadOnlyList<TreeNode> tree)
        {
            var ensemble = new TreeEnsemble([tree]);
            Parallel.For(0, _count, r => _score[r] += ensemble.Score(_raw[r]));
        }

        public IReadOnlyList<TreeNode> GrowTree(BoostingSettings s)
        {
            var nodes = new List<TreeNode>();
            var pending = new Queue<(int Node, int[] Rows, int Depth)>();
            nodes.Add(TreeNode.Leaf(0));
            pending.Enqueue((0, Enumerable.Range(0, _count).ToArray(), 0));
            while (pending.Count > 0)
            {
                var (node, rows, depth) = pending.Dequeue();
                var (g, h) = Sums(rows);
                var split = depth < s.Depth ? BestSplit(rows, g, h, s) : null;
                if (split is not { } best)
                {
                    nodes[node] = TreeNode.Leaf(-g / (h + s.Lambda) * s.Shrinkage);
                    continue;
                }
                var bin = _binned[best.Feature];
                var left = rows.Where(r => bin[r] <= best.Bin).ToArray();
                var right = rows.Where(r => bin[r] > best.Bin).ToArray();
                nodes[node] = new TreeNode(best.Feature, _edges[best.Feature][best.Bin], nodes.Count, nodes.Count + 1, 0);
                pending.Enqueue((nodes.Count, left, depth + 1));
                nodes.Add(TreeNode.Leaf(0));
                pending.Enqueue((nodes.Count, right, depth + 1));
                nodes.Add(TreeNode.Leaf(0));
            }
            return nodes;
        }

        private (double G, double H) Sums(int[] rows)
        {
            double g = 0, h = 0;
            foreach (var r in rows) { g += _grad[r]; h += _hess[r]; }
            return (g, h);
        }

        private (int Feature, int Bin)? BestSplit(int[] rows, double g, double h, BoostingSettings s)
        {
            var parent = g * g / (h + s.Lambda);
            // Gradients and hessians are weighted per question, so lambda and the minimum are in questions' worth.
            var minHessian = s.MinLeafHessian;
            var best = (Gain: 1e-12, Feature: -1, Bin: -1);
            var gate = new object();
            Parallel.For(0, _featureCount, f =>
            {
                var edges = _edges[f];
                if (edges.Length == 0) return;
                var hg = new double[edges.Length + 1];
                var hh = new double[edges.Length + 1];
                var bin = _binned[f];
                foreach (var r in rows) { hg[bin[r]] += _grad[r]; hh[bin[r]] += _hess[r]; }
                double gl = 0, hl = 0;
                var local = (Gain: 0.0, Bin: -1);
                for (var b = 0; b < edges.Length; b++)
                {
                    gl += hg[b]; hl += hh[b];
                    var gr = g - gl;
                    var hr = h - hl;
                    if (hl < minHessian || hr < minHessian) continue;
                    var gain = gl * gl / (hl + s.Lambda) + gr * gr / (hr + s.Lambda) - parent;
                    if (gain > local.Gain) local = (gain, b);
                }
                lock (gate)
                    if (local.Bin >= 0 && (local.Gain > best.Gain || (local.Gain == best.Gain && f < best.Feature)))
                        best = (local.Gain, f, local.Bin);
            });
            return best.Feature < 0 ? null : (best.Feature, best.Bin);
        }
    }
}
