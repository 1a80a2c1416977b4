using Bunit;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Recommender.Serving;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Campaigns;

/// <summary>
/// A bUnit context for the Campaigns pages over the app's real services and database (demo organisation), called as
/// one of the demo's roles, with helpers that set up segments, blends and campaigns of the test's own (unique names,
/// so tests sharing the database do not meet).
/// </summary>
internal sealed class CampaignPagesContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private CampaignPagesContext(AsyncServiceScope scope, CallerContext caller)
    {
        _scope = scope;
        Caller = caller;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton(TimeProvider.System);
        Bunit.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(caller));
        Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CampaignService>(_scope.ServiceProvider, new FixedCurrentUser(caller)));
        Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CampaignPreviewService>(_scope.ServiceProvider, new FixedCurrentUser(caller),
            ActivatorUtilities.CreateInstance<DifferentialPrivacyService>(_scope.ServiceProvider, new FixedCurrentUser(caller)),
            ActivatorUtilities.CreateInstance<RecommendationPreviewService>(_scope.ServiceProvider, new FixedCurrentUser(caller))));
        // The detail page also shows the campaign's results and exports.
        Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CampaignResultsService>(_scope.ServiceProvider, new FixedCurrentUser(caller)));
        Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CampaignExportService>(_scope.ServiceProvider, new FixedCurrentUser(caller)));
    }

    public BunitContext Bunit { get; } = new();

    public CallerContext Caller { get; }

    public static async Task<CampaignPagesContext> StartAsync(DashboardFactory factory, string role = Roles.Marketer)
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        var caller = new CallerContext(role, $"{role}@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        return new CampaignPagesContext(factory.Services.CreateAsyncScope(), caller);
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A segment of every end-user of the demo organisation.</summary>
    public async Task<Guid> AddSegmentAsync()
    {
        await using var db = CreateContext();
        var segment = new Segment { Id = Guid.CreateVersion7(), Name = Unique("Everyone"), DefinitionJson = SegmentDefinition.Everyone.ToJson(), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        return segment.Id;
    }

    /// <summary>A blend of the test's own whose active version 1 has the given compliance review; returns the blend's id and name.</summary>
    public async Task<(Guid Id, string Name)> AddBlendAsync(ReleaseReview review)
    {
        var saved = await Manager<BlendService>().CreateAsync(new BlendInput(Unique("Blend"), BlendSpec.Default));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => p.Message)));
        await using var db = CreateContext();
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(), BlendId = saved.Id, Number = 1, SpecJson = BlendSpec.Default.ToJson(), MetricsJson = "{}", ManifestJson = "{}", NdcgAt10 = 0.1,
            EngineVersion = "test", ArtifactId = Guid.NewGuid(), ArtifactSha256 = new string('b', 64), CreatedAtUtc = DateTime.UtcNow, Status = ModelVersionStatus.Ready, Review = review,
        };
        db.ModelVersions.Add(version);
        var blend = await db.Blends.SingleAsync(b => b.Id == saved.Id);
        blend.ActiveVersionId = version.Id;
        await db.SaveChangesAsync();
        return (saved.Id, blend.Name);
    }

    /// <summary>A draft web campaign starting an hour ago on the segment, with one arm per blend (shares split evenly, the first taking what is left).</summary>
    public async Task<(Guid Id, string Name)> AddCampaignAsync(Guid segmentId, params Guid[] blendIds)
    {
        var name = Unique("Campaign");
        var share = 100 / blendIds.Length;
        var arms = blendIds.Select((b, i) => new CampaignArmInput(((char)('A' + i)).ToString(), b, i == 0 ? 100 - (share * (blendIds.Length - 1)) : share)).ToList();
        var saved = await Manager<CampaignService>().CreateAsync(new CampaignInput(
            name, CampaignGoal.Clicks, CampaignChannel.Web, segmentId, CampaignRules.None, 10, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddDays(7), arms));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => p.Message)));
        return (saved.Id, name);
    }

    public async Task DeleteBlendAsync(Guid blendId) => Assert.True((await Manager<BlendService>().DeleteAsync(blendId)).Succeeded);

    public async Task<CampaignState> StateAsync(Guid campaignId)
    {
        await using var db = CreateContext();
        return await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.State).SingleAsync();
    }

    private IAppDbContext CreateContext() => _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);

    /// <summary>A service acting as the demo marketer, whatever role the pages are shown to.</summary>
    private T Manager<T>() => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, new FixedCurrentUser(Caller with { Roles = new HashSet<string> { Roles.Marketer } }));

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
