using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Tests.Jobs;

public sealed class JobRunExecutorLoggingTests
{
    [Fact]
    public async Task Execute_RefusedInput_IsLoggedAsInformation_WithoutAStackTrace()
    {
        var log = new CapturingLoggerProvider();
        await using var host = await TestHost.StartAsync(services => services.AddSingleton<ILoggerProvider>(log));
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var id = await host.QueueJobAsync(admin.TenantId, new SampleDataOptions { Users = 1, Items = 20, Interactions = 1_000, Seed = 7 });

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(admin.TenantId, id, CancellationToken.None);
        }

        var entries = log.Entries.Where(e => e.Category == typeof(JobRunExecutor).FullName && e.Message.Contains(id.ToString(), StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(entries);
        Assert.Equal((LogLevel.Information, null), (entry.Level, entry.Exception));
    }
}
