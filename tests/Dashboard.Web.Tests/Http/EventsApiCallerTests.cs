using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dashboard.Application.Common;
using Dashboard.Web.Services;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>The events API acts through the same caller as pages do: one that names the API key.</summary>
public sealed class EventsApiCallerTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task PostEvents_IsMadeByACallerNamingTheApiKeyAndItsTenant()
    {
        var callers = new ConcurrentQueue<CallerContext>();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ICurrentUser>(sp => new Recording(ActivatorUtilities.CreateInstance<CurrentUser>(sp), callers))));
        var tenantId = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        var key = await ApiKeys.CreateAsync(factory, tenantId);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await client.PostAsync("/api/v1/events", new StringContent(
            """{"events":[{"user_id":"u1","item_id":"sku-1","type":"view","timestamp":"2026-01-01T10:00:00Z"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Asked by the write gate (whose turn) and by the endpoint (whose data): the same caller each time.
        Assert.NotEmpty(callers);
        Assert.All(callers, caller => Assert.Equal((CallerKind.ApiKey, "API key \"Test shop\"", tenantId), (caller.Kind, caller.ActorName, caller.TenantId)));
    }

    private sealed class Recording(ICurrentUser inner, ConcurrentQueue<CallerContext> callers) : ICurrentUser
    {
        public async Task<CallerContext> GetAsync(CancellationToken cancellationToken = default)
        {
            var caller = await inner.GetAsync(cancellationToken);
            callers.Enqueue(caller);
            return caller;
        }
    }
}
