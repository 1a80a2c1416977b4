using System.Diagnostics;
using System.Globalization;
using Dashboard.Application;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>
/// The k-anonymity report on a SQLite tenant of N end-users (default 100,000), each with an age and a postal code
/// (quasi-identifiers, generalised to bands of 10 and 3-character prefixes) and a gender and a loyalty tier (sensitive),
/// all deterministic (seed 42). Times the whole report as the Privacy page asks for it (read from the database,
/// generalise, classes for the set and for each attribute alone, l-diversity), three times; the target is ≤ 5 s.
/// </summary>
internal static class KAnonymityTask
{
    private const int Runs = 3;

    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("kanon", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int size)
    {
        var tenantId = Guid.NewGuid();
        using var host = await BenchHost.StartAsync(folder, s => s.AddSingleton<ICurrentUser>(new BenchCaller(tenantId)));

        var seed = Stopwatch.StartNew();
        await SeedAsync(host.Services, tenantId, size);
        Console.Error.WriteLine($"seeded {size:N0} end-users with 4 attributes each in {seed.Elapsed.TotalSeconds:F1} s");

        var seconds = new List<double>();
        IReadOnlyList<KAnonymityFigures> figures = [];
        for (var run = 0; run < Runs; run++)
        {
            GC.Collect();
            await using var scope = host.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            figures = await scope.ServiceProvider.GetRequiredService<IKAnonymityReport>().ComputeAsync(CancellationToken.None);
            seconds.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"  run {run + 1}: {seconds[^1]:F2} s");
        }

        foreach (var f in figures)
        {
            Console.Error.WriteLine($"  {KAnonymitySummary.Describe(f)} l-diversity: {string.Join(", ", f.LDiversity.Select(l => $"{l.Key} {l.Value}"))}");
        }

        var together = figures[0];
        return new BenchRow("k-anonymity", "synthetic tenant", $"k-anonymity report, {size:N0} end-users", new Dictionary<string, double>
        {
            ["best s"] = seconds.Min(),
            ["median s"] = seconds.Order().ElementAt(Runs / 2),
            ["classes"] = together.EquivalenceClasses,
            ["suppressed"] = together.EndUsersSuppressed,
            ["k achieved"] = together.KAchieved,
        }, seconds.Min(), Note: string.Create(CultureInfo.InvariantCulture, $"k = {together.K}; age bands of 10, postcode prefix 3; {Runs} runs"));
    }

    private static async Task SeedAsync(IServiceProvider services, Guid tenantId, int size)
    {
        var random = new Random(42);
        string[] genders = ["female", "male", "female", "male", "non-binary"];
        string[] tiers = ["bronze", "bronze", "bronze", "silver", "silver", "gold"];
        await using (var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            db.Tenants.Add(new Tenant { Id = tenantId, Name = "Bench", NormalizedName = Tenant.Normalize("Bench"), CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var factory = services.GetRequiredService<ITenantDbContextFactory>();
        // Sensitive values are stored encrypted, as the ingestion session stores them; the report decrypts each one.
        var protector = services.GetRequiredService<IAttributeValueProtector>();
        const int Batch = 5_000;
        for (var start = 0; start < size; start += Batch)
        {
            await using var db = factory.CreateForTenant(tenantId);
            for (var i = start; i < Math.Min(size, start + Batch); i++)
            {
                // Postal codes concentrate in a few areas, as real ones do: the square of a uniform draw skews towards low numbers.
                var area = (int)(Math.Pow(random.NextDouble(), 2) * 900) + 100;
                db.EndUsers.Add(new EndUser
                {
                    ExternalId = string.Create(CultureInfo.InvariantCulture, $"u{i}"),
                    CreatedAtUtc = DateTime.UtcNow,
                    Attributes =
                    [
                        new EndUserAttribute { Key = "age", Value = random.Next(18, 91).ToString(CultureInfo.InvariantCulture), IsQuasiIdentifier = true },
                        new EndUserAttribute { Key = "postcode", Value = string.Create(CultureInfo.InvariantCulture, $"{area}{random.Next(100):D2}"), IsQuasiIdentifier = true },
                        new EndUserAttribute { Key = "gender", Value = protector.Protect(tenantId, genders[random.Next(genders.Length)]), IsSensitive = true },
                        new EndUserAttribute { Key = "tier", Value = protector.Protect(tenantId, tiers[random.Next(tiers.Length)]), IsSensitive = true },
                    ],
                });
            }

            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateForTenant(tenantId))
        {
            db.AttributeGeneralisations.Add(new AttributeGeneralisation { Id = Guid.CreateVersion7(), AttributeKey = "age", Kind = GeneralisationKind.NumericBands, Parameter = 10 });
            db.AttributeGeneralisations.Add(new AttributeGeneralisation { Id = Guid.CreateVersion7(), AttributeKey = "postcode", Kind = GeneralisationKind.Prefix, Parameter = 3 });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The report needs ManagePrivacy; the bench acts as a system task holding it.</summary>
    private sealed class BenchCaller(Guid tenantId) : ICurrentUser
    {
        public Task<CallerContext> GetAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(CallerContext.ForSystem(tenantId, "k-anonymity benchmark") with { Grants = new HashSet<string> { Policies.ManagePrivacy } });
    }
}
