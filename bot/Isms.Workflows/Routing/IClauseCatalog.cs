using Isms.Knowledge;

namespace Isms.Workflows.Routing;

/// <summary>Which clause IDs exist in the 対策基準, so every routing rule cites a real clause.</summary>
public interface IClauseCatalog
{
    bool Exists(string id);
}

/// <summary>The clauses of a parsed 対策基準 (by default the edition shipped in Isms.Knowledge).</summary>
public sealed class PolicyClauseCatalog(PolicyDocument document) : IClauseCatalog
{
    public static PolicyClauseCatalog FromEmbeddedPolicy() => new(PolicyParser.Parse(EmbeddedPolicy.ReadText()));

    public bool Exists(string id) => document.FindClause(id) is not null;
}
