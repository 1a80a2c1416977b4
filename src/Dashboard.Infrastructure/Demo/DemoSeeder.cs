using System.Text.Json;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Demo;

/// <summary>
/// On an empty database (no organisation yet) with Demo:Enabled, creates "Demo Retail" with an Admin,
/// a Marketer and a Compliance officer, and a sample-data source whose import it queues, followed by a training of the default blend
/// (its seeded review history is <see cref="DemoHistory"/>'s).
/// </summary>
public sealed class DemoSeeder(
    DashboardDbContext db,
    ITenantDbContextFactory tenants,
    IIdentityService identity,
    IJobScheduler scheduler,
    IOptions<DemoOptions> demo,
    IOptions<SampleDataOptions> sampleData,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Who the audit log and the Jobs page credit with what the demo set-up does: no person asked for it.</summary>
    public const string Actor = "the app (demo set-up)";

    /// <summary>The demo's sample-data source, as the data sources list names it.</summary>
    public const string SourceName = "Sample data (E-commerce)";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var options = demo.Value;
        if (!options.Enabled || await db.Tenants.AnyAsync(cancellationToken))
        {
            return;
        }

        var admin = $"admin@{options.EmailDomain}";
        var registered = await identity.RegisterOrganisationAsync(options.OrganisationName, admin, options.Password, Actor, cancellationToken);
        if (!registered.Result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo organisation: " + string.Join(" ", registered.Result.Errors));
        }

        foreach (var (local, role) in new[] { ("marketer", Roles.Marketer), ("compliance", Roles.ComplianceOfficer) })
        {
            var result = await identity.CreateMemberAsync(registered.TenantId, $"{local}@{options.EmailDomain}", null, options.Password, role, cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo {role}: " + string.Join(" ", result.Errors));
            }
        }

        // Through a sample-data source, so the data sources list shows where the demo's data came from.
        await using (var tenantDb = tenants.CreateForTenant(registered.TenantId))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var source = new DataSource
            {
                Id = Guid.CreateVersion7(), Name = SourceName, Kind = DataSourceKind.SampleData, Mode = ImportMode.Replace, CreatedAtUtc = now,
                SampleTemplate = SampleCatalogTemplates.ECommerce, SampleOptionsJson = JsonSerializer.Serialize(sampleData.Value),
            };
            tenantDb.DataSources.Add(source);
            var caller = CallerContext.ForSystem(registered.TenantId, Actor);
            var imports = ImportRequests.Enqueue(tenantDb, scheduler, source, [DatasetKind.Interactions], caller, now);

            // The default blend trains once the sample data is in; its version is audited, and DemoHistory takes it from there.
            var blend = await tenantDb.Blends.FirstAsync(b => b.Name == BlendDefaults.DefaultBlendName, cancellationToken);
            scheduler.Enqueue(tenantDb, new TrainModelParameters(blend.Id, imports[0].JobRunId), caller);
            await tenantDb.SaveChangesAsync(cancellationToken);
        }

        // The shipped demo password is public (README), so printing it leaks nothing; a password an
        // operator configured is never written to the log.
        var password = options.Password == DemoOptions.DefaultPassword ? options.Password : "(the value of Demo:Password)";
        logger.LogWarning(
            "Demo organisation \"{Organisation}\" created. Sign in as {Admin}, marketer@{Domain} or compliance@{Domain} with password {Password}. Sample data is being generated (see Jobs).",
            options.OrganisationName, admin, options.EmailDomain, options.EmailDomain, password);
    }
}
