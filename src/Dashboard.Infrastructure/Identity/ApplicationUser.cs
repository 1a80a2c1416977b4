using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// A person who signs in to the dashboard. Belongs to one tenant, but is deliberately NOT behind the
/// tenant query filter: sign-in must find a user by e-mail before any tenant is known. Every query
/// that lists or changes users (the Team service) filters by tenant explicitly.
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid TenantId { get; set; }

    public string? DisplayName { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
