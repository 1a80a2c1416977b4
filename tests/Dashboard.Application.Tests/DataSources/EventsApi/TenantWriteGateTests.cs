using Dashboard.Application.DataSources.EventsApi;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class TenantWriteGateTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    private static TenantWriteGate Gate(int queue = 8) => new(Options.Create(new EventsApiOptions { WriteQueueLimit = queue }));

    [Fact]
    public async Task SecondWriteOfTheSameOrganisation_WaitsUntilTheFirstIsDone()
    {
        var gate = Gate();
        var first = await gate.EnterAsync(TenantB, CancellationToken.None);

        var second = gate.EnterAsync(TenantB, CancellationToken.None);
        Assert.False(second.IsCompleted);

        first!.Dispose();
        (await second)!.Dispose();
        Assert.Equal(0, gate.Holders(TenantB));
    }

    [Fact]
    public async Task AnotherOrganisation_DoesNotWaitForTheBusyOne()
    {
        var gate = Gate();
        using var busy = await gate.EnterAsync(TenantB, CancellationToken.None);

        var other = gate.EnterAsync(TenantA, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.NotNull(await other);
    }

    [Fact]
    public async Task AFullQueue_IsRefusedAtOnce_AndHasRoomAgainWhenAWriteEnds()
    {
        var gate = Gate(queue: 1);
        var running = await gate.EnterAsync(TenantB, CancellationToken.None);
        var waiting = gate.EnterAsync(TenantB, CancellationToken.None);

        var refused = await gate.EnterAsync(TenantB, CancellationToken.None);
        running!.Dispose();
        var next = (await waiting)!;
        var admitted = gate.EnterAsync(TenantB, CancellationToken.None);

        Assert.Null(refused);
        Assert.False(admitted.IsCompleted);
        next.Dispose();
        (await admitted)!.Dispose();
    }

    [Fact]
    public async Task AWaitCancelled_GivesUpItsPlaceInTheQueue()
    {
        var gate = Gate(queue: 1);
        using var running = await gate.EnterAsync(TenantB, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(TenantB, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, gate.Holders(TenantB));
    }
}
