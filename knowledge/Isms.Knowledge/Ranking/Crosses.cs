namespace Isms.Knowledge.Ranking;

/// <summary>
/// Products of the main match signals, so the linear ranker can weigh agreement between fields (a clause whose body
/// and staff questions both match) differently from one strong field alone: a degree-2 model on a few features.
/// </summary>
internal static class Crosses
{
    // Indexes into the base features of RankingFeatures: all, questions, words_body, words_questions, coverage, single,
    // single_words, heading.
    private static readonly (string Name, int Index)[] Main =
        [("all", 5), ("questions", 3), ("words_body", 7), ("words_questions", 8), ("coverage", 9), ("single", 29), ("single_words", 31), ("heading", 2)];

    public static readonly IReadOnlyList<string> Names =
        [.. Pairs().Select(p => $"{Main[p.I].Name}*{Main[p.J].Name}")];

    public static double[] Append(double[] x)
    {
        var pairs = Pairs().ToArray();
        var result = new double[x.Length + pairs.Length];
        x.CopyTo(result, 0);
        for (var k = 0; k < pairs.Length; k++) result[x.Length + k] = x[Main[pairs[k].I].Index] * x[Main[pairs[k].J].Index];
        return result;
    }

    private static IEnumerable<(int I, int J)> Pairs()
    {
        for (var i = 0; i < Main.Length; i++)
            for (var j = i; j < Main.Length; j++)
                yield return (i, j);
    }
}
