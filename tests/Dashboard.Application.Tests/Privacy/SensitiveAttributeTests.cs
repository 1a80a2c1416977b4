using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Training;
using Dashboard.Application.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

public sealed class SensitiveAttributeTests
{
    [Fact]
    public async Task SensitiveValues_AreStoredEncrypted_AndNoTableHoldsThemPlain()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync();
        await using var _ = host;

        await using var db = host.CreateTenantContext(admin.TenantId);
        var genders = await db.EndUserAttributes.AsNoTracking().Where(a => a.Key == SampleAttributeKeys.Gender).ToListAsync();
        var protector = host.Services.GetRequiredService<IAttributeValueProtector>();
        Assert.All(genders, g => Assert.True(g.IsSensitive));
        Assert.Equal(["female", "male", "non-binary"], genders.Select(g => protector.Unprotect(admin.TenantId, g.Value)).Distinct().Order());
        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, "non-binary"));
    }

    [Fact]
    public async Task SensitiveValues_OfAnotherTenant_DoNotDecrypt()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var stored = await db.EndUserAttributes.AsNoTracking().Where(a => a.IsSensitive).Select(a => a.Value).FirstAsync();

        var protector = host.Services.GetRequiredService<IAttributeValueProtector>();

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(Guid.NewGuid(), stored));
    }

    [Fact]
    public async Task Training_PerGroupFigures_AreByTheDecryptedValues()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;

        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);

        var version = Assert.Single(await TrainingTestKit.VersionsAsync(host, admin.TenantId));
        var groups = VersionMetrics.FromJson(version.MetricsJson).Groups.Where(g => g.Attribute == SampleAttributeKeys.Gender).Select(g => g.Group).Order();
        Assert.Equal(["female", "male", "non-binary"], groups);
    }
}
