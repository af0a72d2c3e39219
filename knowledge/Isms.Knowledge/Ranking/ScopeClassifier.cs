using System.Text.Json;
using System.Text.Json.Serialization;
using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>What the scope classifier reads from a question: how much of it the policy and its staff questions
/// know, how well the best clause covers it, and its words.</summary>
public sealed record ScopeInput(double[] Dense, IReadOnlyList<string> Words);

/// <summary>
/// Tells a question the policy answers from one it does not (toner, leave, how to use Excel), by logistic
/// regression learned from the clause questions (in scope) and off-topic staff questions: a score threshold on
/// retrieval alone cannot, because an off-topic question that shares a word outscores a real one.
/// </summary>
public sealed class ScopeClassifier(IReadOnlyDictionary<string, double> dense, IReadOnlyDictionary<string, double> words, double bias, double threshold)
{
    public static readonly IReadOnlyList<string> DenseNames =
        ["known_bigrams", "known_words", "best_coverage", "best_all", "expansions", "security_topic", "other_topic", "length", "best_question", "best_question_words", "howto_plain", "private_only", "howto_any"];

    public double Threshold => threshold;

    /// <summary>The probability that the question is about the policy.</summary>
    public double Probability(ScopeInput input)
    {
        var z = bias;
        for (var i = 0; i < DenseNames.Count; i++) z += dense.GetValueOrDefault(DenseNames[i]) * input.Dense[i];
        foreach (var w in input.Words.Distinct()) z += words.GetValueOrDefault(w);
        return 1 / (1 + Math.Exp(-z));
    }

    public bool InScope(ScopeInput input) => Probability(input) >= threshold;

    /// <summary>Reads the features of a question against the index it would be answered from.</summary>
    public static ScopeInput Describe(string question, RankingFeatures features, Extraction extraction, ProcedureDetector topics)
    {
        var index = features.Index;
        var own = Tokenizer.Tokenize(question, index.KatakanaVocabulary).Where(t => !QueryTerms.StopTerms.Contains(t)).Distinct().ToList();
        var known = own.Count == 0 ? 0 : own.Count(t => index.KnownFrequency(t) > 0) / (double)own.Count;
        var contentWords = index.Analyzer is { } analyzer ? ContentWords.Of(analyzer, question).Distinct().ToList() : [];
        var knownWords = contentWords.Count == 0 ? known : contentWords.Count(w => index.KnownWordFrequency(w) > 0) / (double)contentWords.Count;
        var coverage = RankingFeatures.Names.ToList().IndexOf("coverage");
        var candidates = extraction.Candidates;
        double[] dense =
        [
            known, knownWords, candidates.Count == 0 ? 0 : candidates.Max(c => c.Features[coverage]),
            Math.Min(1, extraction.BestAllScore / Math.Max(1, own.Count) / 4),
            features.Terms.Thesaurus.Expand(question).Count > 0 ? 1 : 0,
            topics.MentionsSecurityTopic(question) ? 1 : 0,
            topics.MentionsOutOfScopeTopic(question) ? 1 : 0,
            Math.Log(1 + own.Count) / 3,
            // How close the nearest staff question comes: an off-topic question has no near neighbour among them.
            Math.Min(1, extraction.BestSingleScore / Math.Max(1, own.Count) / 4),
            Math.Min(1, extraction.BestSingleWordsScore / Math.Max(1, contentWords.Count) / 4),
            // How to work the copier or Excel: the policy says what may be done, never how to operate a tool.
            topics.AsksHowToOperate(question) && !topics.MentionsSecurityTopic(question) ? 1 : 0,
            topics.IsAboutPrivateLifeOnly(question) ? 1 : 0,
            // …and with a security word too (パスワード付きZIPの開き方, Excelでパスワードをかけるメニュー): the model weighs it.
            topics.AsksHowToOperate(question) ? 1 : 0,
        ];
        var wordsOfQuestion = own.Select(t => "b:" + t).Concat(contentWords.Select(w => "w:" + w)).ToList();
        return new ScopeInput(dense, wordsOfQuestion);
    }

    public static ScopeClassifier LoadEmbedded(bool withWords) => Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.RankerResource), withWords);

    public static ScopeClassifier Parse(string json, bool withWords)
    {
        var file = JsonSerializer.Deserialize<ScopeFile>(JsonDocument.Parse(json).RootElement.GetProperty(withWords ? "scope" : "scopeBigramsOnly").GetRawText())
            ?? throw new FormatException("The ranker file has no scope classifier.");
        return new ScopeClassifier(file.Dense, file.Words, file.Bias, file.Threshold);
    }

    public object ToJson() => new ScopeFile(
        DenseNames.ToDictionary(n => n, n => Math.Round(dense.GetValueOrDefault(n), 4)),
        words.Where(kv => Math.Abs(kv.Value) >= 0.02).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)),
        Math.Round(bias, 4), Math.Round(threshold, 3));

    private sealed record ScopeFile(
        [property: JsonPropertyName("dense")] Dictionary<string, double> Dense,
        [property: JsonPropertyName("words")] Dictionary<string, double> Words,
        [property: JsonPropertyName("bias")] double Bias,
        [property: JsonPropertyName("threshold")] double Threshold);
}
