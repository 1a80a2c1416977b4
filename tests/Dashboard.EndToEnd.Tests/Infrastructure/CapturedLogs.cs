using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>The app's warnings, errors and logged exceptions, kept so a test can check what the server logged while a browser used it.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Any level when there is an exception: the framework logs some (a failed JavaScript call of a
            // disposed component among them) below Warning.
            if (logLevel >= LogLevel.Warning || exception is not null || category.Contains("Circuit", StringComparison.Ordinal))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
