using System.Globalization;
using Isms.Reliability;

// The reliability suite (README, "信頼性の試験"): starts the built bot on loopback and runs each scenario against it,
// printing figures. Bounded: every scenario has a deadline. Not part of `dotnet test`.
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var duration = TimeSpan.FromSeconds(int.Parse(Option("--duration") ?? "60", CultureInfo.InvariantCulture));
var people = int.Parse(Option("--people") ?? "20", CultureInfo.InvariantCulture);
var submitters = int.Parse(Option("--submitters") ?? "30", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--kill-rounds") ?? "3", CultureInfo.InvariantCulture);

var paths = Paths.Create();
if (!File.Exists(paths.BotDll))
{
    Console.Error.WriteLine($"Build the bot first: {paths.BotDll} is missing.");
    return 2;
}

Console.WriteLine($"bot: {paths.BotDll}\nrun folder (logs, data): {paths.Run}");
await using var connector = await LoopbackConnector.StartAsync();
var context = new Context(paths, connector, duration, people, submitters, rounds);
var scenarios = new (string Name, Func<Context, Figures, Task> Run)[]
{
    ("load", Scenarios.LoadAsync),
    ("submissions", Scenarios.SubmissionsAsync),
    ("kill", Scenarios.KillAsync),
    ("second-instance", Scenarios.SecondInstanceAsync),
    ("disk-full", DiskScenarios.DiskFullAsync),
    ("read-only", DiskScenarios.ReadOnlyAsync),
    ("backup-restore", DiskScenarios.BackupRestoreAsync),
};

var results = new List<Figures>();
foreach (var (name, run) in scenarios.Where(s => only is null || only.Contains(s.Name)))
{
    Console.WriteLine($"== {name}");
    var figures = new Figures(name);
    var started = DateTime.UtcNow;
    try
    {
        await run(context, figures);
    }
    catch (Exception exception) when (exception is InvalidOperationException or IOException or OperationCanceledException or HttpRequestException)
    {
        figures.Check(false, $"{exception.GetType().Name}: {exception.Message}");
    }

    figures.Note($"took {(DateTime.UtcNow - started).TotalSeconds:F0} s");
    results.Add(figures);
}

Figures.Print(results);
Console.WriteLine($"connector received {connector.Received} posts from the bot");
return results.All(r => r.Passed != false) ? 0 : 1;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
