using Isms.Jobs.Hosting;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace Isms.Jobs.Tests.Hosting;

public sealed class HostLoggerBridgeFacts
{
    [Fact]
    public void ALoggerTakenBeforeItsHostStopped_DropsMessagesAfterwards_InsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var log = new HostLoggerBridge(factory).GetLogger("Hangfire.Storage.SQLite.SQLiteDistributedLock");
        factory.Dispose();

        var logged = log.Log(HangfireLogLevel.Info, () => "lock acquired");

        Assert.False(logged);
    }

    [Fact]
    public void Messages_GoToTheHostsLogger_AtTheMatchingLevel()
    {
        var provider = new Recording();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        var log = new HostLoggerBridge(factory).GetLogger("Hangfire.Server");

        Assert.True(log.Log(HangfireLogLevel.Warn, () => "retrying"));
        Assert.True(log.Log(HangfireLogLevel.Info, null));
        Assert.False(log.Log(HangfireLogLevel.Trace, null));

        Assert.Equal([(LogLevel.Warning, "Hangfire.Server", "retrying")], provider.Entries);
    }

    private sealed class Recording : ILoggerProvider
    {
        public List<(LogLevel, string, string)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, List<(LogLevel, string, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Add((logLevel, category, formatter(state, exception)));
        }
    }
}
