using Dashboard.Application.Common;

namespace Dashboard.Application.Team;

/// <summary>Result of registering an organisation; ids are set only on success.</summary>
public sealed record RegistrationOutcome(Result Result, Guid TenantId, string? UserId);
