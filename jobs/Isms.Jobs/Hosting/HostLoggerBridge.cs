using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace Isms.Jobs.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide, and some Hangfire types (the SQLite storage's distributed lock) create
/// their logger once, in a static initializer. Hangfire's own ASP.NET Core provider creates that logger from the
/// host's ILoggerFactory on the spot, which throws in a type initializer when an earlier host in the same process
/// (tests, a restart in place) has disposed its factory, and breaks the type for the rest of the process. This
/// provider creates each logger when it first logs, and a disposed factory means the message is dropped.
/// </summary>
public sealed class HostLoggerBridge(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name) => new LazyLog(factory, name);

    private sealed class LazyLog(ILoggerFactory factory, string name) : Hangfire.Logging.ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var level = ToLevel(logLevel);
            if (messageFunc is null)
            {
                return _logger.IsEnabled(level);
            }

            if (_logger.IsEnabled(level))
            {
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
                _logger.Log(level, 0, exception, messageFunc());
#pragma warning restore CA2254
            }

            return true;
        }

        private static LogLevel ToLevel(HangfireLogLevel level) => level switch
        {
            HangfireLogLevel.Trace => LogLevel.Trace,
            HangfireLogLevel.Debug => LogLevel.Debug,
            HangfireLogLevel.Info => LogLevel.Information,
            HangfireLogLevel.Warn => LogLevel.Warning,
            HangfireLogLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }
}
