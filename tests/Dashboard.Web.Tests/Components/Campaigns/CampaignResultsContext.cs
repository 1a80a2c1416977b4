using Bunit;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.Metrics;
using Dashboard.Domain.Identity;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Campaigns;

/// <summary>
/// A bUnit context over the app's real results and metrics services, in an organisation of its own (so the demo's
/// campaigns never mix in), called as its marketer; campaigns and their feedback are seeded straight into its tables.
/// </summary>
internal sealed class CampaignResultsContext : IAsyncDisposable
{
    private readonly DashboardFactory _factory;
    private readonly AsyncServiceScope _scope;

    private CampaignResultsContext(DashboardFactory factory, CallerContext caller, Guid blendId)
    {
        _factory = factory;
        _scope = factory.Services.CreateAsyncScope();
        Caller = caller;
        BlendId = blendId;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton(TimeProvider.System);
        Bunit.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(caller));
        Bunit.Services.AddScoped(_ => Create<CampaignResultsService>());
        Bunit.Services.AddScoped(_ => Create<MetricsService>());
    }

    public BunitContext Bunit { get; } = new();

    public CallerContext Caller { get; }

    /// <summary>The organisation's Default blend, which every seeded arm uses.</summary>
    public Guid BlendId { get; }

    public static async Task<CampaignResultsContext> StartAsync(DashboardFactory factory)
    {
        var name = $"Results {Guid.NewGuid():N}"[..20];
        var tenantId = await ApiKeys.RegisterOrganisationAsync(factory, name, $"{Guid.NewGuid():N}@results.test");
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        var caller = new CallerContext(Roles.Marketer, "marketer@results.test", tenantId, name, new HashSet<string> { Roles.Marketer });
        return new CampaignResultsContext(factory, caller, blendId);
    }

    public IAppDbContext Database() => _factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);

    private T Create<T>() => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, new FixedCurrentUser(Caller));

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
