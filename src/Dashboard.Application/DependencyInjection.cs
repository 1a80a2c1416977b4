using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Blends.Tuning;
using Dashboard.Application.Compliance;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Recommendations.Feedback;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.DataSources;
using Dashboard.Application.Jobs;
using Dashboard.Application.Overview;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Report;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Privacy.Retention;
using Dashboard.Application.Team;
using Dashboard.Application.Tenants;
using Dashboard.Application.Training;
using Dashboard.Recommender.Privacy;
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
        services.AddOptions<DataSourcesOptions>().BindConfiguration(DataSourcesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SampleDataOptions>().BindConfiguration(SampleDataOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventsApiOptions>().BindConfiguration(EventsApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServingApiOptions>().BindConfiguration(ServingApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestLimits>().BindConfiguration(IngestLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddScoped<AuditLogService>();
        services.AddScoped<TeamService>();
        services.AddScoped<OrganisationRegistrationService>();
        services.AddScoped<JobService>();
        services.AddScoped<OverviewService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<EventIngestService>();
        services.AddScoped<FeedbackService>();
        services.AddSingleton<RecentEventsBuffer>();
        services.AddSingleton<ServedRecommendationLog>();
        services.AddHostedService(sp => sp.GetRequiredService<ServedRecommendationLog>());
        services.AddSingleton<RecommendationServingService>();
        services.AddSingleton<IngestLimitCheck>();
        services.AddSingleton<TenantWriteGate>();
        services.AddScoped<IDataPreviewService, DataPreviewService>();
        services.AddSingleton<ISampleDataWriter, SampleDataWriter>();
        services.AddScoped<SampleDataImport>();
        services.AddScoped<DataSourceService>();
        services.AddScoped<DataSourceUploadService>();
        services.AddScoped<SqlConnectionTestService>();
        services.AddScoped<ImportQueueService>();
        services.AddScoped<ImportHistoryService>();
        services.AddSingleton<SampleDataGenerator>();
        services.AddScoped<IJobHandler, SampleDataJobHandler>();
        services.AddScoped<IJobHandler, ImportJobHandler>();
        services.AddSingleton<IConsentGate, ConsentGate>();
        services.AddScoped<ConsentService>();
        services.AddScoped<Privacy.ConsentsApi.ConsentIngestService>();
        services.AddSingleton<PseudonymKeyRing>();
        services.AddSingleton<IPseudonymizer, HmacPseudonymizer>();
        services.AddScoped<PseudonymisationService>();
        services.AddScoped<IJobHandler, RekeyPseudonymsJobHandler>();
        services.TryAddSingleton<IRandomSource>(CryptoRandomSource.Instance);
        services.AddScoped<AnonymitySettingsService>();
        services.AddScoped<GeneralisationRulesService>();
        services.AddScoped<AnonymisedAttributeReader>();
        services.AddScoped<IKAnonymityReport, KAnonymityReport>();
        services.AddScoped<DifferentialPrivacyService>();
        services.AddSingleton<IReleaseGate, AllowAllReleaseGate>();
        services.AddScoped<ModelActivation>();
        services.AddScoped<BlendService>();
        services.AddScoped<ModelTrainingService>();
        services.AddScoped<ModelVersionService>();
        services.AddScoped<RecommendationPreviewService>();
        services.AddScoped<IJobHandler, TrainModelJobHandler>();
        services.AddScoped<BlendTuningService>();
        services.AddScoped<PrivacyReportService>();
        services.AddScoped<PrivacyReportExport>();
        services.AddScoped<IJobHandler, TuneBlendJobHandler>();
        services.AddSingleton<StoredModelEraser>();
        services.AddScoped<ErasureService>();
        services.AddScoped<EndUserExportService>();
        services.AddScoped<RetentionService>();
        services.AddScoped<IJobHandler, EnforceRetentionJobHandler>();
        return builder;
    }
}
