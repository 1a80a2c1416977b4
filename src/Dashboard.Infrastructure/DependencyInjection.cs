using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Reports;
using Dashboard.Application.Privacy;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Infrastructure.DataSources;
using Dashboard.Infrastructure.Demo;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Models;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Reports;
using Dashboard.Infrastructure.Privacy;
using Dashboard.Infrastructure.Security;
using Dashboard.Infrastructure.Storage;
using Dashboard.Application.Privacy.Retention;
using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructureServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Blazor circuits live long, so pages and services create short-lived contexts from a factory;
        // Identity's stores get a scoped context (bound to no tenant) from the same options.
        services.AddDbContextFactory<DashboardDbContext>((sp, options) =>
            DbContextOptionsConfigurator.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot));
        services.AddSingleton<ITenantDbContextFactory, TenantDbContextFactory>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<InterruptedJobRecovery>();

        // Keys live in the database every node shares: a cookie, antiforgery token or encrypted secret made
        // on one node is readable on the others and after restarts. Keys from the old folder are copied in at start-up.
        services.AddDataProtection().SetApplicationName("Dashboard").PersistKeysToDbContext<DashboardDbContext>();
        services.AddSingleton<FolderKeyImporter>();

        AddIdentity(services);
        AddJobs(builder);

        services.AddSingleton<IApiKeyAuthenticator, ApiKeyAuthenticator>();
        services.AddSingleton<IIngestionWriter, IngestionWriter>();
        services.AddSingleton<ISecretProtector, SecretProtector>();
        services.AddSingleton<IPseudonymKeyProtector, PseudonymKeyProtector>();
        services.AddSingleton<IAttributeValueProtector, DataProtectionAttributeValues>();
        services.AddSingleton<ISqlSourceConnector, SqlSourceConnector>();
        services.AddSingleton<IReportPdfWriter, PdfReportWriter>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoHistory>();
        services.AddScoped<DemoCampaign>();
        services.AddSingleton<IActiveModelCache, ActiveModelCache>();
        services.AddSingleton<ITrainingSchedules, HangfireTrainingSchedules>();
        services.AddScoped<ScheduledTraining>();
        services.AddSingleton<ICampaignExportSchedules, HangfireCampaignExportSchedules>();
        services.AddScoped<ScheduledCampaignExport>();
        services.AddSingleton<IRetentionSchedules, HangfireRetentionSchedules>();
        services.AddScoped<ScheduledRetention>();
        AddStorage(services);
        return builder;
    }

    private static void AddStorage(IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalUploadStore>();
        services.AddSingleton<LocalModelArtifactStore>();
        services.AddSingleton<DatabaseBlobStore>();
        services.AddSingleton<DatabaseUploadStore>();
        services.AddSingleton<DatabaseModelArtifactStore>();
        services.AddSingleton<IUploadStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsDatabase
            ? sp.GetRequiredService<DatabaseUploadStore>()
            : sp.GetRequiredService<LocalUploadStore>());
        services.AddSingleton<IModelArtifactStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsDatabase
            ? sp.GetRequiredService<DatabaseModelArtifactStore>()
            : sp.GetRequiredService<LocalModelArtifactStore>());
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;

                // NIST SP 800-63B: length, no composition rules, a deny-list (CommonPasswordValidator).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddUserManager<DashboardUserManager>()
            .AddSignInManager<DashboardSignInManager>()
            .AddErrorDescriber<DashboardIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddSingleton<IIdentityService, IdentityService>();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<RoleSeeder>();
    }

    private static void AddJobs(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton<JobProgressRegistry>();
        services.AddSingleton<ILiveJobProgress>(sp => sp.GetRequiredService<JobProgressRegistry>());
        services.AddScoped<IJobScheduler, JobScheduler>();
        services.AddScoped<JobRunExecutor>();

        // The storage is this host's own singleton, not Hangfire's process-wide JobStorage.Current: AddHangfire
        // only adds its storage when none is registered, and a global one would be shared (and disposed) by
        // every host in the process — several test hosts run side by side.
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (!database.IsSqlite)
            {
                return new SqlServerStorage(database.ConnectionString);
            }

            var path = Path.GetFullPath(Path.Combine(contentRoot, jobs.SqliteStoragePath));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        });
        services.AddHangfire((sp, config) => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseLogProvider(new HostBoundLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var jobsOptions = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (jobsOptions.RunServer)
        {
            services.AddHangfireServer((sp, server) => server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
            // Only where jobs run: the demo's history waits for its trainings and audits.
            services.AddHostedService<Demo.DemoHistoryService>();
        }
    }
}
