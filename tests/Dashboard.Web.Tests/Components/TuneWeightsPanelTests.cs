using Bunit;
using Dashboard.Application.Blends;
using Dashboard.Application.Blends.Tuning;
using Dashboard.Application.Common;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Recommender.Serving;
using Dashboard.Web.Components.Pages.Algorithms;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>The tuning panel over the app's real services and database (demo organisation's Default blend, a stored tuning).</summary>
public sealed class TuneWeightsPanelTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task WithATuning_ShowsCurrentAndChosenWeightsAndNdcgOnTheValidationPart()
    {
        var (tenantId, blendId) = await ProposeAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Marketer);

        var panel = ctx.Render<TuneWeightsPanel>(p => p.Add(x => x.BlendId, blendId).Add(x => x.CanEdit, true));

        var rows = panel.WaitForElements("[data-testid=tune-result] tbody tr");
        Assert.Equal(
            ["1|0.3", "0|0.7"],
            rows.Select(r => string.Join("|", r.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()))));
        var ndcg = panel.Find("[data-testid=tune-ndcg]").TextContent;
        Assert.Contains("0.1000 → 0.2000", ndcg, StringComparison.Ordinal);
        Assert.Contains("validation part of the training data (not the reported test part)", ndcg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_AfterConfirming_WritesTheChosenWeightsToTheBlend()
    {
        var (tenantId, blendId) = await ProposeAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Marketer);
        var panel = ctx.Render<TuneWeightsPanel>(p => p.Add(x => x.BlendId, blendId).Add(x => x.CanEdit, true));

        panel.WaitForElement("[data-testid=tune-apply]").Click();
        Assert.Equal(new[] { 1.0, 0.0 }, await WeightsAsync(tenantId, blendId));
        panel.Find("[data-testid=tune-apply-confirm]").Click();

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=tune-result]")));
        Assert.Equal(new[] { 0.3, 0.7 }, await WeightsAsync(tenantId, blendId));
    }

    [Fact]
    public async Task WithoutCanEdit_ShowsTheResultButOffersNoApplyAndNoTuning()
    {
        var (tenantId, blendId) = await ProposeAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.ComplianceOfficer);

        var panel = ctx.Render<TuneWeightsPanel>(p => p.Add(x => x.BlendId, blendId).Add(x => x.CanEdit, false));

        panel.WaitForElement("[data-testid=tune-result]");
        Assert.Empty(panel.FindAll("[data-testid=tune-apply]"));
        Assert.Empty(panel.FindAll("[data-testid=tune-dismiss]"));
        Assert.True(panel.Find("[data-testid=tune-start]").HasAttribute("disabled"));
    }

    /// <summary>Gives the demo's Default blend two components and stores a proposed tuning of them, newer than any before.</summary>
    private async Task<(Guid TenantId, Guid BlendId)> ProposeAsync()
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var plain = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            tenantId = await plain.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var blend = await db.Blends.SingleAsync(b => b.Name == BlendDefaults.DefaultBlendName);
        var spec = BlendSpec.FromJson(blend.SpecJson) with
        {
            Components = [new ComponentSpec(ComponentKind.Popularity, 1), new ComponentSpec(ComponentKind.ItemKnn, 0)],
        };
        blend.SpecJson = spec.ToJson();
        db.WeightTunings.Add(new WeightTuning
        {
            Id = Guid.CreateVersion7(),
            BlendId = blend.Id,
            SpecJson = blend.SpecJson,
            ChosenWeightsJson = "[0.3,0.7]",
            CurrentNdcg = 0.1,
            ChosenNdcg = 0.2,
            ValidationUsers = 42,
            CreatedAtUtc = DateTime.UtcNow.AddYears(1).AddTicks(Interlocked.Increment(ref _order)),
            Status = WeightTuningStatus.Proposed,
        });
        await db.SaveChangesAsync();
        return (tenantId, blend.Id);
    }

    private static long _order;

    private static BunitContext Context(AsyncServiceScope scope, Guid tenantId, string role)
    {
        var caller = new CallerContext("user", "user@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var user = new FixedCurrentUser(caller);
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<BlendService>(scope.ServiceProvider, user));
        ctx.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<BlendTuningService>(scope.ServiceProvider, user, sp.GetRequiredService<BlendService>()));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private async Task<double[]> WeightsAsync(Guid tenantId, Guid blendId)
    {
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var json = await db.Blends.AsNoTracking().Where(b => b.Id == blendId).Select(b => b.SpecJson).SingleAsync();
        return [.. BlendSpec.FromJson(json).Components.Select(c => c.Weight)];
    }
}
