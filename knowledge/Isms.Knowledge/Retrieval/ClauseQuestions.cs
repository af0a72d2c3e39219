namespace Isms.Knowledge.Retrieval;

/// <summary>
/// The questions staff ask about each clause (knowledge/data/clause-questions/*.tsv: <c>clause id TAB question</c>),
/// indexed with the clause so that staff's words meet the policy's. Written clause by clause from the policy text;
/// a question whose clause is not in the edition being indexed is reported, not silently used.
/// </summary>
public sealed class ClauseQuestions
{
    private readonly Dictionary<string, List<string>> _byClause;

    private ClauseQuestions(Dictionary<string, List<string>> byClause) => _byClause = byClause;

    public static ClauseQuestions None { get; } = new(new Dictionary<string, List<string>>(StringComparer.Ordinal));

    public int Count => _byClause.Values.Sum(q => q.Count);

    public IReadOnlyCollection<string> ClauseIds => _byClause.Keys;

    public IReadOnlyList<string> For(string clauseId) => _byClause.TryGetValue(clauseId, out var q) ? q : [];

    public IEnumerable<(string ClauseId, string Question)> All =>
        _byClause.SelectMany(kv => kv.Value.Select(q => (kv.Key, q)));

    /// <summary>Parses one or more TSV texts; clause IDs are normalised (full width, loose forms).</summary>
    public static ClauseQuestions Parse(params string[] tsvTexts)
    {
        var byClause = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tsv in tsvTexts)
            foreach (var raw in tsv.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
                var tab = line.IndexOf('\t');
                if (tab <= 0) throw new FormatException($"A clause question needs a clause id, a tab and the question: {line}");
                var id = ClauseId.Normalize(line[..tab]) ?? throw new FormatException($"Not a clause id: {line[..tab]}");
                var question = line[(tab + 1)..].Trim();
                if (question.Length == 0) continue;
                if (!byClause.TryGetValue(id, out var list)) byClause[id] = list = [];
                list.Add(question);
            }
        return new ClauseQuestions(byClause);
    }

    /// <summary>The questions shipped in the assembly.</summary>
    public static ClauseQuestions LoadEmbedded() =>
        Parse(EmbeddedPolicy.ResourcesUnder(EmbeddedPolicy.ClauseQuestionsPrefix).Select(EmbeddedPolicy.ReadResource).ToArray());

    /// <summary>Clause IDs that have questions but are not in <paramref name="document"/> (a new edition dropped or renumbered them).</summary>
    public IReadOnlyList<string> Orphans(PolicyDocument document) =>
        _byClause.Keys.Where(id => document.FindClause(id) is null).Order(StringComparer.Ordinal).ToList();

    /// <summary>These questions without the ones <paramref name="leaveOut"/> picks (for training on held-back folds).</summary>
    public ClauseQuestions Without(Func<string, string, bool> leaveOut) =>
        new(_byClause.ToDictionary(kv => kv.Key, kv => kv.Value.Where(q => !leaveOut(kv.Key, q)).ToList(), StringComparer.Ordinal));

    /// <summary>These questions and <paramref name="more"/> (pinned phrasings from curation).</summary>
    public ClauseQuestions With(IEnumerable<(string ClauseId, string Question)> more)
    {
        var merged = _byClause.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
        foreach (var (id, q) in more)
        {
            if (!merged.TryGetValue(id, out var list)) merged[id] = list = [];
            list.Add(q);
        }
        return new ClauseQuestions(merged);
    }
}
