using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>
/// Tells a message that says something happened (a device gone, a link opened, a strange screen) from a question,
/// by logistic regression over its character bigrams, its words' dictionary forms, its auxiliaries (た, ちゃう,
/// しまう, かも) and the word table's cues and topics. It backs the word table, never overrides it: a report the
/// table's patterns miss because it is worded in a way no pattern foresaw is still recognised from what it shares
/// with the reports the classifier learned from. Learned from the tuning messages (<c>train-incident</c>).
/// </summary>
public sealed class IncidentClassifier(IReadOnlyDictionary<string, double> weights, double bias, double threshold)
{
    public double Threshold => threshold;

    public double Probability(IReadOnlyList<string> features)
    {
        var z = bias;
        foreach (var f in features.Distinct()) z += weights.GetValueOrDefault(f);
        return 1 / (1 + Math.Exp(-z));
    }

    public bool IsReport(IReadOnlyList<string> features) => Probability(features) >= threshold;

    /// <summary>What the classifier reads from a message.</summary>
    public static IReadOnlyList<string> Describe(string message, ProcedureDetector detector, IMorphologicalAnalyzer? analyzer)
    {
        var features = Tokenizer.Tokenize(message).Select(t => "b:" + t).ToList();
        if (analyzer is not null)
        {
            features.AddRange(ContentWords.Of(analyzer, message).Select(w => "w:" + w));
            // How a sentence ends carries the tense and the mood: なくしちゃった, 開いてしまった, 消えたかも.
            features.AddRange(analyzer.Analyze(JapaneseNormalizer.Widths(message))
                .Where(m => m.PartOfSpeech == "助動詞" || (m.PartOfSpeech == "動詞" && m.SubCategory == "非自立") || m.PartOfSpeech == "終助詞" || m.SubCategory == "終助詞")
                .Select(m => "a:" + m.BaseForm));
        }
        features.AddRange(detector.Signals(message).Select(s => "s:" + s));
        return features;
    }

    public const string Resource = "Isms.Knowledge.Data.incident.json";

    public static IncidentClassifier LoadEmbedded(bool withWords) => Parse(EmbeddedPolicy.ReadResource(Resource), withWords);

    public static IncidentClassifier Parse(string json, bool withWords)
    {
        var file = JsonSerializer.Deserialize<ModelFile>(JsonDocument.Parse(json).RootElement.GetProperty(withWords ? "mecab" : "bigramsOnly").GetRawText())
            ?? throw new FormatException("The incident model file has no model.");
        return new IncidentClassifier(file.Weights, file.Bias, file.Threshold);
    }

    public object ToJson() => new ModelFile(
        weights.Where(kv => Math.Abs(kv.Value) >= 0.02).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)),
        Math.Round(bias, 4), Math.Round(threshold, 3));

    /// <summary>Learns the weights by L2-regularised logistic regression (full-batch Adam, the two classes weighted
    /// alike); the threshold is given, chosen on messages the training did not see.</summary>
    public static IncidentClassifier Train(IReadOnlyList<(IReadOnlyList<string> Features, bool IsReport)> examples, double threshold, double l2 = 0.0001, int iterations = 300, double learningRate = 0.05)
    {
        var ids = examples.SelectMany(e => e.Features).Distinct().Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i + 1, StringComparer.Ordinal);
        var rows = examples.Select(e => (X: e.Features.Distinct().Select(f => ids[f]).ToArray(), Y: e.IsReport ? 1.0 : 0.0)).ToList();
        double positive = Math.Max(1, rows.Count(r => r.Y == 1)), negative = Math.Max(1, rows.Count(r => r.Y == 0));
        var w = new double[ids.Count + 1];
        var m = new double[w.Length];
        var v = new double[w.Length];
        for (var step = 1; step <= iterations; step++)
        {
            var grad = new double[w.Length];
            foreach (var (x, y) in rows)
            {
                var z = w[0];
                foreach (var k in x) z += w[k];
                var g = (1 / (1 + Math.Exp(-z)) - y) * (y == 1 ? 0.5 / positive : 0.5 / negative);
                grad[0] += g;
                foreach (var k in x) grad[k] += g;
            }
            for (var k = 0; k < w.Length; k++)
            {
                var g = grad[k] + (k == 0 ? 0 : l2 * w[k]);
                m[k] = 0.9 * m[k] + 0.1 * g;
                v[k] = 0.999 * v[k] + 0.001 * g * g;
                w[k] -= learningRate * (m[k] / (1 - Math.Pow(0.9, step))) / (Math.Sqrt(v[k] / (1 - Math.Pow(0.999, step))) + 1e-8);
            }
        }
        return new IncidentClassifier(ids.ToDictionary(kv => kv.Key, kv => w[kv.Value], StringComparer.Ordinal), w[0], threshold);
    }

    public IncidentClassifier WithThreshold(double value) => new(weights, bias, value);

    /// <summary>The file knowledge/data/incident.json: one model with MeCab's features, one with bigrams alone.</summary>
    public static string Serialize(IncidentClassifier withWords, IncidentClassifier bigramsOnly, string trainedOn) =>
        JsonSerializer.Serialize(new { trainedOn, mecab = withWords.ToJson(), bigramsOnly = bigramsOnly.ToJson() },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private sealed record ModelFile(
        [property: JsonPropertyName("weights")] Dictionary<string, double> Weights,
        [property: JsonPropertyName("bias")] double Bias,
        [property: JsonPropertyName("threshold")] double Threshold);
}
