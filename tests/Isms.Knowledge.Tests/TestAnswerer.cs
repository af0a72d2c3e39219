namespace Isms.Knowledge.Tests;

/// <summary>One offline answerer for the whole test run: the index is built once.</summary>
internal static class TestAnswerer
{
    public static PolicyAnswerer Offline { get; } = PolicyAnswerer.CreateDefault();
}
