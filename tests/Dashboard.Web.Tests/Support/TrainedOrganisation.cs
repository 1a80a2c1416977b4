using System.Globalization;
using System.Text;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// One app with an organisation ("Serving Org") whose data came in through the events API and whose
/// Default blend was trained once (the first version is activated), plus an API key with the events, recommendations and consents scopes.
/// 40 end-users (s-u0…s-u39) × 20 items (s-i0…s-i19, even ones in "Kitchen", odd ones in "Garden"):
/// each end-user bought six items near their own number, so neighbours share tastes, and granted Personalisation
/// consent (sent to the consents API) before their first purchase.
/// </summary>
public sealed class TrainedOrganisation : IAsyncLifetime
{
    public const int Users = 40;
    public const int Items = 20;

    public DashboardFactory Factory { get; } = new();

    public Guid TenantId { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public HttpClient Client(string? key = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? Key);
        return client;
    }

    public async Task InitializeAsync()
    {
        TenantId = await ApiKeys.RegisterOrganisationAsync(Factory, "Serving Org", "serving-owner@example.test");
        Key = await ApiKeys.CreateAsync(Factory, TenantId, scopes: "events:write recommendations:read consents:write");
        using var client = Client();
        var items = string.Join(",", Enumerable.Range(0, Items).Select(i =>
            $$"""{"id":"s-i{{i}}","title":"Item {{i}}","category":"{{(i % 2 == 0 ? "Kitchen" : "Garden")}}"}"""));
        (await client.PostAsync("/api/v1/items", Json($$"""{"items":[{{items}}]}"""))).EnsureSuccessStatusCode();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new List<string>();
        for (var u = 0; u < Users; u++)
        {
            for (var k = 0; k < 6; k++)
            {
                var item = (u / 2 + k * (k % 2 == 0 ? 1 : 3)) % Items;
                var at = start.AddHours(u * 10 + k).ToString("O", CultureInfo.InvariantCulture);
                events.Add($$"""{"user_id":"s-u{{u}}","item_id":"s-i{{item}}","type":"purchase","timestamp":"{{at}}"}""");
            }
        }

        (await client.PostAsync("/api/v1/events", Json($$"""{"events":[{{string.Join(",", events)}}]}"""))).EnsureSuccessStatusCode();
        var granted = start.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        var consents = Enumerable.Range(0, Users).Select(u =>
            $$"""{"user_id":"s-u{{u}}","purpose":"Personalisation","state":"granted","occurred_at":"{{granted}}","source":"web banner"}""");
        (await client.PostAsync("/api/v1/consents", Json($$"""{"consents":[{{string.Join(",", consents)}}]}"""))).EnsureSuccessStatusCode();
        await TrainAsync(TenantId);
    }

    /// <summary>Trains the organisation's Default blend to its end, then runs the bias audit it queued (activation follows the audit), as the job server would.</summary>
    public async Task TrainAsync(Guid tenantId)
    {
        Guid blendId;
        await using (var db = Factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var request = await scope.ServiceProvider.GetRequiredService<ModelTrainingService>().TrainOnScheduleAsync(tenantId, blendId);
        Assert.True(request?.Queued, request?.Message);
        var executor = scope.ServiceProvider.GetRequiredService<JobRunExecutor>();
        await executor.ExecuteAsync(tenantId, request!.JobRunId, CancellationToken.None);
        List<Guid> audits;
        await using (var db = Factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            audits = await db.JobRuns.Where(j => j.Kind == JobKind.AuditModel && j.State == JobState.Queued).Select(j => j.Id).ToListAsync();
        }

        foreach (var audit in audits)
        {
            await executor.ExecuteAsync(tenantId, audit, CancellationToken.None);
        }

        await using var check = Factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var run = await check.JobRuns.AsNoTracking().SingleAsync(j => j.Id == request.JobRunId);
        Assert.True(await check.Blends.AnyAsync(b => b.Id == blendId && b.ActiveVersionId != null), $"Training did not activate a version: {run.State} {run.Message} {run.Error}");
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
