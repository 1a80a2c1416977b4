using Dashboard.Web.Components.Shared;
using Microsoft.JSInterop;

namespace Dashboard.Web.Tests.Components;

public sealed class PollerTests
{
    [Fact]
    public async Task RefreshFailingBecauseTheBrowserLeft_StopsPolling_AndDisposalDoesNotThrow()
    {
        var calls = 0;
        var failed = new TaskCompletionSource();
        var poller = new Poller(TimeSpan.FromMilliseconds(10), () =>
        {
            calls++;
            failed.TrySetResult();
            throw new JSDisconnectedException("The circuit is gone.");
        });

        poller.EnsureRunning();
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(100);

        Assert.Equal(1, calls);
        await poller.DisposeAsync();
    }

    [Fact]
    public async Task OtherRefreshFailures_StillSurfaceWhenThePageDisposesThePoller()
    {
        var failed = new TaskCompletionSource();
        var poller = new Poller(TimeSpan.FromMilliseconds(10), () =>
        {
            failed.TrySetResult();
            throw new InvalidOperationException("A bug in the page.");
        });

        poller.EnsureRunning();
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<InvalidOperationException>(() => poller.DisposeAsync().AsTask());
    }
}
