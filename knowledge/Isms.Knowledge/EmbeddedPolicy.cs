using System.Reflection;

namespace Isms.Knowledge;

/// <summary>The data files shipped inside the assembly (knowledge/data).</summary>
public static class EmbeddedPolicy
{
    public const string PolicyResource = "Isms.Knowledge.Data.taisaku-kijun.txt";
    public const string ThesaurusResource = "Isms.Knowledge.Data.thesaurus.tsv";
    public const string IntentsResource = "Isms.Knowledge.Data.intents.tsv";

    /// <summary>The text of the shipped 対策基準.</summary>
    public static string ReadText() => ReadResource(PolicyResource);

    public static string ReadResource(string name)
    {
        using var stream = typeof(EmbeddedPolicy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
