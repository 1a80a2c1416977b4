using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources;

public sealed class SampleDataWriterTests
{
    private static readonly DateTime End = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Replace_StoresAttributesWithTheirFlags()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        await WriteAsync(host, admin.TenantId, seed: 1, CancellationToken.None);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var region = await db.EndUserAttributes.FirstAsync(a => a.Key == SampleAttributeKeys.Region);

        Assert.True(region.IsSensitive && region.IsQuasiIdentifier);
        Assert.All(await db.Interactions.Take(50).ToListAsync(), i => Assert.Equal(admin.TenantId, i.TenantId));
    }

    [Fact]
    public async Task Replace_CancelledHalfway_LeavesThePreviousDataExactlyAsItWas()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        await WriteAsync(host, admin.TenantId, seed: 1, CancellationToken.None);
        var before = await CountsAsync(host, admin.TenantId);

        using var cts = new CancellationTokenSource();
        var generator = host.Services.GetRequiredService<SampleDataGenerator>();
        var data = generator.Generate(new SampleDataOptions { Users = 80, Items = 30, Interactions = 3_000, Seed = 2 }, End, CancellationToken.None);
        var writer = host.Services.GetRequiredService<ISampleDataWriter>();
        var cancelHalfway = new InlineProgress<int>(p =>
        {
            if (p >= 50)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.ReplaceTenantDataAsync(admin.TenantId, data, cancelHalfway, cts.Token));

        Assert.Equal(before, await CountsAsync(host, admin.TenantId));
    }

    [Fact]
    public async Task Replace_InOneTenant_LeavesOtherTenantsUntouched()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await WriteAsync(host, beta.TenantId, seed: 3, CancellationToken.None);
        var betaBefore = await CountsAsync(host, beta.TenantId);

        await WriteAsync(host, alpha.TenantId, seed: 4, CancellationToken.None);

        Assert.Equal(betaBefore, await CountsAsync(host, beta.TenantId));
    }

    private static async Task WriteAsync(TestHost host, Guid tenantId, int seed, CancellationToken cancellationToken)
    {
        var generator = host.Services.GetRequiredService<SampleDataGenerator>();
        var data = generator.Generate(new SampleDataOptions { Users = 40, Items = 15, Interactions = 800, Seed = seed }, End, cancellationToken);
        await host.Services.GetRequiredService<ISampleDataWriter>().ReplaceTenantDataAsync(tenantId, data, new InlineProgress<int>(_ => { }), cancellationToken);
    }

    private static async Task<(int Users, int Items, int Interactions, int Attributes)> CountsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return (await db.EndUsers.CountAsync(), await db.Items.CountAsync(), await db.Interactions.CountAsync(), await db.EndUserAttributes.CountAsync());
    }
}
