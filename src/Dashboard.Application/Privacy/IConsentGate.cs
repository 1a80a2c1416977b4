namespace Dashboard.Application.Privacy;

/// <summary>
/// The one query of the end-users whose data may be used for a purpose at a time. Training and
/// personalised serving both ask it; nothing else decides whose data is used.
/// </summary>
public interface IConsentGate
{
    Task<ConsentedEndUsers> EndUsersAllowedAsync(Guid tenantId, Purpose purpose, DateTime asOfUtc, CancellationToken cancellationToken);
}
