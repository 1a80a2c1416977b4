namespace Dashboard.Application.Common;

/// <summary>
/// Creates a short-lived context bound to one tenant. Pages and services pass the caller's tenant;
/// jobs pass the tenant id they were enqueued with. There is no "current tenant" ambient state.
/// </summary>
public interface ITenantDbContextFactory
{
    IAppDbContext CreateForTenant(Guid tenantId);
}
