using Hangfire.Logging;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide (a static), while ASP.NET Core's logger factory belongs to
/// one host. When a process builds more than one host — the test suites start a host per test class —
/// the provider can point at a host that has already been disposed, and Hangfire then throws
/// <see cref="ObjectDisposedException"/> while merely creating a logger (for example when a job is
/// enqueued). This provider writes to the host's loggers while that host lives and stays silent after.
/// </summary>
internal sealed class HostBoundLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
