using System.Collections.Concurrent;
using System.Globalization;

namespace Isms.Reliability;

/// <summary>What one scenario measured, and whether its checks held.</summary>
public sealed class Figures(string scenario)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private long _turns;
    private long _errors;

    public string Scenario { get; } = scenario;

    public long Turns => Interlocked.Read(ref _turns);

    public long Errors => Interlocked.Read(ref _errors);

    public double RssStart { get; set; }

    public double RssMax { get; private set; }

    public double RssEnd { get; set; }

    public int? Acknowledged { get; set; }

    public int? Stored { get; set; }

    public bool? Passed { get; set; }

    public List<string> Notes { get; } = [];

    public void Add(Turn turn)
    {
        Interlocked.Increment(ref _turns);
        _latencies.Add(turn.Milliseconds);
        if (!turn.Ok)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void SampleRss(double mib)
    {
        lock (Notes)
        {
            RssMax = Math.Max(RssMax, mib);
        }
    }

    public void Note(string text)
    {
        lock (Notes)
        {
            Notes.Add(text);
        }

        Console.WriteLine($"  [{Scenario}] {text}");
    }

    /// <summary>Records a check; the scenario fails if any check does.</summary>
    public void Check(bool holds, string what)
    {
        Note((holds ? "ok: " : "FAILED: ") + what);
        Passed = (Passed ?? true) && holds;
    }

    public double Percentile(double p)
    {
        var sorted = _latencies.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public static void Print(IReadOnlyList<Figures> all)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-16} {"turns",7} {"errors",7} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"RSS MiB start/max/end",22} {"ack",5} {"stored",6}  result");
        foreach (var f in all)
        {
            var rss = f.RssStart > 0 ? string.Create(CultureInfo.InvariantCulture, $"{f.RssStart:F0}/{Math.Max(f.RssMax, f.RssEnd):F0}/{f.RssEnd:F0}") : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Scenario,-16} {f.Turns,7} {f.Errors,7} {f.Percentile(0.5),8:F1} {f.Percentile(0.95),8:F1} {f.Percentile(1),8:F1} {rss,22} {f.Acknowledged?.ToString(CultureInfo.InvariantCulture) ?? "-",5} {f.Stored?.ToString(CultureInfo.InvariantCulture) ?? "-",6}  {(f.Passed is null ? "skipped" : f.Passed.Value ? "passed" : "FAILED")}"));
        }
    }
}
