using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Domain.Blends;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.BiasAudits;

/// <summary>
/// A bUnit context for the bias-audit pages over the app's real services and database (demo organisation), called
/// as one of the demo's roles, with a blend of its own whose version 2 was held back by a planted bias.
/// </summary>
internal sealed class BiasAuditPagesContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private BiasAuditPagesContext(AsyncServiceScope scope, CallerContext caller, IWhatIfAudit? whatIf)
    {
        _scope = scope;
        Caller = caller;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton(TimeProvider.System);
        Bunit.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(caller));
        Bunit.Services.AddScoped(_ => Create<BiasAuditQueries>());
        Bunit.Services.AddScoped(_ => Create<BiasAuditRequests>());
        Bunit.Services.AddScoped(_ => Create<ReleaseReviewService>());
        Bunit.Services.AddScoped(_ => Create<FairnessSettingsService>());
        if (whatIf is not null)
        {
            Bunit.Services.AddSingleton(whatIf);
        }
    }

    public BunitContext Bunit { get; } = new();

    public CallerContext Caller { get; }

    public Guid BlendId { get; private set; }

    public Guid HeldVersionId { get; private set; }

    /// <summary>The audit that held version 2 back (blocking failures), waiting for review.</summary>
    public Guid HeldAuditId { get; private set; }

    public static async Task<BiasAuditPagesContext> StartAsync(DashboardFactory factory, string role, IWhatIfAudit? whatIf = null)
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        var caller = new CallerContext(role, $"{role}@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        var context = new BiasAuditPagesContext(factory.Services.CreateAsyncScope(), caller, whatIf);
        await context.SeedAsync();
        return context;
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, new FixedCurrentUser(Caller));

    public async Task<ReleaseReview> ReviewOfHeldVersionAsync()
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        return await db.ModelVersions.Where(v => v.Id == HeldVersionId).Select(v => v.Review).SingleAsync();
    }

    private async Task SeedAsync()
    {
        await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
        var at = DateTime.UtcNow.AddHours(-2);
        BlendId = await BiasAuditSeed.BlendAsync(db, $"Audited {Guid.NewGuid():N}"[..20]);
        var first = await BiasAuditSeed.VersionAsync(db, BlendId, 1, ReleaseReview.Cleared, at);
        await BiasAuditSeed.AuditAsync(db, first, BiasAuditSeed.Document(plantedBias: false), at.AddMinutes(5));
        HeldVersionId = await BiasAuditSeed.VersionAsync(db, BlendId, 2, ReleaseReview.AwaitingReview, at.AddHours(1));
        HeldAuditId = await BiasAuditSeed.AuditAsync(db, HeldVersionId, BiasAuditSeed.Document(plantedBias: true), at.AddHours(1).AddMinutes(5));
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
