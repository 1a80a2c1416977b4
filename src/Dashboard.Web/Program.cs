using Dashboard.Application;
using Dashboard.Infrastructure;
using Dashboard.Web;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Endpoints;
using Dashboard.Web.Services;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);

builder.AddApplicationServices();
builder.AddInfrastructureServices();
builder.AddWebServices();

if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
{
    // Running the build output (not a publish) outside Development still needs the static web assets manifest.
    builder.WebHost.UseStaticWebAssets();
}

var app = builder.Build();

await app.InitializeDashboardAsync();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapDataSourceEndpoints();
app.MapAuditLogEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [app.Services.GetRequiredService<HangfireOperatorFilter>()],
    DisplayStorageConnectionString = false,
    AppPath = "/",
});
app.MapHealthChecks("/healthz");
app.MapEventsApi();

app.Run();
