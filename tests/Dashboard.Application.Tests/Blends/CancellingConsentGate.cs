using Dashboard.Application.Privacy;

namespace Dashboard.Application.Tests.Blends;

/// <summary>Cancels the job's token when the job asks whom it may read, the way "Cancel" on a running job would.</summary>
internal sealed class CancellingConsentGate(CancellationTokenSource cancel) : IConsentGate
{
    public async Task<ConsentedEndUsers> EndUsersAllowedAsync(Guid tenantId, string purpose, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        await cancel.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("The job was given another token than the one cancelled.");
    }

    public ValueTask<bool> AllowsAsync(Guid tenantId, string purpose, string storedEndUserId, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public void ConsentChanged(Guid tenantId)
    {
    }

    public void ConsentAppended(Guid tenantId)
    {
    }

    public void EndUserErased(Guid tenantId, string storedEndUserId)
    {
    }
}
