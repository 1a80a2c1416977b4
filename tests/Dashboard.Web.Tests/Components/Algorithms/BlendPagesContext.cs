using Bunit;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Recommender.Serving;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Algorithms;

/// <summary>
/// A bUnit context for the Algorithms and Recommendations pages over the app's real services and database
/// (demo organisation), called as one of the demo's roles. The active-model cache can be replaced by a
/// model trained here, since the test app runs no jobs.
/// </summary>
internal sealed class BlendPagesContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private BlendPagesContext(AsyncServiceScope scope, CallerContext caller, IActiveModelCache? models)
    {
        _scope = scope;
        Caller = caller;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton(TimeProvider.System);
        Bunit.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(caller));
        Bunit.Services.AddScoped(_ => Create<Dashboard.Application.Metrics.MetricsService>());
        Bunit.Services.AddScoped(_ => Create<Dashboard.Application.Campaigns.CampaignResultsService>());
        Bunit.Services.AddScoped(_ => Create<BlendService>());
        Bunit.Services.AddScoped(_ => Create<ModelTrainingService>());
        Bunit.Services.AddScoped(_ => Create<ModelVersionService>(Create<DifferentialPrivacyService>()));
        Bunit.Services.AddScoped(_ => Create<Dashboard.Application.Fairness.BiasAuditQueries>());
        Bunit.Services.AddScoped(_ => models is null ? Create<RecommendationPreviewService>() : Create<RecommendationPreviewService>(models));
    }

    public BunitContext Bunit { get; } = new();

    public CallerContext Caller { get; }

    public static async Task<BlendPagesContext> StartAsync(DashboardFactory factory, string role = Roles.Marketer, IActiveModelCache? models = null)
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        var caller = new CallerContext(role, $"{role}@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        return new BlendPagesContext(factory.Services.CreateAsyncScope(), caller, models);
    }

    /// <summary>
    /// Records the end-users' Personalisation decision (granted or withdrawn, an hour ago) in the demo organisation
    /// through the consents API's service, as a page test's end-users need before they are shown personalised lists.
    /// </summary>
    public async Task RecordPersonalisationAsync(bool granted, params string[] endUsers)
    {
        var at = System.Text.Json.JsonSerializer.SerializeToElement(DateTime.UtcNow.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var outcome = await _scope.ServiceProvider.GetRequiredService<Dashboard.Application.Privacy.ConsentsApi.ConsentIngestService>().RecordAsync(Caller.TenantId,
            [.. endUsers.Select(u => new Dashboard.Application.Privacy.ConsentsApi.ConsentInput(u, "Personalisation", granted ? "granted" : "withdrawn", at))]);
        Assert.True(outcome.Summary is not null, string.Join(" ", outcome.Problems.Select(p => p.Reason)));
    }

    /// <summary>A blend of its own for one test, with the recommended settings, added as the demo marketer.</summary>
    public async Task<Guid> AddBlendAsync(string prefix = "Test")
    {
        var marketer = Caller with { Roles = new HashSet<string> { Roles.Marketer } };
        var blends = ActivatorUtilities.CreateInstance<BlendService>(_scope.ServiceProvider, new FixedCurrentUser(marketer));
        var saved = await blends.CreateAsync(new BlendInput($"{prefix} {Guid.NewGuid():N}"[..20], BlendSpec.Default));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => p.Message)));
        return saved.Id;
    }

    /// <summary>Writes a ready version of the blend with the given NDCG@10 (other measures derived from it); the first one written becomes active.</summary>
    public async Task<Guid> AddVersionAsync(Guid blendId, int number, double ndcg, bool active = false, IReadOnlyList<SensitiveGroupMetrics>? groups = null, int excludedByConsent = 0,
        ReleaseReview review = ReleaseReview.NotAudited)
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        var metrics = new VersionMetrics(ndcg / 3, ndcg * 2, ndcg, ndcg / 2, 0.5, 2.0, 10, groups ?? []);
        var manifest = new DataManifest(10, 5, 40, DateTime.UtcNow.AddDays(-30), DateTime.UtcNow, new string('a', 64), "Personalisation", DateTime.UtcNow, "test", excludedByConsent);
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(), BlendId = blendId, Number = number, SpecJson = BlendSpec.Default.ToJson(), MetricsJson = metrics.ToJson(),
            ManifestJson = manifest.ToJson(), NdcgAt10 = ndcg, TrainingSeconds = 1, EngineVersion = "test", ArtifactId = Guid.NewGuid(),
            ArtifactSha256 = new string('b', 64), CreatedAtUtc = DateTime.UtcNow, Status = ModelVersionStatus.Ready, Review = review,
        };
        db.ModelVersions.Add(version);
        if (active)
        {
            var blend = await db.Blends.SingleAsync(b => b.Id == blendId);
            blend.ActiveVersionId = version.Id;
        }

        await db.SaveChangesAsync();
        return version.Id;
    }

    /// <summary>Writes a bias audit of the version (with or without the seed's planted bias), as the audit job does.</summary>
    public async Task<Guid> AddAuditAsync(Guid versionId, bool plantedBias)
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        return await Dashboard.TestSupport.BiasAuditSeed.AuditAsync(db, versionId, Dashboard.TestSupport.BiasAuditSeed.Document(plantedBias), DateTime.UtcNow);
    }

    public async Task<bool> BlendExistsAsync(Guid id)
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        return await db.Blends.AnyAsync(b => b.Id == id);
    }

    public async Task<Guid?> ActiveVersionAsync(Guid blendId)
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        return await db.Blends.Where(b => b.Id == blendId).Select(b => b.ActiveVersionId).SingleAsync();
    }

    private T Create<T>(params object[] extra) => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, [new FixedCurrentUser(Caller), .. extra]);

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
