using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Lets one events-API write per organisation run at a time, with a short queue behind it. SQLite has a
/// single writer for every organisation, so without this one organisation sending many heavy requests at
/// once keeps the others' small writes waiting behind all of them; with it, another organisation waits
/// for at most one of them. A full queue is refused at once (the caller answers 429) rather than growing.
/// </summary>
public sealed class TenantWriteGate(IOptions<EventsApiOptions> options)
{
    private readonly Dictionary<Guid, Turn> _turns = [];

    /// <summary>
    /// Waits for the organisation's turn and returns it; dispose it when the write is done. Null when
    /// <see cref="EventsApiOptions.WriteQueueLimit"/> writes of the organisation are already waiting.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(tenantId, out turn!))
            {
                turn = new Turn();
                _turns[tenantId] = turn;
            }

            // Holders counts the write running and those waiting behind it.
            if (turn.Holders > options.Value.WriteQueueLimit)
            {
                return null;
            }

            turn.Holders++;
        }

        try
        {
            await turn.Semaphore.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Leave(tenantId, turn, release: false);
            throw;
        }

        return new Lease(this, tenantId, turn);
    }

    /// <summary>Writes of the organisation running or waiting now (for tests and diagnostics).</summary>
    public int Holders(Guid tenantId)
    {
        lock (_turns)
        {
            return _turns.TryGetValue(tenantId, out var turn) ? turn.Holders : 0;
        }
    }

    private void Leave(Guid tenantId, Turn turn, bool release)
    {
        lock (_turns)
        {
            // Idle organisations leave no entry behind, so the dictionary holds only those writing now.
            if (--turn.Holders == 0)
            {
                _turns.Remove(tenantId);
            }
        }

        if (release)
        {
            turn.Semaphore.Release();
        }
    }

    private sealed class Turn
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Holders { get; set; }
    }

    private sealed class Lease(TenantWriteGate gate, Guid tenantId, Turn turn) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(tenantId, turn, release: true);
            }
        }
    }
}
