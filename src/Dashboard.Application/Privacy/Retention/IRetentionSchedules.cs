namespace Dashboard.Application.Privacy.Retention;

/// <summary>
/// The daily retention run of each organisation that set a retention period (a Hangfire recurring job in production).
/// Its id holds only the tenant id, never tenant data.
/// </summary>
public interface IRetentionSchedules
{
    /// <summary>Creates the tenant's daily run when <paramref name="enabled"/>, removes it otherwise.</summary>
    void Apply(Guid tenantId, bool enabled);
}
