using Bunit;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Algorithms;
using Dashboard.Web.Tests.Support;
using Dashboard.Recommender.Serving;
using MudBlazor;

namespace Dashboard.Web.Tests.Components.Algorithms;

public sealed class BlendEditorPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The pages load from the database after their first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Save_WithNeighboursBelowOne_ShowsTheServiceMessageAtThatOption()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        var page = RenderEditor(context, blendId);
        var itemKnn = page.FindComponents<MudSlider<double>>()[ComponentCatalog.All.ToList().FindIndex(d => d.Kind == ComponentKind.ItemKnn)];
        await page.InvokeAsync(() => itemKnn.Instance.ValueChanged.InvokeAsync(0.5));
        var neighbours = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Neighbours (k)");
        await page.InvokeAsync(() => neighbours.Instance.ValueChanged.InvokeAsync("0"));

        page.Find("[data-testid=save-blend]").Click();

        page.WaitForAssertion(() => Assert.Contains("Neighbours (k) must be between 1 and 1000.", page.Find("[data-kind=ItemKnn]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Save_WithEveryWeightAtZero_SaysAComponentIsNeeded()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        var page = RenderEditor(context, blendId);
        foreach (var slider in page.FindComponents<MudSlider<double>>())
        {
            await page.InvokeAsync(() => slider.Instance.ValueChanged.InvokeAsync(0));
        }

        page.Find("[data-testid=save-blend]").Click();

        Assert.Equal("Add at least one component.", page.WaitForElement("[data-testid=components-error]", Wait).TextContent.Trim());
    }

    [Fact]
    public async Task ComplianceOfficer_ReadsTheBlend_WithoutSaveTrainOrDelete()
    {
        await using var context = await BlendPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var blendId = await context.AddBlendAsync();

        var page = RenderEditor(context, blendId);

        var buttons = new[] { "save-blend", "train-now", "delete-blend" }.Count(id => page.FindAll($"[data-testid={id}]").Count > 0);
        Assert.Equal((1, 0, true), (page.FindAll("[data-testid=read-only-notice]").Count, buttons, page.FindComponent<MudForm>().Instance.ReadOnly));
    }

    [Fact]
    public async Task Delete_AsksFirstNamingTheVersionsLost_AndCancelKeepsTheBlend()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync("Doomed");
        await context.AddVersionAsync(blendId, 1, 0.2, active: true);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<AlgorithmsPage>();
        page.WaitForAssertion(() => Assert.Contains("Doomed", page.Find("[data-testid=blends] tbody").TextContent, StringComparison.Ordinal), Wait);
        var row = page.FindAll("[data-testid=blends] tbody tr").Single(r => r.TextContent.Contains("Doomed", StringComparison.Ordinal));

        row.QuerySelector("[data-testid=delete-blend]")!.Click();

        var message = dialogs.WaitForElement(".mud-message-box", Wait).TextContent;
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Equal((true, true), (message.Contains("Its 1 trained version and their stored models are deleted too", StringComparison.Ordinal), await context.BlendExistsAsync(blendId)));
    }

    private static IRenderedComponent<BlendEditorPage> RenderEditor(BlendPagesContext context, Guid blendId)
    {
        var page = context.Bunit.Render<BlendEditorPage>(p => p.Add(x => x.Id, blendId));
        page.WaitForElement("[data-testid=component-row]", Wait);
        return page;
    }
}
