using Dashboard.Application;
using Dashboard.Infrastructure;
using Dashboard.Web;
using Dashboard.Web.Api;
using Dashboard.Web.Components;
using Dashboard.Web.Components.Account;
using Dashboard.Web.Endpoints;
using Dashboard.Web.Security;
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
await app.LogReadyLineWhenStartedAsync();

app.UseMiddleware<SecurityHeadersMiddleware>();
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
app.UseApiProblemDetails();

// Explicit, so that sign-in challenges and refusals (401/403) pass through the headers, error handling and
// status pages above; left implicit, WebApplication runs them before any of this middleware.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();
app.UseCallerForHttpRequests();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    // SecurityHeadersMiddleware sends the whole policy, frame-ancestors included.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
app.MapAdditionalIdentityEndpoints();
app.MapDataSourceEndpoints();
app.MapAuditLogEndpoints();
app.MapPrivacyReportEndpoints();
app.MapBiasAuditReportEndpoints();
app.MapPrivacyEndpoints();
app.MapCampaignExportEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [app.Services.GetRequiredService<HangfireOperatorFilter>()],
    DisplayStorageConnectionString = false,
    AppPath = "/",
});
app.MapHealthChecks("/healthz");
app.MapEventsApi();
app.MapRecommendationsApi();
app.MapConsentsApi();
app.MapPrivacyApi();

app.Run();
