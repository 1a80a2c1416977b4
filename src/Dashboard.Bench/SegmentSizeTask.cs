using System.Diagnostics;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Application.Team;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// What a segment's size estimate costs: a fresh SQLite tenant of N end-users (default 100,000) with the sample
/// generator's attributes, consent records and 10 interactions per end-user over 180 days, then
/// <see cref="SegmentService.EstimateAsync"/> as a compliance officer (the exact count; a marketer's noised answer adds
/// one ledger read and write) for definitions that touch every rule kind, each asked six times in one editor's scope (the first
/// estimate of the run waits for the organisation's facts to be read into memory; later ones are answered from them).
/// The target is ≤ 500 ms per estimate on 2 cores.
/// </summary>
internal static class SegmentSizeTask
{
    private const int Rounds = 5;

    private static readonly (string Name, SegmentDefinition Definition)[] Definitions =
    [
        ("everyone", SegmentDefinition.Everyone),
        ("age_band is 25-34", One(new SegmentRule(SegmentRuleKind.Attribute, SegmentOperator.Is, SampleAttributeKeys.AgeBand, "25-34"))),
        ("active in the last 30 days", One(new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.Is, Number: 30))),
        ("at least 2 purchases", One(new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 2))),
        ("bought Books and Personalisation consent", new(SegmentMatch.All, [new(SegmentMatch.All,
        [
            new SegmentRule(SegmentRuleKind.CategoryBought, SegmentOperator.Is, Value: "Books"),
            new SegmentRule(SegmentRuleKind.Consent, SegmentOperator.Is, ConsentPurpose.Personalisation),
        ])])),
        ("(25-34 or 35-44) and ≥ 1 purchase and not active 7 days and Personalisation", new(SegmentMatch.All,
        [
            new(SegmentMatch.Any,
            [
                new SegmentRule(SegmentRuleKind.Attribute, SegmentOperator.Is, SampleAttributeKeys.AgeBand, "25-34"),
                new SegmentRule(SegmentRuleKind.Attribute, SegmentOperator.Is, SampleAttributeKeys.AgeBand, "35-44"),
            ]),
            new(SegmentMatch.All,
            [
                new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1),
                new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.IsNot, Number: 7),
                new SegmentRule(SegmentRuleKind.Consent, SegmentOperator.Is, ConsentPurpose.Personalisation),
            ]),
        ])),
    ];

    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("segment-size", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int users)
    {
        CallerContext? officer = null;
        using var host = await BenchHost.StartAsync(folder, s => s.AddSingleton<ICurrentUser>(_ => new BenchCurrentUser(officer!)));
        var registered = await host.Services.GetRequiredService<IIdentityService>().RegisterOrganisationAsync("Bench", "bench@example.test", "correct-horse-battery-7");
        officer = new CallerContext(registered.UserId!, "officer@example.test", registered.TenantId, "Bench", new HashSet<string> { Roles.ComplianceOfficer });

        var generate = Stopwatch.StartNew();
        var interactions = users * 10;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sample = new SampleDataOptions { Users = users, Items = 5_000, Interactions = interactions, Days = 180, Seed = 42 };
            await scope.ServiceProvider.GetRequiredService<SampleDataImport>().RunAsync(
                registered.TenantId, SampleCatalogTemplate.Retail, sample, new InlineProgress<JobProgress>(_ => { }), CancellationToken.None);
        }

        Console.Error.WriteLine($"sample data: {users:N0} end-users, {interactions:N0} interactions written in {generate.Elapsed.TotalSeconds:F1} s");
        // One scope for the whole run, as the editor holds one service for as long as its page is open.
        await using var circuit = host.Services.CreateAsyncScope();
        var segments = circuit.ServiceProvider.GetRequiredService<SegmentService>();
        var clock = Stopwatch.StartNew();
        await segments.VocabularyAsync();
        var metrics = new Dictionary<string, double> { ["editor opens ms"] = clock.Elapsed.TotalMilliseconds };
        Console.Error.WriteLine($"  editor opens (attributes, categories, purposes): {clock.Elapsed.TotalMilliseconds:F0} ms");
        var worst = 0.0;
        foreach (var (name, definition) in Definitions)
        {
            var times = new List<double>();
            long? count = null;
            for (var round = 0; round <= Rounds; round++)
            {
                clock.Restart();
                var estimate = await segments.EstimateAsync(definition);
                times.Add(clock.Elapsed.TotalMilliseconds);
                count = estimate.Count ?? throw new InvalidOperationException($"“{name}” was not estimated: {estimate.Text}");
            }

            var warm = times.Skip(1).Order().ToList();
            var median = warm[warm.Count / 2];
            worst = Math.Max(worst, warm[^1]);
            metrics[$"{name} ms"] = median;
            Console.Error.WriteLine($"  {name}: {count:N0} end-users; first {times[0]:F0} ms, then median {median:F0} ms, max {warm[^1]:F0} ms");
        }

        metrics["slowest warm ms"] = worst;
        return new BenchRow("segment-size", "sample data (Retail)", $"{users:N0} end-users × 5,000 × {interactions:N0}", metrics, worst / 1000);
    }

    private static SegmentDefinition One(SegmentRule rule) => new(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [rule])]);
}
