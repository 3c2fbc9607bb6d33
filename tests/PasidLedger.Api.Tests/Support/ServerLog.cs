using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PasidLedger.Api.Tests.Support;

/// <summary>Keeps the service's error logs, so a failing test can show the exception behind a response.</summary>
public sealed class ServerLog : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Errors = new();

    /// <summary>The last few error entries of the whole run.</summary>
    public static string Recent(int count = 3) => string.Join("\n", Errors.Reverse().Take(count));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Errors.Enqueue($"[{category}] {formatter(state, exception)} {exception}");
            }
        }
    }
}
