using Isms.Knowledge.Evaluation;

namespace Isms.Knowledge.Tests;

/// <summary>One offline answerer for the whole test run: the index is built once.</summary>
internal static class TestAnswerer
{
    public static PolicyAnswerer Offline { get; } = PolicyAnswerer.CreateDefault();

    /// <summary>The evaluation figures of one data file, answered offline.</summary>
    public static async Task<EvalSummary> Evaluate(string file) =>
        (await Evaluator.RunAsync(Offline, Evaluator.Load(TestData.PathOf(file)))).Summary;
}
