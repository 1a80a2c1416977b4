namespace Dashboard.Domain.Identity;

/// <summary>
/// Named capabilities and the roles that hold them. This table is the single source of truth: the web
/// app registers one authorization policy per entry, and application services check the same entry
/// before every state change, so a page and a direct service call are refused alike.
/// </summary>
public static class Policies
{
    public const string ViewDashboard = nameof(ViewDashboard);
    public const string ManageTeam = nameof(ManageTeam);
    public const string ManageDataSources = nameof(ManageDataSources);
    public const string ManagePrivacy = nameof(ManagePrivacy);
    public const string ManageBlendsAndCampaigns = nameof(ManageBlendsAndCampaigns);
    public const string SignOffAudits = nameof(SignOffAudits);
    public const string ViewAuditLog = nameof(ViewAuditLog);

    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [ViewDashboard] = [Roles.Admin, Roles.Marketer, Roles.ComplianceOfficer],
        [ManageTeam] = [Roles.Admin],
        [ManageDataSources] = [Roles.Admin, Roles.Marketer],
        [ManagePrivacy] = [Roles.Admin, Roles.ComplianceOfficer],
        [ManageBlendsAndCampaigns] = [Roles.Admin, Roles.Marketer],
        [SignOffAudits] = [Roles.ComplianceOfficer],
        [ViewAuditLog] = [Roles.Admin, Roles.ComplianceOfficer],
    };

    public static bool Allows(string policy, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return RolesByPolicy.TryGetValue(policy, out var allowed) && roles.Any(r => allowed.Contains(r, StringComparer.Ordinal));
    }
}
