using Dashboard.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <inheritdoc />
internal sealed class TenantDbContextFactory(IDbContextFactory<DashboardDbContext> factory) : ITenantDbContextFactory
{
    public IAppDbContext CreateForTenant(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id is required.", nameof(tenantId));
        }

        var context = factory.CreateDbContext();
        context.BindTenant(tenantId);
        return context;
    }
}
