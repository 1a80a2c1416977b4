using Bunit;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Campaigns.Segments;

/// <summary>A bUnit context for the Segments page and editor over the app's real services and the demo organisation, called as one of its roles.</summary>
internal sealed class SegmentPagesContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private SegmentPagesContext(AsyncServiceScope scope, CallerContext caller)
    {
        _scope = scope;
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton(TimeProvider.System);
        Bunit.Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(caller));
        Bunit.Services.AddScoped(_ => Create<SegmentService>(caller, Create<DifferentialPrivacyService>(caller)));
    }

    public BunitContext Bunit { get; } = new();

    public static async Task<SegmentPagesContext> StartAsync(DashboardFactory factory, string role)
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        var caller = new CallerContext(role, $"{role}@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        return new SegmentPagesContext(factory.Services.CreateAsyncScope(), caller);
    }

    private T Create<T>(CallerContext caller, params object[] extra) => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, [new FixedCurrentUser(caller), .. extra]);

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
