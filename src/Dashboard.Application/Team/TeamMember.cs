namespace Dashboard.Application.Team;

/// <summary>A person of the caller's tenant, as the Team page lists them.</summary>
public sealed record TeamMember(
    string UserId, string Email, string? DisplayName, string Role, bool IsDisabled, bool TwoFactorEnabled, bool IsLockedOut);
