using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

internal static class PrivacyTestKit
{
    /// <summary>
    /// Seven end-users over (age, postcode) with a sensitive diagnosis. With age in bands of 10 and postcodes cut to
    /// 3 characters the classes are (30–39, 750**) ×3, (40–49, 750**) ×2, (40–49, 690**) ×1 and (50–59, 690**) ×1.
    /// </summary>
    public static readonly (string Id, string Age, string Postcode, string Diagnosis)[] People =
    [
        ("u1", "31", "75011", "flu"),
        ("u2", "35", "75012", "asthma"),
        ("u3", "39", "75001", "flu"),
        ("u4", "41", "75019", "flu"),
        ("u5", "44", "75002", "flu"),
        ("u6", "47", "69001", "diabetes"),
        ("u7", "52", "69003", "asthma"),
    ];

    /// <summary>A host whose "encryption at rest" marks sensitive values, so a reader that forgets to unprotect shows it.</summary>
    public static async Task<(TestHost Host, CallerContext Admin)> StartAsync()
    {
        var host = await TestHost.StartAsync(s => s.AddSingleton<IAttributeValueProtector, MarkingProtector>());
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        return (host, admin);
    }

    public static async Task SeedPeopleAsync(TestHost host, Guid tenantId)
    {
        var protector = host.Services.GetRequiredService<IAttributeValueProtector>();
        await using var db = host.CreateTenantContext(tenantId);
        foreach (var (id, age, postcode, diagnosis) in People)
        {
            db.EndUsers.Add(new EndUser
            {
                ExternalId = id,
                Attributes =
                [
                    new EndUserAttribute { Key = "age", Value = age, IsQuasiIdentifier = true },
                    new EndUserAttribute { Key = "postcode", Value = postcode, IsQuasiIdentifier = true },
                    new EndUserAttribute { Key = "diagnosis", Value = protector.Protect(tenantId, diagnosis), IsSensitive = true },
                    new EndUserAttribute { Key = "newsletter", Value = "yes" },
                ],
            });
        }

        await db.SaveChangesAsync();
    }

    public sealed class MarkingProtector : IAttributeValueProtector
    {
        private const string Mark = "sealed:";

        public string Protect(Guid tenantId, string value) => Mark + value;

        public string Unprotect(Guid tenantId, string storedValue) =>
            storedValue.StartsWith(Mark, StringComparison.Ordinal) ? storedValue[Mark.Length..] : throw new InvalidOperationException("Not a protected value.");
    }
}
