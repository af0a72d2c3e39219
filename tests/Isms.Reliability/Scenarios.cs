using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Reliability;

/// <summary>What every scenario shares: paths, the connector, the bounds given on the command line.</summary>
public sealed record Context(Paths Paths, LoopbackConnector Connector, TimeSpan Duration, int People, int Submitters, int KillRounds)
{
    public static readonly string[] Questions =
        ["USBメモリで資料を持ち帰ってもいい？", "ヘルプ", "申請状況", "パスワードは何文字以上にすればいい？", "クラウドサービスを使いたい", "メール誤送信しちゃったらどうする？"];

    public HttpClient Http(BotUnderTest bot) => new() { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<BotUnderTest> StartAsync(string dataDirectory, string name, Figures figures, IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = BotUnderTest.Launch(Paths, dataDirectory, Path.Combine(Paths.Run, name + ".log"), settings);
        if (!await bot.WaitHealthyAsync(TimeSpan.FromMinutes(3)))
        {
            figures.Check(false, $"the bot started (see {bot.LogPath})");
            throw new InvalidOperationException($"The bot did not become healthy; see {bot.LogPath}.");
        }

        return bot;
    }

    /// <summary>Acknowledged numbers found in the data files (read after the bot stopped).</summary>
    public static int CountStored(string dataDirectory, IEnumerable<string> numbers)
    {
        using var database = IsmsDatabase.Open(new StorageOptions { DataDirectory = dataDirectory }, dataDirectory);
        var store = new LiteDbRequestStore(database);
        return numbers.Count(n => store.FindByNumber(n) is not null);
    }

    /// <summary>Turns from <paramref name="people"/> people (numbered from <paramref name="first"/>) until the deadline.</summary>
    public async Task TalkAsync(HttpClient http, Figures figures, int first, int people, DateTime until, CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(Enumerable.Range(first, people).Select(p => Task.Run(async () =>
        {
            var client = new TeamsClient(http, Connector.ServiceUrl, p);
            for (var i = p; DateTime.UtcNow < until && !cancellationToken.IsCancellationRequested; i++)
            {
                figures.Add(await client.SayAsync(Questions[i % Questions.Length], cancellationToken));
            }
        }, cancellationToken)));
    }
}

/// <summary>Load, parallel submissions, kill -9 mid-burst and a second instance.</summary>
public static class Scenarios
{
    public static async Task LoadAsync(Context c, Figures f)
    {
        var data = c.Paths.NewDataDirectory("load");
        await using var bot = await c.StartAsync(data, "load", f);
        using var http = c.Http(bot);
        f.RssStart = bot.RssMiB();
        var until = DateTime.UtcNow + c.Duration;
        var sampler = Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                f.SampleRss(bot.RssMiB());
                await Task.Delay(1000);
            }
        });
        await c.TalkAsync(http, f, 1, c.People, until);
        await sampler;
        f.RssEnd = bot.RssMiB();
        f.Note(string.Create(CultureInfo.InvariantCulture, $"{c.People} people for {c.Duration.TotalSeconds:F0} s: {f.Turns / c.Duration.TotalSeconds:F0} turns/s"));
        f.Check(f.Errors == 0, $"no failed turn ({f.Errors} of {f.Turns})");
        f.Check(await bot.HealthAsync(http) == HttpStatusCode.OK, "/healthz 200 after the load");
    }

    public static async Task SubmissionsAsync(Context c, Figures f)
    {
        var data = c.Paths.NewDataDirectory("submissions");
        var numbers = new ConcurrentBag<string>();
        await using (var bot = await c.StartAsync(data, "submissions", f))
        {
            using var http = c.Http(bot);
            f.RssStart = bot.RssMiB();
            await Task.WhenAll(Enumerable.Range(1, c.Submitters).Select(p => Task.Run(async () =>
            {
                if (await new TeamsClient(http, c.Connector.ServiceUrl, p).SubmitTakeoutAsync() is { } number)
                {
                    numbers.Add(number);
                }
            })));
            f.RssEnd = bot.RssMiB();
        }

        var sequence = numbers.Select(n => int.Parse(n[^4..], CultureInfo.InvariantCulture)).Order().ToList();
        f.Acknowledged = numbers.Count;
        f.Stored = Context.CountStored(data, numbers);
        f.Note($"numbers {numbers.Min()} … {numbers.Max()}");
        f.Check(numbers.Count == c.Submitters, $"every one of {c.Submitters} parallel submissions acknowledged ({numbers.Count})");
        f.Check(sequence.Distinct().Count() == sequence.Count && sequence[^1] - sequence[0] + 1 == sequence.Count, "numbered without gaps or repeats");
        f.Check(f.Stored == f.Acknowledged, "every acknowledged record stored");
    }

    public static async Task KillAsync(Context c, Figures f)
    {
        var data = c.Paths.NewDataDirectory("kill");
        var acknowledged = new ConcurrentBag<string>();
        var random = new Random(13);
        for (var round = 1; round <= c.KillRounds; round++)
        {
            var bot = await c.StartAsync(data, $"kill-{round}", f);
            using var http = c.Http(bot);
            using var stop = new CancellationTokenSource();
            var submitters = Enumerable.Range(1, c.Submitters).Select(p => Task.Run(async () =>
            {
                var client = new TeamsClient(http, c.Connector.ServiceUrl, p);
                while (!stop.IsCancellationRequested)
                {
                    if (await client.SubmitTakeoutAsync(stop.Token) is { } number)
                    {
                        acknowledged.Add(number);
                    }
                }
            })).ToList();
            var askers = c.TalkAsync(http, f, c.Submitters + 1, 10, DateTime.MaxValue, stop.Token);
            // Kill mid-burst, after a few submissions of this round were acknowledged (a slow machine needs longer).
            var target = acknowledged.Count + 3;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (acknowledged.Count < target && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2000)));
            f.SampleRss(bot.RssMiB());
            bot.KillHard();
            await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(submitters.Append(askers)).ContinueWith(_ => { }, TaskScheduler.Default);
            f.Note($"round {round}: killed with -9 after {acknowledged.Count} acknowledged in all");
            await bot.DisposeAsync();
        }

        await using (var after = await c.StartAsync(data, "kill-after", f))
        {
            using var http = c.Http(after);
            f.Check(await after.HealthAsync(http) == HttpStatusCode.OK, "starts again after kill -9 (the lock went with the process)");
            f.Check((await new TeamsClient(http, c.Connector.ServiceUrl, 1).SayAsync("ヘルプ")).Ok, "answers after the restart");
        }

        f.Acknowledged = acknowledged.Count;
        f.Stored = Context.CountStored(data, acknowledged);
        f.Check(acknowledged.Distinct().Count() == acknowledged.Count, "no number handed out twice");
        f.Check(f.Stored == f.Acknowledged, $"no acknowledged record lost ({f.Acknowledged - f.Stored} lost)");
    }

    public static async Task SecondInstanceAsync(Context c, Figures f)
    {
        var data = c.Paths.NewDataDirectory("second");
        await using var first = await c.StartAsync(data, "second-first", f);
        using var http = c.Http(first);
        await using var second = BotUnderTest.Launch(c.Paths, data, Path.Combine(c.Paths.Run, "second-second.log"));
        var code = await second.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var log = await File.ReadAllTextAsync(second.LogPath);

        f.Check(code == 2, $"the second instance exits with code 2 ({code})");
        f.Check(log.Contains(data, StringComparison.Ordinal) && log.Contains("another bot process is using the same data directory", StringComparison.Ordinal),
            "its message names the directory and the cause");
        f.Note(log.Split('\n').FirstOrDefault(l => l.Contains("Cannot start", StringComparison.Ordinal))?.Trim() ?? "(no message)");
        var turn = await new TeamsClient(http, c.Connector.ServiceUrl, 2).SayAsync("ヘルプ");
        f.Add(turn);
        f.Check(turn.Ok, "the first instance goes on answering");
    }
}
