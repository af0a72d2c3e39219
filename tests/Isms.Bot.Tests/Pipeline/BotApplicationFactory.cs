using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Isms.Bot.Tests.Pipeline;

/// <summary>
/// The real ASP.NET Core host on a LiteDB file in its own directory. Two factories on the same directory,
/// one after the other, are a restart of the bot.
/// </summary>
public sealed class BotApplicationFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public ConcurrentQueue<LogEntry> Logs { get; } = new();

    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        // The Hangfire server stays off unless a test turns it on: jobs due by the real clock would message test users.
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Directory:Path", TestStaffDirectory.WriteInto(dataDirectory));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(Logs))));
    }

    public static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "isms-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message);

/// <summary>Collects log lines so tests can check what the log says (and what it must not say).</summary>
public sealed class ListLoggerProvider(ConcurrentQueue<LogEntry> entries) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception)));
    }
}
