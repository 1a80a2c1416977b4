using System.Threading.Channels;
using Dashboard.Application.Common;
using Dashboard.Domain.Recommendations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// Writes the lists the serving API answered with to <see cref="ServedRecommendation"/>, off the request
/// path: a request only puts its list into a bounded channel (no database round trip, no lock), and this
/// background writer stores what has arrived in batches, one transaction per tenant. When the database
/// falls behind and the channel is full, lists are dropped and counted rather than slowing serving down;
/// feedback on a dropped list is still stored under its id. Lists still in the channel when the process
/// stops are written before it ends.
/// </summary>
public sealed partial class ServedRecommendationLog(ITenantDbContextFactory dbFactory, ILogger<ServedRecommendationLog> logger) : BackgroundService
{
    public const int Capacity = 50_000;
    public const int MaxBatch = 1_000;

    private readonly Channel<ServedRecommendation> _channel = Channel.CreateBounded<ServedRecommendation>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // One drain at a time, so a flush returns only after lists the background writer already took are stored.
    private readonly SemaphoreSlim _writing = new(1, 1);

    private long _dropped;

    /// <summary>Lists not logged because the channel was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(ServedRecommendation served)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (!_channel.Writer.TryWrite(served))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Writes everything queued so far, including lists the background writer is storing now (tests, and the end of the process).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<ServedRecommendation>(MaxBatch);
            while (_channel.Reader.TryRead(out var served))
            {
                batch.Add(served);
                if (batch.Count == MaxBatch)
                {
                    await WriteAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }

            await WriteAsync(batch, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task WriteAsync(List<ServedRecommendation> batch, CancellationToken cancellationToken)
    {
        foreach (var tenant in batch.GroupBy(s => s.TenantId))
        {
            try
            {
                await using var db = dbFactory.CreateForTenant(tenant.Key);
                db.ServedRecommendations.AddRange(tenant);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Serving goes on; only the log of these lists is lost.
                LogWriteFailed(logger, ex, tenant.Count(), tenant.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not log {Count} served recommendation lists of tenant {TenantId}.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, Guid tenantId);
}
