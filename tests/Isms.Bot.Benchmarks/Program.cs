using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// Sends N Teams message activities through POST /api/messages (deliveryMode expectReplies) from C concurrent
// conversations, first to a bare echo bot on the same host and pipeline, then to the real bot, and prints
// p50/p95 latency and throughput of each and their ratio. The host runs in-process on ASP.NET Core's TestServer,
// so the figures are the pipeline's and the bot's own cost, without sockets.
namespace Isms.Bot.Benchmarks;

internal static class LoadBenchmark
{
    public static async Task Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        // WebApplicationFactory finds the host's content root from this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ISMS_BOT", FindBotProjectDirectory());
        Console.WriteLine($"messages: {options.Messages}, concurrent conversations: {options.Concurrency}, text: \"{options.Text}\"");

        var echo = await RunAsync("echo handler", options, useEchoBot: true);
        var bot = await RunAsync("Isms bot", options, useEchoBot: false);

        Console.WriteLine();
        Console.WriteLine($"{"handler",-14} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"msg/s",8}");
        foreach (var result in new[] { echo, bot })
        {
            Console.WriteLine($"{result.Name,-14} {result.P50,8:F2} {result.P95,8:F2} {result.Max,8:F2} {result.Throughput,8:F0}");
        }

        Console.WriteLine($"overhead ratio (bot / echo): p50 {bot.P50 / echo.P50:F2}x, p95 {bot.P95 / echo.P95:F2}x, throughput {echo.Throughput / bot.Throughput:F2}x");

        static async Task<Result> RunAsync(string name, BenchmarkOptions options, bool useEchoBot)
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "isms-bench", Guid.NewGuid().ToString("N"));
            await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development"); // no app id: the bot starts only in Development
                builder.UseSetting("Storage:DataDirectory", dataDirectory);
                builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
                if (useEchoBot)
                {
                    builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Transient<IBot, EchoBot>()));
                }
            });
            var client = factory.CreateClient();

            // Warm-up: JIT, the first LiteDB writes, the knowledge index.
            for (var i = 0; i < Math.Min(50, options.Messages); i++)
            {
                await SendAsync(client, Activities.Message($"warm-{i % options.Concurrency}", options.Text));
            }

            var latencies = new double[options.Messages];
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < options.Messages)
                {
                    var started = Stopwatch.GetTimestamp();
                    await SendAsync(client, Activities.Message($"conv-{worker}", options.Text));
                    latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            await Task.WhenAll(workers);
            clock.Stop();

            Array.Sort(latencies);
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }

            return new Result(name, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1],
                options.Messages / clock.Elapsed.TotalSeconds);
        }

        static string FindBotProjectDirectory()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Isms.Bot.sln")))
                {
                    return Path.Combine(directory.FullName, "bot", "Isms.Bot");
                }
            }

            throw new InvalidOperationException("Run the benchmark from inside the repository (Isms.Bot.sln not found).");
        }

        static async Task SendAsync(HttpClient client, JsonObject activity)
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !body.Contains("\"activities\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The bot answered {(int)response.StatusCode} without replies.");
            }
        }

        static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

internal sealed record Result(string Name, double P50, double P95, double Max, double Throughput);

internal sealed record BenchmarkOptions(int Messages, int Concurrency, string Text)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var messages = 2000;
        var concurrency = 8;
        var text = "USBメモリで資料を持ち帰ってもいい？";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--messages": messages = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--text": text = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Use --messages N --concurrency C --text T.");
            }
        }

        return new BenchmarkOptions(Math.Max(1, messages), Math.Max(1, concurrency), text);
    }
}

/// <summary>The baseline: replies with the text it received, nothing else.</summary>
internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(turnContext.Activity.Text, cancellationToken: cancellationToken);
}

internal static class Activities
{
    public static JsonObject Message(string conversation, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = "http://localhost:56150/_connector",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:{conversation}", ["name"] = "ベンチ 太郎", ["aadObjectId"] = $"aad-{conversation}" },
        ["recipient"] = new JsonObject { ["id"] = "28:isms-bot", ["name"] = "情報セキュリティ相談" },
        ["conversation"] = new JsonObject { ["id"] = $"a:{conversation}", ["conversationType"] = "personal" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "bench-tenant" } },
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
    };
}
