using Dashboard.Domain.Identity;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>
/// The product's sections in drawer order. The drawer shows a section only to roles whose policy
/// allows it, and each page carries the same policy in its [Authorize] attribute (checked by tests).
/// </summary>
public static class NavSections
{
    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("Overview", "/", Icons.Material.Filled.Dashboard, Policies.ViewDashboard),
        new("Data sources", "/data-sources", Icons.Material.Filled.Storage, Policies.ManageDataSources),
        new("Data preview", "/data-sources/preview", Icons.Material.Filled.BarChart, Policies.ViewDashboard),
        new("Privacy", "/privacy", Icons.Material.Filled.PrivacyTip, Policies.ManagePrivacy),
        new("Algorithms", "/algorithms", Icons.Material.Filled.Tune, Policies.ViewDashboard),
        new("Campaigns", "/campaigns", Icons.Material.Filled.Campaign, Policies.ViewDashboard),
        new("Recommendations", "/recommendations", Icons.Material.Filled.Recommend, Policies.ViewDashboard),
        new("Bias audits", "/bias-audits", Icons.Material.Filled.Balance, Policies.ViewDashboard),
        new("Metrics", "/metrics", Icons.Material.Filled.Insights, Policies.ViewDashboard),
        new("Jobs", "/jobs", Icons.Material.Filled.WorkHistory, Policies.ViewDashboard),
        new("Team", "/team", Icons.Material.Filled.Group, Policies.ManageTeam),
        new("Audit log", "/audit-log", Icons.Material.Filled.History, Policies.ViewAuditLog),
    ];
}
