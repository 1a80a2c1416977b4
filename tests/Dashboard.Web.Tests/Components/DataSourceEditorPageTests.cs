using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.DataSources;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The editor in bUnit over the real service and database of the app (demo organisation, as its
/// marketer): what a person sees after clicking, which the prerendered HTML cannot show.
/// </summary>
public sealed class DataSourceEditorPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task NewSampleDataSource_ShowsAndHighlightsTheECommerceTemplate()
    {
        await using var editor = await EditorContext.StartAsync(factory);
        var popovers = editor.Bunit.Render<MudPopoverProvider>();
        var page = editor.Bunit.Render<DataSourceEditorPage>();
        await ChooseKindAsync(page, DataSourceKind.SampleData);

        var template = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Template");
        await page.InvokeAsync(() => template.Instance.OpenMenu());

        Assert.Equal(
            ("E-commerce", "E-commerce"),
            (template.Find("input").GetAttribute("value"), popovers.WaitForElement(".mud-selected-item").TextContent.Trim()));
    }

    [Theory]
    [InlineData("End-users", nameof(SampleDataOptions.Users))]
    [InlineData("Items", nameof(SampleDataOptions.Items))]
    [InlineData("Interactions", nameof(SampleDataOptions.Interactions))]
    [InlineData("Days of history", nameof(SampleDataOptions.Days))]
    public async Task SampleDataField_OffersTheRangeTheServiceAccepts(string label, string option)
    {
        await using var editor = await EditorContext.StartAsync(factory);
        var page = editor.Bunit.Render<DataSourceEditorPage>();

        await ChooseKindAsync(page, DataSourceKind.SampleData);

        var field = page.FindComponents<MudNumericField<int>>().Single(f => f.Instance.Label == label).Instance;
        var range = typeof(SampleDataOptions).GetProperty(option)!.GetCustomAttribute<RangeAttribute>()!;
        Assert.Equal((range.Minimum, range.Maximum), ((object)field.Min, (object)field.Max));
    }

    [Fact]
    public async Task SavingAnEmptyName_IsRefused_AndTheHeadingKeepsTheSavedName()
    {
        await using var editor = await EditorContext.StartAsync(factory);
        var name = "Shop export " + Guid.NewGuid().ToString("N")[..8];
        var (created, sourceId) = await editor.Service().CreateAsync(new DataSourceInput { Name = name });
        Assert.True(created.Succeeded);
        var page = editor.Bunit.Render<DataSourceEditorPage>(p => p.Add(x => x.Id, sourceId));
        var nameField = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Name");
        await page.InvokeAsync(() => nameField.Instance.ValueChanged.InvokeAsync(string.Empty));

        page.Find("[data-testid=save-source]").Click();

        page.WaitForElement("[data-testid=source-error]");
        Assert.Equal(name, page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public async Task ImportReport_AProblemOfTheWholeInput_HasAnEmptyLineCell()
    {
        await using var editor = await EditorContext.StartAsync(factory);
        var sourceId = await editor.AddRunWithErrorsAsync(
            new ImportError { Line = ImportError.WholeInput, Reason = "The query could not run: no such table: orders" },
            new ImportError { Line = 3, Column = "event_type", Value = "teleport", Reason = "Unknown event type." });
        var page = editor.Bunit.Render<DataSourceEditorPage>(p => p.Add(x => x.Id, sourceId));

        page.Find("[data-testid=import-history] tbody tr").Click();

        var lines = page.WaitForElements("[data-testid=import-report] tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(["", "3"], lines);
    }

    [Fact]
    public async Task MappingPreview_AMalformedRow_ShowsItsMessageOnceAcrossTheRow()
    {
        await using var editor = await EditorContext.StartAsync(factory);
        var (created, sourceId) = await editor.Service().CreateAsync(new DataSourceInput { Name = "Quotes " + Guid.NewGuid().ToString("N")[..8] });
        Assert.True(created.Succeeded);
        var csv = "user_id,item_id,event_type,timestamp\nu1,i1,view,2026-01-01T10:00:00Z\nu2,i\"2,view,2026-01-01T10:00:00Z\nu3,i3,view,2026-01-01T10:00:00Z\n";
        var uploaded = await editor.Uploads().UploadAsync(sourceId, DatasetKind.Interactions, "quotes.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));
        Assert.True(uploaded.Succeeded, string.Join(" ", uploaded.Errors));

        var page = editor.Bunit.Render<DataSourceEditorPage>(p => p.Add(x => x.Id, sourceId));

        var rows = page.WaitForElements("[data-testid=mapping] tbody tr");
        var cells = string.Join(",", rows.Select(r => r.QuerySelectorAll("td").Length));
        var malformed = page.Find("[data-testid=malformed-row]");
        Assert.Equal(("4,1,4", "4", true), (cells, malformed.GetAttribute("colspan"), malformed.TextContent.StartsWith("Line 3: ", StringComparison.Ordinal)));
    }

    private static Task ChooseKindAsync(IRenderedComponent<DataSourceEditorPage> page, DataSourceKind kind) =>
        page.InvokeAsync(() => page.FindComponent<MudSelect<DataSourceKind>>().Instance.ValueChanged.InvokeAsync(kind));

    /// <summary>A bUnit context whose data-source services are the app's, called by the demo marketer.</summary>
    private sealed class EditorContext : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;

        private EditorContext(AsyncServiceScope scope, CallerContext caller)
        {
            _scope = scope;
            Caller = caller;
            Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
            Bunit.Services.AddMudServices();
            Bunit.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IOptions<DataSourcesOptions>>());
            Bunit.Services.AddScoped(_ => Service());
            Bunit.Services.AddScoped(_ => Create<DataSourceUploadService>());
            Bunit.Services.AddScoped(_ => Create<SqlConnectionTestService>());
            Bunit.Services.AddScoped(_ => Create<ImportQueueService>());
            Bunit.Services.AddScoped(_ => Create<ImportHistoryService>());
        }

        public BunitContext Bunit { get; } = new();

        public CallerContext Caller { get; }

        public static async Task<EditorContext> StartAsync(DashboardFactory factory)
        {
            _ = factory.Server;
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
            var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
            var marketer = new CallerContext("marketer", "marketer@demo.local", tenantId, "Demo Retail", new HashSet<string> { Roles.Marketer });
            return new EditorContext(factory.Services.CreateAsyncScope(), marketer);
        }

        /// <summary>A file upload source of the demo organisation with one finished import that reported <paramref name="errors"/>.</summary>
        public async Task<Guid> AddRunWithErrorsAsync(params ImportError[] errors)
        {
            await using var db = _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(Caller.TenantId);
            var source = new DataSource { Id = Guid.NewGuid(), Name = "Upload " + Guid.NewGuid().ToString("N")[..8] };
            var run = new ImportRun
            {
                Id = Guid.NewGuid(), DataSourceId = source.Id, State = ImportState.Succeeded, QueuedAtUtc = DateTime.UtcNow, RowsRejected = errors.Length,
            };
            db.DataSources.Add(source);
            db.ImportRuns.Add(run);
            foreach (var error in errors)
            {
                error.ImportRunId = run.Id;
                db.ImportErrors.Add(error);
            }

            await db.SaveChangesAsync();
            return source.Id;
        }

        /// <summary>The service as the page gets it; tests use it too, to set up what the page shows.</summary>
        public DataSourceService Service() => Create<DataSourceService>();

        public DataSourceUploadService Uploads() => Create<DataSourceUploadService>();

        private T Create<T>() => ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, new FixedCurrentUser(Caller));

        public async ValueTask DisposeAsync()
        {
            await Bunit.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }
}
