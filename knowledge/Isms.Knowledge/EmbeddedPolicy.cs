using System.Reflection;

namespace Isms.Knowledge;

/// <summary>The data files shipped inside the assembly (knowledge/data).</summary>
public static class EmbeddedPolicy
{
    public const string PolicyResource = "Isms.Knowledge.Data.taisaku-kijun.txt";
    public const string ThesaurusResource = "Isms.Knowledge.Data.thesaurus.tsv";
    public const string ProceduresResource = "Isms.Knowledge.Data.procedures.tsv";
    public const string ClauseQuestionsPrefix = "Isms.Knowledge.Data.clause-questions.";
    public const string GlossaryPrefix = "Isms.Knowledge.Data.glossary.";
    public const string RankerResource = "Isms.Knowledge.Data.ranker.json";
    public const string PartFusionResource = "Isms.Knowledge.Data.part-fusion.json";

    /// <summary>The text of the shipped 対策基準.</summary>
    public static string ReadText() => ReadResource(PolicyResource);

    /// <summary>The names of the embedded files under a folder of knowledge/data, in name order.</summary>
    public static IReadOnlyList<string> ResourcesUnder(string prefix) =>
        typeof(EmbeddedPolicy).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    public static string ReadResource(string name)
    {
        using var stream = typeof(EmbeddedPolicy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
