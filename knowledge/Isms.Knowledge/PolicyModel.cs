namespace Isms.Knowledge;

/// <summary>One numbered provision of the policy, e.g. <c>2(2)⑧(イ)</c>.</summary>
public sealed record Clause(string Id, IReadOnlyList<string> HeadingPath, string Text);

/// <summary>A parsed edition of a 対策基準: its title, edition line and clauses in document order.</summary>
public sealed class PolicyDocument
{
    private readonly Dictionary<string, Clause> _byId;

    public PolicyDocument(string title, string edition, IReadOnlyList<Clause> clauses)
    {
        Title = title;
        Edition = edition;
        Clauses = clauses;
        _byId = clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public string Title { get; }

    /// <summary>The edition line as printed, e.g. 令和8年4月1日 策定.</summary>
    public string Edition { get; }

    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Finds a clause by an ID typed loosely: <c>2.(2)⑧(イ)</c>, full-width, <c>4.3.①</c>.</summary>
    public Clause? FindClause(string looseId)
    {
        var id = ClauseId.Normalize(looseId);
        return id is not null && _byId.TryGetValue(id, out var clause) ? clause : null;
    }

    /// <summary>The clause and every clause below it (e.g. <c>8.4(1)</c> and its items), for "read the whole clause".</summary>
    public IReadOnlyList<Clause> FindClauseWithItems(string looseId)
    {
        var id = ClauseId.Normalize(looseId);
        if (id is null) return [];
        return Clauses.Where(c => c.Id == id || (c.Id.StartsWith(id, StringComparison.Ordinal) && ClauseId.IsChildSuffix(c.Id[id.Length..]))).ToList();
    }
}
