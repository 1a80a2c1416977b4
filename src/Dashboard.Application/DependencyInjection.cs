using Dashboard.Application.Auditing;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.DataSources;
using Dashboard.Application.Jobs;
using Dashboard.Application.Overview;
using Dashboard.Application.Team;
using Dashboard.Application.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases. Each is scoped: in a Blazor circuit, one per circuit.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<TeamService>();
        services.AddScoped<OrganisationRegistrationService>();
        services.AddScoped<JobService>();
        services.AddScoped<OverviewService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<EventIngestService>();
        services.AddSingleton<IngestLimitCheck>();
        services.AddSingleton<TenantWriteGate>();
        services.AddScoped<IDataPreviewService, DataPreviewService>();
        services.AddSingleton<UploadStore>();
        services.AddScoped<DataSourceService>();
        return builder;
    }
}
