using Dashboard.Application.Overview;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources.Preview;

/// <summary>The preview's figures on a hand-countable dataset (see <see cref="PreviewDataset"/>), with a second tenant beside it.</summary>
public sealed class DataPreviewServiceTests : IAsyncLifetime
{
    private TestHost _host = default!;
    private CallerContext _alpha = default!;
    private DataPreview _preview = default!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _alpha = await _host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await _host.RegisterOrganisationAsync("Beta", "b@example.test");
        await using (var db = _host.CreateTenantContext(_alpha.TenantId))
        {
            await PreviewDataset.WriteAlphaAsync(db, _host.Services.GetRequiredService<IAttributeValueProtector>());
        }

        await using (var db = _host.CreateTenantContext(beta.TenantId))
        {
            await PreviewDataset.WriteBetaAsync(db, _host.Services.GetRequiredService<IAttributeValueProtector>());
        }

        _preview = await PreviewAsAsync(TestHost.As(_alpha, Roles.ComplianceOfficer));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Counts_AreTheTenantsOwnRows()
    {
        Assert.Equal(new DataPreviewCounts(EndUsers: 3, Items: 4, PlaceholderItems: 1, Interactions: 6, ActiveEndUsers: 2, ActiveItems: 3, DistinctPairs: 4), _preview.Counts);
    }

    [Fact]
    public void Sparsity_IsOneMinusDistinctPairsOverActiveUsersTimesActiveItems()
    {
        Assert.Equal(1 - (4.0 / 6.0), _preview.Counts.Sparsity!.Value, 1e-12);
    }

    [Fact]
    public void EventTypes_CountEveryTypeIncludingAbsentOnes()
    {
        Assert.Equal(
            [new(InteractionType.View, 3), new(InteractionType.Click, 1), new(InteractionType.AddToCart, 0), new(InteractionType.Purchase, 1), new(InteractionType.Rating, 1)],
            _preview.EventTypes);
    }

    [Fact]
    public void EventTypes_ListEveryTypeTheProductKnows()
    {
        Assert.Equal(Enum.GetValues<InteractionType>(), _preview.EventTypes.Select(e => e.Type));
    }

    [Fact]
    public void TopItems_PutTheMostInteractedItemFirstAndIgnoreOtherTenants()
    {
        Assert.Equal(
            [new("i1", "Atlas", "Books", 4), new("i2", "Cookbook", "Books", 1), new("i4", "i4", null, 1)],
            _preview.TopItems);
    }

    [Fact]
    public void TopCategories_SumInteractionsPerCategory()
    {
        Assert.Equal([new("Books", 5), new(DataPreviewService.NoCategoryLabel, 1)], _preview.TopCategories);
    }

    [Fact]
    public void CategoryDistribution_CountsItemsPerCategory()
    {
        Assert.Equal([new("Books", 2), new(DataPreviewService.NoCategoryLabel, 1), new("Toys", 1)], _preview.CategoryDistribution);
    }

    [Fact]
    public void Attributes_GiveValueCountsAndFlagsPerKey()
    {
        var region = Assert.Single(_preview.Attributes, a => a.Key == "region");

        Assert.Equal(
            (true, true, 3, 2, "North=2, South=1"),
            (region.IsSensitive, region.IsQuasiIdentifier, region.EndUsers, region.DistinctValues, string.Join(", ", region.Values.Select(v => $"{v.Label}={v.Count}"))));
    }

    [Fact]
    public async Task Attributes_ForAMarketer_CountSensitiveValuesButDoNotShowThem()
    {
        var preview = await PreviewAsAsync(TestHost.As(_alpha, Roles.Marketer));

        var region = Assert.Single(preview.Attributes, a => a.Key == "region");
        Assert.Equal(
            (3, 2, $"{DataPreviewService.HiddenLabel}=3"),
            (region.EndUsers, region.DistinctValues, string.Join(", ", region.Values.Select(v => $"{v.Label}={v.Count}"))));
    }

    [Fact]
    public async Task SampleEndUsers_ForAMarketer_HideSensitiveValues()
    {
        var preview = await PreviewAsAsync(TestHost.As(_alpha, Roles.Marketer));

        var u1 = Assert.Single(preview.SampleEndUsers, u => u.ExternalId == "u1");
        Assert.Equal([new("gender", DataPreviewService.HiddenLabel, true, false), new("region", DataPreviewService.HiddenLabel, true, true)], u1.Attributes);
    }

    [Fact]
    public void Attributes_AreOrderedByHowManyEndUsersHaveThem()
    {
        Assert.Equal(["region", "gender"], _preview.Attributes.Select(a => a.Key));
    }

    [Fact]
    public void PriceHistogram_PutsEachPricedItemInTheBucketThatHoldsItsPrice()
    {
        var counts = new[] { 5.00m, 10.00m, 20.00m }
            .Select(price => _preview.PriceHistogram.Single(b => b.From <= price && price < b.To).Items);

        Assert.Equal([1, 1, 1], counts);
    }

    [Fact]
    public void PriceHistogram_CountsOnlyPricedItems()
    {
        Assert.Equal(3, _preview.PriceHistogram.Sum(b => b.Items));
    }

    [Fact]
    public void InteractionsPerDay_EndsAtTheNewestEventAndFillsEmptyDays()
    {
        var lastThree = _preview.History.Points.TakeLast(3).Select(d => (d.Day, d.Count));

        Assert.Equal(
            [(DateOnly.FromDateTime(PreviewDataset.FirstDay), 3), (new DateOnly(2026, 6, 2), 0), (DateOnly.FromDateTime(PreviewDataset.LastDay), 3)],
            lastThree);
    }

    [Fact]
    public void InteractionsPerDay_OfAShortHistory_StartsBeforeTheOldestEventButNotMonthsBefore()
    {
        var days = _preview.History.Points;

        Assert.Equal(
            (InteractionsPerDay.MinDays, DateOnly.FromDateTime(PreviewDataset.LastDay).AddDays(-(InteractionsPerDay.MinDays - 1))),
            (days.Count, days[0].Day));
    }

    [Fact]
    public async Task History_OfAMovieLensLikeSpan_ShowsEverythingFrom1997PerWeek()
    {
        var ml = await _host.RegisterOrganisationAsync("ML", "ml@example.test");
        await using (var db = _host.CreateTenantContext(ml.TenantId))
        {
            var user = new EndUser { ExternalId = "196" };
            var item = new Item { ExternalId = "242", Title = "Kolya (1996)" };
            db.Interactions.AddRange(
                new Interaction { EndUser = user, Item = item, Type = InteractionType.Rating, Value = 3, OccurredAtUtc = new DateTime(1997, 9, 20, 3, 5, 10, DateTimeKind.Utc) },
                new Interaction { EndUser = user, Item = item, Type = InteractionType.Rating, Value = 4, OccurredAtUtc = new DateTime(1998, 4, 22, 23, 10, 38, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        var history = (await PreviewAsAsync(TestHost.As(ml, Roles.Marketer))).History;

        Assert.Equal(
            (TimeBucket.Week, new DateOnly(1997, 9, 15), 1, new DateOnly(1998, 4, 20), 1, 2),
            (history.Bucket, history.Points[0].Day, history.Points[0].Count, history.Points[^1].Day, history.Points[^1].Count, history.Points.Sum(p => p.Count)));
        Assert.Equal("Sep 15, 1997", history.Labels()[0]);
    }

    [Fact]
    public void Ratings_AreCountedPerHalfStarFromHalfToFive()
    {
        Assert.Equal(
            Enumerable.Range(1, 10).Select(h => new LabelledCount(DataPreviewService.StarLabel(h / 2.0), h == 8 ? 1 : 0)),
            _preview.Ratings);
        Assert.Equal(("0.5 \u2605", "4 \u2605"), (_preview.Ratings[0].Label, _preview.Ratings[7].Label));
    }

    [Fact]
    public void SampleInteractions_AreNewestFirstWithExternalIds()
    {
        var newest = _preview.SampleInteractions[0];

        Assert.Equal(("u1", "i4", InteractionType.Rating, 4.0), (newest.EndUserExternalId, newest.ItemExternalId, newest.Type, newest.Value));
    }

    [Fact]
    public void SampleEndUsers_CarryTheirAttributesWithFlags()
    {
        var u1 = Assert.Single(_preview.SampleEndUsers, u => u.ExternalId == "u1");

        Assert.Equal([new("gender", "female", true, false), new("region", "North", true, true)], u1.Attributes);
    }

    [Fact]
    public void Samples_HoldOnlyTheTenantsRows()
    {
        Assert.Equal(
            (6, 4, 3),
            (_preview.SampleInteractions.Count, _preview.SampleItems.Count, _preview.SampleEndUsers.Count));
    }

    [Fact]
    public async Task EmptyTenant_IsEmptyWithNoSeries()
    {
        var gamma = await _host.RegisterOrganisationAsync("Gamma", "g@example.test");

        var preview = await PreviewAsAsync(TestHost.As(gamma, Roles.Marketer));

        Assert.True(preview.IsEmpty && preview.History.Points.Count == 0 && preview.PriceHistogram.Count == 0 && preview.Ratings.Count == 0 && preview.Counts.Sparsity is null);
    }

    [Fact]
    public async Task SampleEndUsers_OfAVeryWideAttributeFile_ShowTheFirstAttributesByKeyOnly()
    {
        var wide = await _host.RegisterOrganisationAsync("Wide", "w@example.test");
        await using (var db = _host.CreateTenantContext(wide.TenantId))
        {
            var user = new EndUser { ExternalId = "u1", CreatedAtUtc = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
            for (var k = 0; k < 40; k++)
            {
                user.Attributes.Add(new EndUserAttribute { Key = $"k{k:D2}", Value = "v" });
            }

            db.EndUsers.Add(user);
            await db.SaveChangesAsync();
        }

        var preview = await PreviewAsAsync(TestHost.As(wide, Roles.Marketer));

        var sample = Assert.Single(preview.SampleEndUsers);
        Assert.Equal(Enumerable.Range(0, DataPreviewService.MaxAttributeKeys).Select(k => $"k{k:D2}"), sample.Attributes.Select(a => a.Key));
    }

    [Fact]
    public async Task AnonymousCaller_IsRefused()
    {
        _host.CurrentUser.Caller = null;

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            _host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync()));
    }

    private async Task<DataPreview> PreviewAsAsync(CallerContext caller)
    {
        _host.CurrentUser.Caller = caller;
        return await _host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());
    }
}
