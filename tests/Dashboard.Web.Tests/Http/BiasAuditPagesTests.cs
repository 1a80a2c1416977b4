using System.Net;
using Dashboard.Application.Common;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class BiasAuditPagesTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("marketer@demo.local")]
    [InlineData("compliance@demo.local")]
    public async Task Every_dashboard_role_gets_the_audit_list_and_an_audit(string email)
    {
        var auditId = await SeedAuditAsync("Demo Retail");
        using var client = await SignIn.AsAsync(factory, email);

        var list = await client.GetAsync("/bias-audits");
        var detail = await client.GetAsync($"/bias-audits/{auditId}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, detail.StatusCode));
        Assert.Contains("Bias audits", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("version 2", await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_audit_does_not_exist_here()
    {
        var auditId = await SeedAuditAsync("Rival Retail");
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var html = await client.GetStringAsync($"/bias-audits/{auditId}");

        Assert.Contains("That bias audit does not exist.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rival", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_not_served_an_audit()
    {
        var auditId = await SeedAuditAsync("Demo Retail");
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync($"/bias-audits/{auditId}");

        Assert.DoesNotContain("blocking", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A blend whose version 2 was held back by a planted bias, in the named organisation (created if missing).</summary>
    private async Task<Guid> SeedAuditAsync(string organisation)
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Name == organisation);
            if (tenant is null)
            {
                tenant = new Tenant { Id = Guid.NewGuid(), Name = organisation, NormalizedName = Tenant.Normalize(organisation), CreatedAtUtc = DateTime.UtcNow };
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync();
            }

            tenantId = tenant.Id;
        }

        await using var tenantDb = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var blend = await BiasAuditSeed.BlendAsync(tenantDb, $"{organisation} {Guid.NewGuid():N}"[..24]);
        var version = await BiasAuditSeed.VersionAsync(tenantDb, blend, 2, ReleaseReview.AwaitingReview, DateTime.UtcNow);
        return await BiasAuditSeed.AuditAsync(tenantDb, version, BiasAuditSeed.Document(plantedBias: true), DateTime.UtcNow);
    }
}
