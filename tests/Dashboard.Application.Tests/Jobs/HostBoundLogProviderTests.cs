using Dashboard.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace Dashboard.Application.Tests.Jobs;

public sealed class HostBoundLogProviderTests
{
    [Fact]
    public void GetLogger_WritesThroughTheHostsLoggerFactoryWhileItLives()
    {
        var sink = new CountingProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        var log = new HostBoundLogProvider(factory).GetLogger("Hangfire.Test");

        Assert.True(log.Log(HangfireLogLevel.Warn, () => "hello"));
        Assert.Equal(1, sink.Count);
    }

    [Fact]
    public void GetLogger_AfterTheHostIsDisposed_ReturnsASilentLoggerInsteadOfThrowing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HostBoundLogProvider(factory);
        factory.Dispose();

        var log = provider.GetLogger("Hangfire.Test");

        Assert.False(log.Log(HangfireLogLevel.Error, () => "lost", new InvalidOperationException()));
    }

    private sealed class CountingProvider : ILoggerProvider
    {
        public int Count { get; private set; }

        public ILogger CreateLogger(string categoryName) => new Counter(this);

        public void Dispose()
        {
        }

        private sealed class Counter(CountingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => owner.Count++;
        }
    }
}
