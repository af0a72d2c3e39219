namespace Isms.EndToEnd.Tests.Harness;

/// <summary>Round-trip times measured by the tests, appended to <c>timings.txt</c> in the run's folder.</summary>
public static class Timings
{
    public static void Record(PlaygroundSession session, string line) =>
        File.AppendAllText(Path.Combine(session.RunDirectory, "timings.txt"), line + Environment.NewLine);
}
