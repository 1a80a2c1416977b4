using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Campaigns.CampaignTestKit;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignServiceTests
{
    [Fact]
    public async Task Create_ValidAbTest_IsSavedAsADraftWithItsArmsBlendNamesAndOneAuditEntry()
    {
        await using var kit = await StartAsync();

        var id = await CreatedAsync(kit, Input(kit));

        var view = await GetAsync(kit, id);
        Assert.Equal((CampaignState.Draft, "Everyone"), (view.State, view.SegmentName));
        Assert.Equal([("A", "Default", 50), ("B", "Popular", 50)], view.Arms.Select(a => (a.Name, a.BlendName, a.SharePercent)));
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal("Added the campaign “Spring”.", AuditSentence.Describe(await db.AuditLog.SingleAsync(e => e.Action == AuditActions.CampaignCreated)));
    }

    [Fact]
    public async Task Create_ByAComplianceOfficer_IsForbiddenInTheService()
    {
        await using var kit = await StartAsync();
        kit.Host.CurrentUser.Caller = TestHost.As(kit.Admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => CreateAsync(kit, Input(kit)));
    }

    [Fact]
    public async Task Create_ByAMarketer_IsAllowed()
    {
        await using var kit = await StartAsync();
        kit.Host.CurrentUser.Caller = TestHost.As(kit.Admin, Roles.Marketer);

        Assert.True((await CreateAsync(kit, Input(kit))).Succeeded);
    }

    [Fact]
    public async Task List_ByAComplianceOfficer_ShowsTheCampaigns()
    {
        await using var kit = await StartAsync();
        await CreatedAsync(kit, Input(kit));
        kit.Host.CurrentUser.Caller = TestHost.As(kit.Admin, Roles.ComplianceOfficer);

        Assert.Equal(["Spring"], (await kit.Host.InScopeAsync<CampaignService, IReadOnlyList<CampaignView>>(s => s.ListAsync())).Select(c => c.Name));
    }

    [Fact]
    public async Task Create_WithTheEndBeforeTheStart_IsRefusedOnTheEndField()
    {
        await using var kit = await StartAsync();

        var result = await CreateAsync(kit, Input(kit) with { StartsAtUtc = Now.AddDays(3), EndsAtUtc = Now.AddDays(2) });

        Assert.Equal([nameof(CampaignInput.EndsAtUtc)], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_WithTheEndEqualToTheStart_IsRefused()
    {
        await using var kit = await StartAsync();

        var result = await CreateAsync(kit, Input(kit) with { StartsAtUtc = Now, EndsAtUtc = Now });

        Assert.Contains(result.Problems, p => p.Field == nameof(CampaignInput.EndsAtUtc));
    }

    [Theory]
    [InlineData(50, 40)]
    [InlineData(60, 50)]
    public async Task Create_WithSharesNotAddingUpTo100_IsRefusedWithTheTotal(int a, int b)
    {
        await using var kit = await StartAsync();
        var input = Input(kit);

        var result = await CreateAsync(kit, input with { Arms = [input.Arms[0] with { SharePercent = a }, input.Arms[1] with { SharePercent = b }] });

        Assert.Equal([new FieldMessage("Arms", $"The arms' shares add up to {a + b} %; they must add up to 100 %.")], result.Problems);
    }

    [Fact]
    public async Task Create_WithSharesOf100And0_IsRefusedForBothArms()
    {
        await using var kit = await StartAsync();
        var input = Input(kit);

        var result = await CreateAsync(kit, input with { Arms = [input.Arms[0] with { SharePercent = 100 }, input.Arms[1] with { SharePercent = 0 }] });

        Assert.Equal(["Arms[0].SharePercent", "Arms[1].SharePercent"], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_WithTwoArmsOfOneName_IsRefused()
    {
        await using var kit = await StartAsync();
        var input = Input(kit);

        var result = await CreateAsync(kit, input with { Arms = [input.Arms[0], input.Arms[1] with { Name = "a" }] });

        Assert.Equal(["Arms[1].Name"], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_WithSixArms_IsRefused()
    {
        await using var kit = await StartAsync();
        var arms = Enumerable.Range(0, 6).Select(i => new CampaignArmInput($"Arm {i}", kit.DefaultBlendId, i == 0 ? 50 : 10)).ToList();

        var result = await CreateAsync(kit, Input(kit) with { Arms = arms });

        Assert.Equal([new FieldMessage("Arms", "A campaign has 1 to 5 arms.")], result.Problems);
    }

    [Fact]
    public async Task Create_WithAnArmWithoutABlend_IsRefusedForThatArm()
    {
        await using var kit = await StartAsync();
        var input = Input(kit);

        var result = await CreateAsync(kit, input with { Arms = [input.Arms[0], input.Arms[1] with { BlendId = null }] });

        Assert.Equal(["Arms[1].BlendId"], result.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Create_WithAListSizeOutside1To100_IsRefused(int size)
    {
        await using var kit = await StartAsync();

        var result = await CreateAsync(kit, Input(kit) with { ListSize = size });

        Assert.Equal([nameof(CampaignInput.ListSize)], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_WithTheNameOfAnotherCampaign_IsRefused()
    {
        await using var kit = await StartAsync();
        await CreatedAsync(kit, Input(kit));

        var result = await CreateAsync(kit, Input(kit, " Spring "));

        Assert.Equal([new FieldMessage("Name", "There is already a campaign named “Spring”.")], result.Problems);
    }

    [Fact]
    public async Task Create_WithRulesNamingUnknownCategoriesAndItems_IsRefusedNamingThem()
    {
        await using var kit = await StartAsync();
        var rules = new CampaignRules { IncludeCategories = ["Books", "Garden"], ExcludeItems = ["i1", "nope"] };

        var result = await CreateAsync(kit, Input(kit) with { Rules = rules });

        Assert.Equal(
            [new FieldMessage("Rules.IncludeCategories", "No category “Garden” in your data."), new FieldMessage("Rules.ExcludeItems", "No item “nope” in your data.")],
            result.Problems);
    }

    [Fact]
    public async Task Create_WithAPinBeyondTheListAndABoostAbove1_IsRefused()
    {
        await using var kit = await StartAsync();
        var rules = new CampaignRules { PinnedItems = [new PinnedItem("i1", 11)], BoostedItems = [new BoostedItem("i2", 1.5)] };

        var result = await CreateAsync(kit, Input(kit) with { Rules = rules });

        Assert.Equal(["Rules.PinnedItems", "Rules.BoostedItems"], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Create_WithKnownRules_IsSavedWithThem()
    {
        await using var kit = await StartAsync();
        var rules = new CampaignRules { IncludeCategories = ["Books"], PinnedItems = [new PinnedItem("i3", 1)], BoostedItems = [new BoostedItem("i1", 0.3)], MaxPerCategory = 2 };

        var id = await CreatedAsync(kit, Input(kit) with { Rules = rules });

        Assert.Equal(rules.ToJson(), (await GetAsync(kit, id)).Rules.ToJson());
    }

    [Fact]
    public async Task Create_OnAnEmptySegment_IsAllowedAsADraft()
    {
        await using var kit = await StartAsync();
        var empty = await AddSegmentAsync(kit, "Nobody", Nobody);

        Assert.True((await CreateAsync(kit, Input(kit) with { SegmentId = empty })).Succeeded);
    }

    [Fact]
    public async Task Start_OnAnEmptySegment_IsRefused()
    {
        await using var kit = await StartAsync();
        var empty = await AddSegmentAsync(kit, "Nobody", Nobody);
        var id = await CreatedAsync(kit, Input(kit) with { SegmentId = empty });

        var result = await StartCampaignAsync(kit, id);

        Assert.Equal(["The segment “Nobody” has no end-users today, so the campaign would reach nobody."], result.Errors);
        Assert.Equal(CampaignState.Draft, (await GetAsync(kit, id)).State);
    }

    [Fact]
    public async Task Start_WithoutASegment_IsRefused()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit) with { SegmentId = null });

        var result = await StartCampaignAsync(kit, id);

        Assert.Equal(["It has no segment: choose who it is for first."], result.Errors);
    }

    [Fact]
    public async Task Start_WhenItsStartHasCome_RunsAndTheAuditNamesTheArms()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));

        var result = await StartCampaignAsync(kit, id);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(CampaignState.Running, (await GetAsync(kit, id)).State);
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal("Started the campaign “Spring” with arm A (blend “Default”, 50 %) and arm B (blend “Popular”, 50 %).",
            AuditSentence.Describe(await db.AuditLog.SingleAsync(e => e.Action == AuditActions.CampaignStarted)));
    }

    [Fact]
    public async Task Start_WithItsStartAhead_SchedulesIt()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit) with { StartsAtUtc = Now.AddDays(2), EndsAtUtc = Now.AddDays(9) });

        await StartCampaignAsync(kit, id);

        Assert.Equal((CampaignState.Scheduled, CampaignState.Scheduled), ((await GetAsync(kit, id)).State, (await GetAsync(kit, id)).EffectiveState));
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal("Scheduled the campaign “Spring” to start on 2026-07-02 12:00 UTC.",
            AuditSentence.Describe(await db.AuditLog.SingleAsync(e => e.Action == AuditActions.CampaignScheduled)));
    }

    [Fact]
    public async Task StartNow_WithItsStartAhead_RunsItFromNow()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit) with { StartsAtUtc = Now.AddDays(2), EndsAtUtc = Now.AddDays(9) });

        var result = await kit.Host.InScopeAsync<CampaignService, Result>(s => s.StartAsync(id, now: true));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var view = await GetAsync(kit, id);
        Assert.Equal((CampaignState.Running, Now), (view.EffectiveState, view.StartsAtUtc));
    }

    [Theory]
    [InlineData(ReleaseReview.AwaitingReview)]
    [InlineData(ReleaseReview.AwaitingAudit)]
    [InlineData(ReleaseReview.Rejected)]
    public async Task Start_WhenTheGateBlocksOneArmsVersion_IsRefusedNamingOnlyThatArm(ReleaseReview review)
    {
        await using var kit = await StartAsync();
        await AddVersionAsync(kit, kit.PopularBlendId, review);
        var id = await CreatedAsync(kit, Input(kit));

        var result = await StartCampaignAsync(kit, id);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Arm B: version 2 of the blend “Popular” may not go live: ", error, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Draft, (await GetAsync(kit, id)).State);
    }

    [Fact]
    public async Task Start_WhenAnArmsBlendHasNoActiveVersion_IsRefused()
    {
        await using var kit = await StartAsync();
        var fresh = await kit.Host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput("Fresh", Dashboard.Recommender.Serving.BlendSpec.Default)));
        var id = await CreatedAsync(kit, Input(kit) with { Arms = [new CampaignArmInput("Only", fresh.Id, 100)] });

        var result = await StartCampaignAsync(kit, id);

        Assert.Equal(["Arm Only: the blend “Fresh” has no active version yet; train it on the Algorithms page first."], result.Errors);
    }

    [Fact]
    public async Task Start_WhenAnArmsBlendWasDeleted_IsRefusedAndTheArmSaysSo()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        Assert.True((await kit.Host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(kit.PopularBlendId))).Succeeded);

        var result = await StartCampaignAsync(kit, id);

        Assert.Equal(["Arm B: its blend was deleted; edit the campaign and choose another blend for it."], result.Errors);
        Assert.Equal(CampaignService.BlendDeleted, (await GetAsync(kit, id)).Arms[1].BlendName);
    }

    [Fact]
    public async Task Start_OverlappingALiveCampaignOfTheSameChannelAndSegment_IsRefusedNamingIt()
    {
        await using var kit = await StartAsync();
        Assert.True((await StartCampaignAsync(kit, await CreatedAsync(kit, Input(kit, "Summer")))).Succeeded);
        var id = await CreatedAsync(kit, Input(kit) with { StartsAtUtc = Now.AddDays(3), EndsAtUtc = Now.AddDays(30) });

        var result = await StartCampaignAsync(kit, id);

        Assert.Equal(["Its dates overlap the campaign “Summer”, which already targets the segment “Everyone” on the web channel; change the dates or end the other first."],
            result.Errors);
    }

    [Fact]
    public async Task Start_AfterTheOtherCampaignOfTheSameChannelAndSegmentEnds_IsAllowed()
    {
        await using var kit = await StartAsync();
        Assert.True((await StartCampaignAsync(kit, await CreatedAsync(kit, Input(kit, "Summer")))).Succeeded);
        var id = await CreatedAsync(kit, Input(kit) with { StartsAtUtc = Now.AddDays(14), EndsAtUtc = Now.AddDays(30) });

        Assert.True((await StartCampaignAsync(kit, id)).Succeeded);
    }

    [Fact]
    public async Task Start_OnAnotherChannelAtTheSameDates_IsAllowed()
    {
        await using var kit = await StartAsync();
        Assert.True((await StartCampaignAsync(kit, await CreatedAsync(kit, Input(kit, "Summer")))).Succeeded);
        var id = await CreatedAsync(kit, Input(kit) with { Channel = CampaignChannel.App });

        Assert.True((await StartCampaignAsync(kit, id)).Succeeded);
    }

    [Fact]
    public async Task Start_ByAComplianceOfficer_IsForbiddenInTheService()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        kit.Host.CurrentUser.Caller = TestHost.As(kit.Admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => StartCampaignAsync(kit, id));
    }

    [Fact]
    public async Task PauseResumeEnd_MoveTheStateAndAuditEachStep()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);

        var states = new List<CampaignState>();
        foreach (var step in new Func<CampaignService, Task<Result>>[] { s => s.PauseAsync(id), s => s.ResumeAsync(id), s => s.EndAsync(id) })
        {
            Assert.True((await kit.Host.InScopeAsync(step)).Succeeded);
            states.Add((await GetAsync(kit, id)).State);
        }

        Assert.Equal([CampaignState.Paused, CampaignState.Running, CampaignState.Ended], states);
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal(["Paused the campaign “Spring”.", "Resumed the campaign “Spring”.", "Ended the campaign “Spring”."],
            (await db.AuditLog.Where(e => e.Action == AuditActions.CampaignPaused || e.Action == AuditActions.CampaignResumed || e.Action == AuditActions.CampaignEnded)
                .ToListAsync()).OrderBy(e => e.Id).Select(AuditSentence.Describe));
    }

    [Fact]
    public async Task Resume_WhenTheGateNowBlocksAnArm_IsRefusedAndStaysPaused()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);
        await kit.Host.InScopeAsync<CampaignService, Result>(s => s.PauseAsync(id));
        await AddVersionAsync(kit, kit.DefaultBlendId, ReleaseReview.AwaitingReview);

        var result = await kit.Host.InScopeAsync<CampaignService, Result>(s => s.ResumeAsync(id));

        Assert.StartsWith("Arm A: version 2 of the blend “Default” may not go live", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal(CampaignState.Paused, (await GetAsync(kit, id)).State);
    }

    [Fact]
    public async Task Resume_AfterItsSegmentWasDeleted_IsRefusedAndTheCampaignSaysSo()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);
        await kit.Host.InScopeAsync<CampaignService, Result>(s => s.PauseAsync(id));
        await using (var db = kit.Host.CreateTenantContext(kit.Admin.TenantId))
        {
            db.Segments.Remove(await db.Segments.SingleAsync(s => s.Id == kit.EveryoneSegmentId));
            await db.SaveChangesAsync();
        }

        var result = await kit.Host.InScopeAsync<CampaignService, Result>(s => s.ResumeAsync(id));

        Assert.Equal(["Its segment was deleted: choose another segment first."], result.Errors);
        Assert.Equal(CampaignService.SegmentDeleted, (await GetAsync(kit, id)).SegmentName);
    }

    [Fact]
    public async Task Pause_OfADraft_IsRefused()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));

        var result = await kit.Host.InScopeAsync<CampaignService, Result>(s => s.PauseAsync(id));

        Assert.Equal(["“Spring” is draft; only a scheduled or running campaign is paused."], result.Errors);
    }

    [Fact]
    public async Task Update_OfARunningCampaign_IsRefused()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);

        var result = await UpdateAsync(kit, id, i => i with { ListSize = 5 });

        Assert.Equal([new FieldMessage(string.Empty, "“Spring” is running: only a draft or a paused campaign can be changed; pause it first.")], result.Problems);
    }

    [Fact]
    public async Task Update_OfAPausedCampaign_KeepsTheArmsIdsAndAuditsEachChange()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);
        await kit.Host.InScopeAsync<CampaignService, Result>(s => s.PauseAsync(id));
        var armIds = (await GetAsync(kit, id)).Arms.Select(a => a.Id).ToList();

        var result = await UpdateAsync(kit, id, i => i with { ListSize = 5, Arms = [i.Arms[0] with { SharePercent = 70 }, i.Arms[1] with { SharePercent = 30 }] });

        Assert.True(result.Succeeded);
        Assert.Equal(armIds, (await GetAsync(kit, id)).Arms.Select(a => a.Id));
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal("Changed the campaign “Spring”: arms from A: Default 50 %, B: Popular 50 % to A: Default 70 %, B: Popular 30 %; list size from 10 to 5.",
            AuditSentence.Describe(await db.AuditLog.SingleAsync(e => e.Action == AuditActions.CampaignUpdated)));
    }

    [Fact]
    public async Task Update_WithAStaleStamp_IsRefusedAndKeepsTheOtherChange()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        var stale = await GetAsync(kit, id);
        await UpdateAsync(kit, id, i => i with { ListSize = 7 });

        var result = await UpdateAsync(kit, id, i => i with { ListSize = 3, ConcurrencyStamp = stale.ConcurrencyStamp });

        Assert.Equal((false, 7), (result.Succeeded, (await GetAsync(kit, id)).ListSize));
    }

    [Fact]
    public async Task Update_RemovingAnArm_LeavesOneArmOfTheWholeSegment()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));

        await UpdateAsync(kit, id, i => i with { Arms = [i.Arms[0] with { SharePercent = 100 }] });

        Assert.Equal([("A", 100)], (await GetAsync(kit, id)).Arms.Select(a => (a.Name, a.SharePercent)));
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal(1, await db.CampaignArms.CountAsync());
    }

    [Fact]
    public async Task Delete_OfARunningCampaign_IsRefused()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);

        var result = await kit.Host.InScopeAsync<CampaignService, Result>(s => s.DeleteAsync(id));

        Assert.Equal(["“Spring” is running. Pause or end it first, then delete it."], result.Errors);
    }

    [Fact]
    public async Task Delete_OfADraft_RemovesItWithItsArmsAndIsAudited()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));

        Assert.True((await kit.Host.InScopeAsync<CampaignService, Result>(s => s.DeleteAsync(id))).Succeeded);

        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        Assert.Equal((0, 0, 1), (await db.Campaigns.CountAsync(), await db.CampaignArms.CountAsync(), await db.AuditLog.CountAsync(e => e.Action == AuditActions.CampaignDeleted)));
    }

    [Fact]
    public async Task Get_OfAnotherOrganisationsCampaign_IsNotFound()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        kit.Host.CurrentUser.Caller = await kit.Host.RegisterOrganisationAsync("Beta", "beta@example.test");

        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(kit, id));
    }

    [Fact]
    public async Task DeleteBlend_UsedByARunningCampaign_IsRefusedNamingTheCampaign()
    {
        await using var kit = await StartAsync();
        await StartCampaignAsync(kit, await CreatedAsync(kit, Input(kit)));

        var result = await kit.Host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(kit.PopularBlendId));

        Assert.Equal(["“Popular” serves the campaign “Spring” (scheduled, running or paused). End those campaigns or give their arms another blend first, then delete the blend."],
            result.Errors);
    }

    [Fact]
    public async Task DeleteBlend_UsedOnlyByAnEndedCampaign_IsAllowed()
    {
        await using var kit = await StartAsync();
        var id = await CreatedAsync(kit, Input(kit));
        await StartCampaignAsync(kit, id);
        await kit.Host.InScopeAsync<CampaignService, Result>(s => s.EndAsync(id));

        Assert.True((await kit.Host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(kit.PopularBlendId))).Succeeded);
    }
}
