using System.ComponentModel.DataAnnotations;

namespace Dashboard.Infrastructure.Demo;

/// <summary>Section "Demo": the demo organisation created on an empty database.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>The documented demo password (README); printed at start-up only when unchanged.</summary>
    public const string DefaultPassword = "Demo-Retail-2026";

    public bool Enabled { get; set; } = true;

    [Required]
    public string OrganisationName { get; set; } = "Demo Retail";

    /// <summary>Mail domain of the three demo users (admin@, marketer@, compliance@).</summary>
    [Required]
    public string EmailDomain { get; set; } = "demo.local";

    private static readonly string[] AccountNames = ["admin", "marketer", "compliance"];

    /// <summary>Whether <paramref name="email"/> is one of the three users DemoSeeder creates.</summary>
    public bool IsDemoAccount(string? email) =>
        Enabled && email is not null
        && AccountNames.Any(local =>
            string.Equals(email, $"{local}@{EmailDomain}", StringComparison.OrdinalIgnoreCase));

    /// <summary>Password of the three demo users; printed at start-up and listed in the README.</summary>
    [Required]
    [MinLength(12)]
    public string Password { get; set; } = DefaultPassword;
}
