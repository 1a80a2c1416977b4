using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Re-runs a refresh callback on an interval while <c>keepGoing</c> says so (e.g. while a job runs),
/// then stops by itself. Owned and disposed by the page.
/// </summary>
public sealed class Poller(TimeSpan interval, Func<Task<bool>> refresh) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Starts the loop unless it is already running.</summary>
    public void EnsureRunning()
    {
        if (_loop is { IsCompleted: false } || _stop.IsCancellationRequested)
        {
            return;
        }

        _loop = RunAsync();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!await refresh())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone (tab closed, connection lost) while a refresh ran: nobody is left to show
            // anything to, so polling ends quietly instead of failing the page's disposal with this exception.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
