using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.DataSources;
using Dashboard.Web.Components.Pages.Jobs;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// "Run again" on the Jobs page and "Import now" on the data sources list, for work that replaces the
/// organisation's data: a confirmation lists what is stored now, and cancelling it changes nothing.
/// Over the real services and database of the app (demo organisation, as its admin).
/// </summary>
public sealed class ReplaceConfirmationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly string[] StoredCounts = ["2 end-users", "1 items", "3 interactions"];

    [Fact]
    public async Task RunAgain_OfSampleData_ListsWhatIsStoredNowInAConfirmation()
    {
        await using var context = await PageContext.StartAsync(factory);
        var job = await context.AddFinishedSampleJobAsync();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<JobsPage>();

        page.Find($"[data-testid=run-again][data-job='{job}']").Click();

        dialogs.WaitForElement("[data-testid=replaced-counts]");
        Assert.Equal(StoredCounts, dialogs.FindAll("[data-testid=replaced-counts] .mud-list-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public async Task RunAgain_IsNotOfferedForARekeyOfEndUserIds()
    {
        await using var context = await PageContext.StartAsync(factory);
        var sample = await context.AddFinishedSampleJobAsync();
        var rekey = await context.AddFinishedRekeyJobAsync();
        var page = context.Bunit.Render<JobsPage>();

        page.WaitForElement($"[data-testid=run-again][data-job='{sample}']");

        Assert.Empty(page.FindAll($"[data-testid=run-again][data-job='{rekey}']"));
    }

    [Fact]
    public async Task RunAgain_Cancelled_QueuesNothing()
    {
        await using var context = await PageContext.StartAsync(factory);
        var job = await context.AddFinishedSampleJobAsync();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<JobsPage>();
        var before = await context.CountAsync(db => db.JobRuns);

        page.Find($"[data-testid=run-again][data-job='{job}']").Click();
        dialogs.WaitForElement("[data-testid=replace-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=replace-cancel]")));
        Assert.Equal(before, await context.CountAsync(db => db.JobRuns));
    }

    [Fact]
    public async Task ImportNow_OfASampleDataSource_ListsWhatIsStoredNowInAConfirmation()
    {
        await using var context = await PageContext.StartAsync(factory);
        var source = await context.AddSampleSourceAsync();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<DataSourcesPage>();

        page.Find($"[data-testid=import-now][data-source='{source}']").Click();

        dialogs.WaitForElement("[data-testid=replaced-counts]");
        Assert.Equal(StoredCounts, dialogs.FindAll("[data-testid=replaced-counts] .mud-list-item").Select(i => i.TextContent.Trim()));
    }

    [Fact]
    public async Task ImportNow_Cancelled_QueuesNothing()
    {
        await using var context = await PageContext.StartAsync(factory);
        var source = await context.AddSampleSourceAsync();
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<DataSourcesPage>();

        page.Find($"[data-testid=import-now][data-source='{source}']").Click();
        dialogs.WaitForElement("[data-testid=replace-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=replace-cancel]")));
        Assert.Equal(0, await context.CountAsync(db => db.ImportRuns.Where(r => r.DataSourceId == source)));
    }

    /// <summary>A bUnit context whose services are the app's, called by the demo admin, over a tenant holding a little data.</summary>
    private sealed class PageContext : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly CallerContext _caller;

        private PageContext(AsyncServiceScope scope, CallerContext caller)
        {
            _scope = scope;
            _caller = caller;
            Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
            Bunit.Services.AddMudServices();
            var user = new FixedCurrentUser(caller);
            Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<JobService>(scope.ServiceProvider, user));
            Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<DataSourceService>(scope.ServiceProvider, user));
            Bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ImportQueueService>(scope.ServiceProvider, user));

            // The pages poll while work is queued, as they do in a live circuit.
            Bunit.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        }

        public BunitContext Bunit { get; } = new();

        public static async Task<PageContext> StartAsync(DashboardFactory factory)
        {
            _ = factory.Server;
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
            var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
            var admin = new CallerContext("admin", "admin@demo.local", tenantId, "Demo Retail", new HashSet<string> { Roles.Admin });
            var context = new PageContext(factory.Services.CreateAsyncScope(), admin);
            await context.EnsureDataAsync();
            return context;
        }

        public async Task<Guid> AddFinishedSampleJobAsync()
        {
            await using var db = CreateDb();
            var job = new JobRun
            {
                Id = Guid.NewGuid(), Kind = JobKind.GenerateSampleData, State = JobState.Succeeded, QueuedAtUtc = DateTime.UtcNow, RequestedBy = "system (demo set-up)",
                ParametersJson = System.Text.Json.JsonSerializer.Serialize(new SampleDataOptions { Users = 50, Items = 20, Interactions = 1_000 }),
            };
            db.JobRuns.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        }

        public async Task<Guid> AddFinishedRekeyJobAsync()
        {
            await using var db = CreateDb();
            var job = new JobRun
            {
                Id = Guid.NewGuid(), Kind = JobKind.RekeyPseudonyms, State = JobState.Succeeded, QueuedAtUtc = DateTime.UtcNow, RequestedBy = "admin@demo.local",
                ParametersJson = System.Text.Json.JsonSerializer.Serialize(new Dashboard.Application.Privacy.RekeyPseudonymsParameters(Dashboard.Application.Privacy.RekeyReason.RotateKey)),
            };
            db.JobRuns.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        }

        public async Task<Guid> AddSampleSourceAsync()
        {
            await using var db = CreateDb();
            var source = new DataSource { Id = Guid.NewGuid(), Name = "Sample " + Guid.NewGuid().ToString("N")[..8], Kind = DataSourceKind.SampleData };
            db.DataSources.Add(source);
            await db.SaveChangesAsync();
            return source.Id;
        }

        public async Task<int> CountAsync<T>(Func<IAppDbContext, IQueryable<T>> query)
        {
            await using var db = CreateDb();
            return await query(db).CountAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Bunit.DisposeAsync();
            await _scope.DisposeAsync();
        }

        private IAppDbContext CreateDb() => _scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(_caller.TenantId);

        /// <summary>Two end-users, one item, three interactions: what a replacement would lose.</summary>
        private async Task EnsureDataAsync()
        {
            await using var db = CreateDb();
            if (await db.EndUsers.AnyAsync())
            {
                return;
            }

            var now = DateTime.UtcNow;
            var item = new Item { ExternalId = "i1", Title = "Kettle", CreatedAtUtc = now };
            var ann = new EndUser { ExternalId = "u1", CreatedAtUtc = now };
            var bob = new EndUser { ExternalId = "u2", CreatedAtUtc = now };
            db.Items.Add(item);
            db.EndUsers.AddRange(ann, bob);
            await db.SaveChangesAsync();
            db.Interactions.AddRange(
                new Interaction { EndUserId = ann.Id, ItemId = item.Id, Type = InteractionType.View, Value = 1, OccurredAtUtc = now },
                new Interaction { EndUserId = ann.Id, ItemId = item.Id, Type = InteractionType.Purchase, Value = 5, OccurredAtUtc = now },
                new Interaction { EndUserId = bob.Id, ItemId = item.Id, Type = InteractionType.View, Value = 1, OccurredAtUtc = now });
            await db.SaveChangesAsync();
        }
    }
}
