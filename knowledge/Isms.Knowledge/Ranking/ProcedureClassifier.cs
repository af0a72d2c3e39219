using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>
/// Reads which form a message asks for (an incident report, a takeout request …), one logistic model per form,
/// from its character bigrams, its words' dictionary forms, its auxiliaries (た, ちゃう, しまう, たい, かも) and the
/// word table's cues and topics. It backs the word table: a message the table reads as a question starts the form
/// a model is sure of (a report or request worded in a way no pattern foresaw), and a form the table starts is kept
/// unless its model finds the message very unlike that form's messages. Learned from the tuning messages and
/// questions (<c>train-procedures</c>); knowledge/data/procedures.json.
/// A report also gets one model per clause whose first response the bot gives at once (6.4(3)⑦ a suspected virus,
/// 5.4(2)④ a password given away), learned from which clauses the tuning reports cite: the report form's own word
/// lists name the usual cases, the models the ones worded otherwise (「言われるままにアプリ入れて画面見せちゃった」).
/// </summary>
public sealed class ProcedureClassifier(IReadOnlyDictionary<string, ProcedureModel> models, double vetoBelow,
    IReadOnlyDictionary<string, ProcedureModel>? reportClauses = null, double reportVetoBelow = 0, ProcedureModel? anyForm = null,
    double reportOfferFrom = 1, double askedVetoBelow = 0, double askedReportVetoBelow = 0)
{
    public IReadOnlyDictionary<string, ProcedureModel> Models => models;

    /// <summary>Per clause ID, the model of whether a report needs that clause's first response.</summary>
    public IReadOnlyDictionary<string, ProcedureModel> ReportClauseModels => reportClauses ?? new Dictionary<string, ProcedureModel>();

    /// <summary>The clauses whose first response the report needs, by the models that pass their thresholds.</summary>
    public IReadOnlyList<string> ReportClauses(IReadOnlyList<string> features) =>
        ReportClauseModels.Where(m => m.Value.Probability(features) >= m.Value.Threshold).Select(m => m.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Below this probability a form the word table starts is taken for a question.</summary>
    public double VetoBelow => vetoBelow;

    /// <summary>Below this probability a report the word table reads is taken for a question: lower than for requests,
    /// as a missed report costs an incident and a false alarm one card.</summary>
    public double ReportVetoBelow => reportVetoBelow;

    /// <summary>From this probability up to its threshold a report's model is unsure: the message is answered as a
    /// question and the answer offers the report's form (a false alarm costs one button, a miss an incident).</summary>
    public double ReportOfferFrom => reportOfferFrom;

    /// <summary>Below this probability a request the word table reads in a message that also asks something
    /// (「Teams会議に業者さんも入れる予定。どんな対策しとけばいい？」) is taken for a question about the rules around it.</summary>
    public double AskedVetoBelow => askedVetoBelow;

    /// <summary>The same for a report, lower: 「USBなくしたかも。どうすればいい？」 asks too, and is a report.</summary>
    public double AskedReportVetoBelow => askedReportVetoBelow;

    /// <summary>True when the sender asks something and the form's model finds the message below
    /// <see cref="AskedVetoBelow"/> (a report: <see cref="AskedReportVetoBelow"/>): the rule question is answered, with the
    /// form offered.</summary>
    public bool DoubtsAsked(string key, IReadOnlyList<string> features, bool isReport = false) =>
        Asks(features) && ModelFor(key) is { } m
        && m.Probability(features) < (isReport ? askedReportVetoBelow : askedVetoBelow);

    /// <summary>The report, among <paramref name="reports"/>, whose model gives the message at least
    /// <see cref="ReportOfferFrom"/>, the likeliest first.</summary>
    public string? PossibleReport(IReadOnlyList<string> features, Func<string, bool> reports) =>
        models.Where(m => reports(m.Key)).Select(m => (m.Key, P: m.Value.Probability(features)))
            .Where(m => m.P >= reportOfferFrom).OrderByDescending(m => m.P).Select(m => m.Key).FirstOrDefault();

    /// <summary>The form, among those allowed, whose model is surest the message asks for it, when one passes its threshold.</summary>
    public string? Suggest(IReadOnlyList<string> features, Func<string, bool>? allowed = null) =>
        models.Where(m => allowed?.Invoke(m.Key) ?? true).Select(m => (m.Key, P: m.Value.Probability(features), m.Value.Threshold))
            .Where(m => m.P >= m.Threshold).OrderByDescending(m => m.P).Select(m => m.Key).FirstOrDefault();

    /// <summary>The form to start for a message the word table reads as a question. A question about a request's topic
    /// (「USBで資料持ち出してもいい？」) is answered, with the form one tap away on the answer. A report its model is sure of
    /// starts at once even when the message asks something, unless it asks whether the sender may do something
    /// (「隊長のIDで入力しちゃっていい？」): that is a question about a rule, answered with the report offered.</summary>
    public string? SuggestForQuestion(IReadOnlyList<string> features, Func<string, bool> isReport)
    {
        var asks = Asks(features);
        var asksLeave = AsksPermission(features);
        return Suggest(features, key => isReport(key) ? !asksLeave : !asks);
    }

    /// <summary>The model of whether a message asks for any form at all (learned from every form's messages), which
    /// checks the forms too rare in the tuning messages for a model of their own (障害報告, 廃棄申請 …).</summary>
    public ProcedureModel? AnyFormModel => anyForm;

    /// <summary>True when the form's model, or for a form without one the any-form model, finds the message very unlike
    /// a message asking for it.</summary>
    public bool Doubts(string key, IReadOnlyList<string> features, bool isReport = false) =>
        ModelFor(key) is { } m && m.Probability(features) < (isReport ? reportVetoBelow : vetoBelow);

    /// <summary>True when the form's model (or, without one, the any-form model) finds the message at or above its
    /// threshold: it would start the form on its own.</summary>
    public bool IsSure(string key, IReadOnlyList<string> features) =>
        ModelFor(key) is { } m && m.Probability(features) >= m.Threshold;

    // The form's own model, or for a form too rare to have one, the any-form model.
    private ProcedureModel? ModelFor(string key) => models.TryGetValue(key, out var model) ? model : anyForm;

    /// <summary>True when the sender's own words ask something (the word table's question cue).</summary>
    public static bool Asks(IReadOnlyList<string> features) => features.Contains("s:cue:question");

    /// <summary>True when the sender's own words ask whether they may do something (the word table's permission cue).</summary>
    public static bool AsksPermission(IReadOnlyList<string> features) => features.Contains("s:cue:permission");

    /// <summary>What the models read from a message.</summary>
    public static IReadOnlyList<string> Describe(string message, ProcedureDetector detector, IMorphologicalAnalyzer? analyzer)
    {
        var features = Tokenizer.Tokenize(message).Select(t => "b:" + t).ToList();
        if (analyzer is not null)
        {
            var morphemes = analyzer.Analyze(JapaneseNormalizer.Widths(message));
            features.AddRange(ContentWords.Of(morphemes).Select(w => "w:" + w));
            // How a sentence ends carries tense and mood: なくしちゃった, 開いてしまった, 使いたい, 消えたかも.
            features.AddRange(morphemes
                .Where(m => m.PartOfSpeech == "助動詞" || (m.PartOfSpeech == "動詞" && m.SubCategory == "非自立") || m.SubCategory == "終助詞")
                .Select(m => "a:" + m.BaseForm));
        }
        features.AddRange(detector.Signals(message).Select(s => "s:" + s));
        return features;
    }

    public const string Resource = "Isms.Knowledge.Data.procedures.json";

    public static ProcedureClassifier LoadEmbedded(bool withWords) => Parse(EmbeddedPolicy.ReadResource(Resource), withWords);

    public static ProcedureClassifier Parse(string json, bool withWords)
    {
        var file = JsonSerializer.Deserialize<ClassifierFile>(JsonDocument.Parse(json).RootElement.GetProperty(withWords ? "mecab" : "bigramsOnly").GetRawText())
            ?? throw new FormatException("The procedure model file has no model.");
        static Dictionary<string, ProcedureModel> Read(Dictionary<string, ModelFile>? models) =>
            (models ?? []).ToDictionary(kv => kv.Key, kv => new ProcedureModel(kv.Value.Weights, kv.Value.Bias, kv.Value.Threshold));
        var anyForm = file.AnyForm is { } any ? new ProcedureModel(any.Weights, any.Bias, any.Threshold) : null;
        return new ProcedureClassifier(Read(file.Models), file.VetoBelow, Read(file.ReportClauses), file.ReportVetoBelow ?? 0, anyForm,
            file.ReportOfferFrom ?? 1, file.AskedVetoBelow ?? 0, file.AskedReportVetoBelow ?? 0);
    }

    /// <summary>The file knowledge/data/procedures.json: the models with MeCab's features and with bigrams alone.</summary>
    public static string Serialize(ProcedureClassifier withWords, ProcedureClassifier bigramsOnly, string trainedOn) =>
        JsonSerializer.Serialize(new { trainedOn, mecab = withWords.ToFile(), bigramsOnly = bigramsOnly.ToFile() },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private ClassifierFile ToFile() => new(models.ToDictionary(kv => kv.Key, kv => kv.Value.ToFile()), Math.Round(vetoBelow, 3),
        ReportClauseModels.ToDictionary(kv => kv.Key, kv => kv.Value.ToFile()), Math.Round(reportVetoBelow, 3), anyForm?.ToFile(),
        Math.Round(reportOfferFrom, 3), Math.Round(askedVetoBelow, 3), Math.Round(askedReportVetoBelow, 3));

    internal sealed record ModelFile(
        [property: JsonPropertyName("weights")] Dictionary<string, double> Weights,
        [property: JsonPropertyName("bias")] double Bias,
        [property: JsonPropertyName("threshold")] double Threshold);

    private sealed record ClassifierFile(
        [property: JsonPropertyName("models")] Dictionary<string, ModelFile> Models,
        [property: JsonPropertyName("vetoBelow")] double VetoBelow,
        [property: JsonPropertyName("reportClauses")] Dictionary<string, ModelFile>? ReportClauses,
        [property: JsonPropertyName("reportVetoBelow")] double? ReportVetoBelow,
        [property: JsonPropertyName("anyForm")] ModelFile? AnyForm,
        [property: JsonPropertyName("reportOfferFrom")] double? ReportOfferFrom,
        [property: JsonPropertyName("askedVetoBelow")] double? AskedVetoBelow,
        [property: JsonPropertyName("askedReportVetoBelow")] double? AskedReportVetoBelow);
}

/// <summary>One form's model: L2-regularised logistic regression over sparse features.</summary>
public sealed class ProcedureModel(IReadOnlyDictionary<string, double> weights, double bias, double threshold)
{
    public double Threshold => threshold;

    public double Probability(IReadOnlyList<string> features)
    {
        var z = bias;
        foreach (var f in features.Distinct()) z += weights.GetValueOrDefault(f);
        return 1 / (1 + Math.Exp(-z));
    }

    public ProcedureModel WithThreshold(double value) => new(weights, bias, value);

    internal ProcedureClassifier.ModelFile ToFile() => new(
        weights.Where(kv => Math.Abs(kv.Value) >= 0.02).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)),
        Math.Round(bias, 4), Math.Round(threshold, 3));

    /// <summary>Learns the weights by full-batch Adam, the two classes weighted alike; the threshold is given, chosen
    /// on messages the training did not see.</summary>
    public static ProcedureModel Train(IReadOnlyList<(IReadOnlyList<string> Features, bool Positive)> examples, double threshold, double l2 = 0.0001, int iterations = 300, double learningRate = 0.05)
    {
        var ids = examples.SelectMany(e => e.Features).Distinct().Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i + 1, StringComparer.Ordinal);
        var rows = examples.Select(e => (X: e.Features.Distinct().Select(f => ids[f]).ToArray(), Y: e.Positive ? 1.0 : 0.0)).ToList();
        double positive = Math.Max(1, rows.Count(r => r.Y == 1)), negative = Math.Max(1, rows.Count(r => r.Y == 0));
        var w = new double[ids.Count + 1];
        var adam = new AdamOptimizer(w.Length, learningRate);
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
            for (var k = 1; k < w.Length; k++) grad[k] += l2 * w[k];
            adam.Step(w, grad);
        }
        return new ProcedureModel(ids.ToDictionary(kv => kv.Key, kv => w[kv.Value], StringComparer.Ordinal), w[0], threshold);
    }
}
