namespace Isms.Knowledge.Language;

/// <summary>One word of a sentence as a morphological analyser sees it.</summary>
/// <param name="Surface">The word as written.</param>
/// <param name="PartOfSpeech">品詞 (名詞, 動詞, 形容詞, 助詞, 助動詞, …).</param>
/// <param name="SubCategory">品詞細分類1 (自立, 非自立, サ変接続, 固有名詞, …).</param>
/// <param name="BaseForm">原形: the dictionary form of a conjugated word (なくし → なくす).</param>
/// <param name="BaseReading">The reading of the dictionary form in katakana (無くし → ナクス), or null when unknown.</param>
/// <param name="ConjugationForm">活用形 (連用形, 基本形, …), empty for words that do not conjugate.</param>
/// <param name="Reading">The reading of the surface in katakana (紛失 → フンシツ), or null when unknown.</param>
public sealed record Morpheme(string Surface, string PartOfSpeech, string SubCategory, string BaseForm, string? BaseReading, string ConjugationForm,
    string? Reading = null);

/// <summary>
/// Splits Japanese into words with their dictionary forms, so なくしました, なくしたかもしれません and 無くす meet.
/// Optional: without one (no MeCab on the machine) retrieval falls back to character bigrams alone.
/// </summary>
public interface IMorphologicalAnalyzer
{
    /// <summary>What is analysing, for logs and the eval output (e.g. "mecab-ipadic").</summary>
    string Name { get; }

    IReadOnlyList<Morpheme> Analyze(string text);
}
