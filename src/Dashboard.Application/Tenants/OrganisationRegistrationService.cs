using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Domain.Tenancy;

namespace Dashboard.Application.Tenants;

/// <summary>"Register organisation": validates the input and creates the tenant with its first Admin.</summary>
public sealed class OrganisationRegistrationService(IIdentityService identity)
{
    public async Task<RegistrationOutcome> RegisterAsync(string? organisationName, string? email, string? password, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var name = organisationName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add("Enter the organisation's name.");
        }
        else if (name.Length > Tenant.NameMaxLength)
        {
            errors.Add($"The organisation's name can be at most {Tenant.NameMaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("Enter your e-mail address.");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("Choose a password.");
        }

        if (errors.Count > 0)
        {
            return new RegistrationOutcome(Result.Failure(errors), Guid.Empty, null);
        }

        return await identity.RegisterOrganisationAsync(name, email!.Trim(), password!, cancellationToken: cancellationToken);
    }
}
