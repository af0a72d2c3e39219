using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Isms.Knowledge.Evaluation;

/// <summary>One line of an evaluation file (the JSONL format of qa/visible.jsonl).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("qid")] string Qid,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold);

public sealed record EvalRow(EvalQuestion Question, string PredictedIntent, IReadOnlyList<string> Ranked, int? GoldRank);

public sealed record EvalSummary(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("hit1")] double Hit1,
    [property: JsonPropertyName("hit3")] double Hit3,
    [property: JsonPropertyName("mrr")] double Mrr,
    [property: JsonPropertyName("multi_hop_all_top5")] double MultiHopAllTop5,
    [property: JsonPropertyName("oos_reject")] double OosReject,
    [property: JsonPropertyName("oos_false_reject")] double OosFalseReject,
    [property: JsonPropertyName("intent_acc")] double IntentAcc);

/// <summary>Scores an answerer on a question file: hit@k and MRR over answerable questions, scope and intent accuracy.</summary>
public static class Evaluator
{
    public static IReadOnlyList<EvalQuestion> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<EvalQuestion>(l)!).ToList();

    public static async Task<(IReadOnlyList<EvalRow> Rows, EvalSummary Summary)> RunAsync(IPolicyAnswerer answerer, IReadOnlyList<EvalQuestion> questions, CancellationToken ct = default)
    {
        var rows = new List<EvalRow>();
        foreach (var q in questions)
        {
            var answer = await answerer.AnswerAsync(q.Question, null, ct).ConfigureAwait(false);
            var ranked = answer.Citations.Select(c => c.Clause.Id).ToList();
            var rank = ranked.FindIndex(q.Gold.Contains);
            rows.Add(new EvalRow(q, IntentLabel(answer), ranked, rank < 0 ? null : rank + 1));
        }
        return (rows, Summarize(rows));
    }

    public static EvalSummary Summarize(IReadOnlyList<EvalRow> rows)
    {
        var answerable = rows.Where(r => r.Question.Gold.Count > 0).ToList();
        var multi = rows.Where(r => r.Question.Type == "multi_hop").ToList();
        var oos = rows.Where(r => r.Question.Intent == "out_of_scope").ToList();
        static double Share<T>(List<T> items, Func<T, bool> f) => items.Count == 0 ? 0 : Math.Round(items.Count(f) / (double)items.Count, 3);
        return new EvalSummary(
            rows.Count,
            Share(answerable, r => r.GoldRank == 1),
            Share(answerable, r => r.GoldRank is <= 3),
            answerable.Count == 0 ? 0 : Math.Round(answerable.Average(r => r.GoldRank is { } k ? 1.0 / k : 0), 3),
            Share(multi, r => r.Question.Gold.All(g => r.Ranked.Take(5).Contains(g))),
            Share(oos, r => r.PredictedIntent == "out_of_scope"),
            Share(answerable, r => r.PredictedIntent == "out_of_scope"),
            Share(rows.ToList(), r => r.PredictedIntent == r.Question.Intent));
    }

    /// <summary>The label of the evaluation files: answer, out_of_scope, or form_ and the procedure's key.</summary>
    public static string IntentLabel(PolicyAnswer answer) => answer.Intent switch
    {
        PolicyIntent.Answer => "answer",
        PolicyIntent.OutOfScope => "out_of_scope",
        _ => "form_" + answer.Procedure?.Key,
    };

    public static string FormatRow(EvalRow r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Question.Qid,-6} {(r.GoldRank?.ToString(CultureInfo.InvariantCulture) ?? "-"),3} {(r.PredictedIntent == r.Question.Intent ? "ok" : "NG"),3} {r.PredictedIntent,-26} gold={string.Join(",", r.Question.Gold),-28} top={string.Join(",", r.Ranked.Take(3))}  {r.Question.Question}");
}
