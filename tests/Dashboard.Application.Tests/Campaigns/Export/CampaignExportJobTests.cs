using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Campaigns;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Campaigns.Export.CampaignExportTestKit;

namespace Dashboard.Application.Tests.Campaigns.Export;

public sealed class CampaignExportJobTests
{
    [Fact]
    public async Task Export_WritesEachConsentingMembersListUnderOneRecommendationId_InTheDocumentedColumns()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, listSize: 4);
        var chosen = await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 12));

        await RunAsync(host, admin.TenantId, campaignId);

        var (export, text) = await OnlyExportAsync(host, admin.TenantId, campaignId);
        var rows = Rows(text);
        Assert.Equal(CampaignExportCsv.Header, text[..text.IndexOf('\r', StringComparison.Ordinal)]);
        Assert.Equal(chosen.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows.GroupBy(r => r[0]), list =>
        {
            Assert.Equal(["1", "2", "3", "4"], list.Select(r => r[1]));
            Assert.Single(list.Select(r => r[5]).Distinct());
        });
        Assert.Equal((12, 48), (export.EndUserCount, export.RowCount));
    }

    [Fact]
    public async Task Export_LeavesOutMembersWithoutMarketingMessagesConsent()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        var users = await EndUsersAsync(host, admin.TenantId, 10);
        await MarketingConsentAsync(host, admin.TenantId, true, users);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await MarketingConsentAsync(host, admin.TenantId, false, users.Take(3));

        await RunAsync(host, admin.TenantId, campaignId);

        var (_, text) = await OnlyExportAsync(host, admin.TenantId, campaignId);
        Assert.Equal(users.Skip(3).Order(StringComparer.Ordinal), Rows(text).Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_LogsEachListAsServedForTheCampaignAndTheArmTheFileNames()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, arms: [("A", 50), ("B", 50)]);
        await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 40));

        await RunAsync(host, admin.TenantId, campaignId);

        var (_, text) = await OnlyExportAsync(host, admin.TenantId, campaignId);
        await using var db = host.CreateTenantContext(admin.TenantId);
        var arms = await db.CampaignArms.AsNoTracking().Where(a => a.CampaignId == campaignId).ToListAsync();
        var served = await db.ServedRecommendations.AsNoTracking().Where(s => s.CampaignId == campaignId).ToDictionaryAsync(s => s.Id);
        var lists = Rows(text).GroupBy(r => r[5]).ToList();
        Assert.Equal(40, served.Count);
        Assert.All(lists, list =>
        {
            var log = served[list.Key];
            var arm = arms.Single(a => a.Id == log.CampaignArmId);
            Assert.Equal((list.First()[0], arm.Name, ArmAssignment.Assign(arms, campaignId, list.First()[0]).Name), (log.EndUserExternalId, list.First()[6], arm.Name));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(list.Select(r => r[2])), log.ItemIdsJson);
        });
        Assert.Equal(["A", "B"], lists.Select(l => l.First()[6]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_IsAuditedAsTheJobOnBehalfOfWhoeverAsked_WithEndUsersAndRows()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, listSize: 3);
        await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 5));

        await RunAsync(host, admin.TenantId, campaignId);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == AuditActions.CampaignExported);
        Assert.Equal(("Spring newsletter", "5 end-users, 15 rows"), (entry.Subject, entry.After));
        Assert.Contains("marketer@example.test", entry.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataChangedWhileTheFileIsWritten_DoesNotMixIntoTheExport()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        var users = await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 8));
        var change = new HookedProgress("Writing the lists", async () =>
        {
            await using var db = host.CreateTenantContext(admin.TenantId);
            var at = host.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
            var newcomer = new EndUser { ExternalId = "newcomer", CreatedAtUtc = at };
            db.EndUsers.Add(newcomer);
            await db.SaveChangesAsync();
            db.ConsentRecords.Add(new ConsentRecord { EndUserId = newcomer.Id, Purpose = ConsentPurpose.MarketingMessages, Granted = true, OccurredAtUtc = at, RecordedAtUtc = at, Source = "test" });
            var leaver = await db.EndUsers.Where(u => u.ExternalId == users[0]).Select(u => u.Id).SingleAsync();
            db.ConsentRecords.Add(new ConsentRecord { EndUserId = leaver, Purpose = ConsentPurpose.MarketingMessages, Granted = false, OccurredAtUtc = at.AddSeconds(30), RecordedAtUtc = at, Source = "test" });
            await db.SaveChangesAsync();
        });

        await RunAsync(host, admin.TenantId, campaignId, change);

        var (export, text) = await OnlyExportAsync(host, admin.TenantId, campaignId);
        Assert.Equal(users.Order(StringComparer.Ordinal), Rows(text).Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(8, export.EndUserCount);
    }

    [Fact]
    public async Task CancelledWhileWriting_KeepsNoFileNoExportAndNoServedList()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 8));
        using var cancel = new CancellationTokenSource();
        var files = StoredFiles(host);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync(host, admin.TenantId, campaignId, new HookedProgress("Writing the lists", cancel.CancelAsync), cancel.Token));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((files, 0, 0), (StoredFiles(host), await db.CampaignExports.CountAsync(), await db.ServedRecommendations.CountAsync(s => s.CampaignId == campaignId)));
    }

    [Fact]
    public async Task CampaignDeletedWhileWriting_RemovesTheFinishedFile()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 8));
        var files = StoredFiles(host);
        var delete = new HookedProgress("Writing the lists", async () =>
        {
            await using var db = host.CreateTenantContext(admin.TenantId);
            await db.Campaigns.Where(c => c.Id == campaignId).ExecuteDeleteAsync();
        });

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RunAsync(host, admin.TenantId, campaignId, delete));

        Assert.Contains("was deleted while it was being exported", refused.Message, StringComparison.Ordinal);
        Assert.Equal(files, StoredFiles(host));
    }

    [Fact]
    public async Task ArmWhoseVersionTheComplianceGateHolds_IsRefusedNamingTheArm()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, arms: [("Control", 100)]);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.ModelVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Review, ReleaseReview.AwaitingReview));
        }

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RunAsync(host, admin.TenantId, campaignId));

        Assert.StartsWith("Arm Control (blend “Default”, version 1) may not serve: its bias audit found a blocking failure", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArmWhoseBlendWasDeleted_IsRefused()
    {
        var (host, admin, _) = await StartTrainedAsync();
        await using var __ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId: null, arms: [("B", 100)]);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RunAsync(host, admin.TenantId, campaignId));

        Assert.Equal("Arm B's blend was deleted; give the arm a blend before exporting.", refused.Message);
    }

    [Fact]
    public async Task PausedCampaign_IsNotExported()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, state: CampaignState.Paused);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RunAsync(host, admin.TenantId, campaignId));

        Assert.Equal("“Spring newsletter” is paused; only a running campaign's lists are exported.", refused.Message);
    }
}
