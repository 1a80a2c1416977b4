using System.Collections.Concurrent;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Http;

/// <summary>The app tells a person, once it serves, that it is ready and how to sign in to the demo.</summary>
public sealed class ReadyLineLogTests
{
    [Fact]
    public void Startup_LogsTheReadyLineWithTheDemoSignIns()
    {
        var log = new CapturingProvider();
        using var factory = new DashboardFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));

        _ = app.Server;

        var ready = Assert.Single(log.Messages, m => m.StartsWith("Dashboard is ready", StringComparison.Ordinal));
        Assert.Contains("sign in as admin@demo.local / marketer@demo.local / compliance@demo.local, password " + DashboardFactory.DemoPassword, ready, StringComparison.Ordinal);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
