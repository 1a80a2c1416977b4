namespace Dashboard.Infrastructure.Identity;

/// <summary>Claims the dashboard adds to a signed-in user's principal.</summary>
public static class DashboardClaimTypes
{
    public const string TenantId = "dashboard:tenant_id";
    public const string TenantName = "dashboard:tenant_name";
}
