namespace Dashboard.Application.Privacy;

/// <summary>
/// The consent gate as it stands before consent is recorded: it allows every end-user of the tenant,
/// and says so in each model version's manifest. The privacy issue replaces this class with one that
/// reads the tenant's consent records; callers do not change.
/// </summary>
internal sealed class AllowEveryoneConsentGate : IConsentGate
{
    public const string Basis = "Every end-user was included: consent is not recorded yet.";

    public Task<ConsentedEndUsers> EndUsersAllowedAsync(Guid tenantId, Purpose purpose, DateTime asOfUtc, CancellationToken cancellationToken) =>
        Task.FromResult(ConsentedEndUsers.Everyone(Basis));
}
