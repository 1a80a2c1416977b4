namespace Dashboard.Domain.Identity;

/// <summary>The roles a tenant's people can have. Names are stored in Identity's role table.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string ComplianceOfficer = "ComplianceOfficer";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer, ComplianceOfficer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        ComplianceOfficer => "Compliance officer",
        _ => role,
    };
}
