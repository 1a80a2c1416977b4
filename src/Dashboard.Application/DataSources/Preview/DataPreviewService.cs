using System.Globalization;
using System.Linq.Expressions;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Overview;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>
/// Profiles the caller's tenant for the Data preview page. Every figure is an aggregate the database
/// computes (COUNT / GROUP BY over the tenant-filtered sets, served by the (TenantId, OccurredAtUtc),
/// (TenantId, EndUserId), (TenantId, ItemId) and (TenantId, Key) indexes); only aggregates and a few
/// sample rows are read, never the tenant's rows themselves. The exception is attributes flagged sensitive: their
/// values are stored encrypted (each encryption differs), so they are read, decrypted and counted here, and their
/// values are shown only to callers holding ManagePrivacy; everyone else sees how many, labelled <see cref="HiddenLabel"/>.
/// How many end-users hold each value of an attribute is an aggregate about people: callers without ManagePrivacy get
/// those counts <see cref="AttributeDistribution.Withheld"/> and ask <see cref="AttributeCountsAsync"/>, which answers
/// them under differential privacy.
/// </summary>
public sealed class DataPreviewService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAttributeValueProtector attributeValues, DifferentialPrivacyService privacy) : IDataPreviewService
{
    /// <summary>What a caller without ManagePrivacy is told when asking for the value counts of a sensitive attribute.</summary>
    public const string SensitiveCountsRefusal = "The values of a sensitive attribute are hidden, so they are not counted for you.";

    /// <summary>What a caller without ManagePrivacy sees in place of a sensitive value.</summary>
    public const string HiddenLabel = "hidden (sensitive)";

    /// <summary>Items in the top-items list.</summary>
    public const int TopItemCount = 10;

    /// <summary>Bars per category chart before the rest is folded into "Other".</summary>
    public const int TopCategoryCount = 12;

    /// <summary>Values per attribute chart before the rest is folded into "Other".</summary>
    public const int TopValueCount = 8;

    /// <summary>
    /// Attribute keys profiled (tenants with more see the most widely filled ones), and attributes shown per
    /// sample end-user (the first by key): the preview stays small enough to hand from the prerender to the
    /// interactive page however wide the tenant's end-user file is.
    /// </summary>
    public const int MaxAttributeKeys = 12;

    /// <summary>Rows per sample table.</summary>
    public const int SampleSize = 20;

    /// <summary>Label of the bar that sums everything past the top values.</summary>
    public const string OtherLabel = "Other";

    /// <summary>Label for items without a category.</summary>
    public const string NoCategoryLabel = "(no category)";

    public async Task<DataPreview> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);

        var (counts, eventTypes) = await CountAsync(db, cancellationToken);
        var hasInteractions = counts.Interactions > 0;
        var sensitive = new SensitiveValues(attributeValues, caller.TenantId, caller.Can(Policies.ManagePrivacy));
        var (attributes, keysNotShown) = await AttributesAsync(db, sensitive, cancellationToken);
        if (!caller.Can(Policies.ManagePrivacy))
        {
            attributes = [.. attributes.Select(a => a.IsSensitive ? a : a with { Values = [.. a.Values.Select(v => v with { Count = AttributeDistribution.Withheld })] })];
        }

        return new DataPreview(
            counts,
            await InteractionHistory.QueryAsync(db, cancellationToken),
            eventTypes,
            hasInteractions ? await TopItemsAsync(db, cancellationToken) : [],
            hasInteractions ? await TopCategoriesAsync(db, cancellationToken) : [],
            await CategoryDistributionAsync(db, cancellationToken),
            await PriceHistogramAsync(db, cancellationToken),
            attributes,
            keysNotShown,
            await SampleInteractionsAsync(db, cancellationToken),
            await SampleItemsAsync(db, cancellationToken),
            await SampleEndUsersAsync(db, sensitive, cancellationToken),
            eventTypes.Any(e => e.Type == InteractionType.Rating && e.Count > 0) ? await RatingsAsync(db, cancellationToken) : [],
            await EventNamesAsync(db, cancellationToken));
    }

    /// <summary>
    /// How many end-users hold each charted value of the attribute <paramref name="key"/>, as the caller may see them:
    /// exact for those who manage privacy, otherwise with differential-privacy noise (one ε per attribute, dataset and
    /// month), or refused when the month's budget is spent. The question names the key, how many rows it has, its
    /// newest row and the latest import, so changed data is a new question rather than a stale answer from the ledger.
    /// </summary>
    public async Task<PrivateCounts> AttributeCountsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        IReadOnlyList<LabelledCount> values;
        string query;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            var shape = await db.EndUserAttributes.Where(a => a.Key == key)
                .GroupBy(a => 1)
                .Select(g => new { Rows = g.Count(), LastId = g.Max(a => a.Id), Sensitive = g.Max(a => a.IsSensitive ? 1 : 0), QuasiIdentifier = g.Max(a => a.IsQuasiIdentifier ? 1 : 0) })
                .SingleOrDefaultAsync(cancellationToken);
            if (shape is null)
            {
                return new PrivateCounts(ReleaseKind.Exact, [], null, null);
            }

            var sensitive = new SensitiveValues(attributeValues, caller.TenantId, caller.Can(Policies.ManagePrivacy));
            if (shape.Sensitive == 1 && !sensitive.MayShow)
            {
                return new PrivateCounts(ReleaseKind.Refused, [], null, SensitiveCountsRefusal);
            }

            values = shape.Sensitive == 1
                ? (await SensitiveDistributionAsync(db, sensitive, key, shape.QuasiIdentifier == 1, cancellationToken)).Values
                : await ValueCountsAsync(db, key, shape.Rows, cancellationToken);
            var lastImport = await db.ImportRuns.AsNoTracking().Where(r => r.FinishedAtUtc != null)
                .OrderByDescending(r => r.FinishedAtUtc).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            query = string.Create(CultureInfo.InvariantCulture,
                $"End-users per value of attribute \"{key}\" ({shape.Rows} rows, newest row {shape.LastId}, latest import {(lastImport is { } id ? id.ToString() : "none")})");
        }

        // Each end-user holds one value per key, so the groups (the top values and "Other") are disjoint.
        return await privacy.CountsAsync(query, [.. values.Select(v => new PrivateCount(v.Label, v.Count))], 1, cancellationToken);
    }

    /// <summary>
    /// The tenant's data is the vertical's when the source imported last is a sample-data source (an import
    /// of real data afterwards is in the product's words, whatever the sample was).
    /// </summary>
    private static async Task<IReadOnlyDictionary<InteractionType, string>> EventNamesAsync(IAppDbContext db, CancellationToken ct)
    {
        var latest = await db.DataSources.AsNoTracking()
            .Where(s => s.LastImportState == ImportState.Succeeded && s.LastImportAtUtc != null)
            .OrderByDescending(s => s.LastImportAtUtc)
            .Select(s => new { s.Kind, s.SampleTemplate })
            .FirstOrDefaultAsync(ct);
        return EventTypeNames.For(latest is { Kind: DataSourceKind.SampleData } ? latest.SampleTemplate : null);
    }

    private static async Task<(DataPreviewCounts Counts, IReadOnlyList<EventTypeCount> EventTypes)> CountAsync(IAppDbContext db, CancellationToken ct)
    {
        // Neither index holds both the user and the item (nor the type), so counting distinct pairs and
        // the event mix means visiting every row; doing both in one GROUP BY visits them once instead of twice.
        var totals = await db.Interactions
            .GroupBy(i => new { i.EndUserId, i.ItemId })
            .Select(g => new
            {
                Views = g.Count(i => i.Type == InteractionType.View),
                Clicks = g.Count(i => i.Type == InteractionType.Click),
                AddToCarts = g.Count(i => i.Type == InteractionType.AddToCart),
                Purchases = g.Count(i => i.Type == InteractionType.Purchase),
                Ratings = g.Count(i => i.Type == InteractionType.Rating),
            })
            .GroupBy(p => 1)
            .Select(h => new
            {
                Pairs = h.Count(),
                Views = h.Sum(p => p.Views),
                Clicks = h.Sum(p => p.Clicks),
                AddToCarts = h.Sum(p => p.AddToCarts),
                Purchases = h.Sum(p => p.Purchases),
                Ratings = h.Sum(p => p.Ratings),
            })
            .SingleOrDefaultAsync(ct);
        EventTypeCount[] eventTypes =
        [
            new(InteractionType.View, totals?.Views ?? 0),
            new(InteractionType.Click, totals?.Clicks ?? 0),
            new(InteractionType.AddToCart, totals?.AddToCarts ?? 0),
            new(InteractionType.Purchase, totals?.Purchases ?? 0),
            new(InteractionType.Rating, totals?.Ratings ?? 0),
        ];

        var (activeUsers, activeItems) = (0, 0);
        if (totals is not null)
        {
            // These two only read the (TenantId, EndUserId) and (TenantId, ItemId) indexes.
            activeUsers = await db.Interactions.Select(i => i.EndUserId).Distinct().CountAsync(ct);
            activeItems = await db.Interactions.Select(i => i.ItemId).Distinct().CountAsync(ct);
        }

        var counts = new DataPreviewCounts(
            await db.EndUsers.CountAsync(ct),
            await db.Items.CountAsync(ct),
            await db.Items.CountAsync(i => i.IsPlaceholder, ct),
            eventTypes.Sum(e => e.Count),
            activeUsers,
            activeItems,
            totals?.Pairs ?? 0);
        return (counts, eventTypes);
    }

    private static async Task<IReadOnlyList<TopItem>> TopItemsAsync(IAppDbContext db, CancellationToken ct)
    {
        var top = await db.Interactions
            .GroupBy(i => i.ItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.ItemId)
            .Take(TopItemCount)
            .Join(db.Items, x => x.ItemId, i => i.Id, (x, i) => new { x.ItemId, x.Count, i.ExternalId, i.Title, i.Category })
            .ToListAsync(ct);
        return [.. top
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.ItemId)
            .Select(x => new TopItem(x.ExternalId, x.Title, x.Category, x.Count))];
    }

    private static async Task<IReadOnlyList<LabelledCount>> TopCategoriesAsync(IAppDbContext db, CancellationToken ct)
    {
        // Counting per item first keeps the big GROUP BY on the (TenantId, ItemId) index; the join then
        // touches one row per item instead of one per interaction.
        var perItem = db.Interactions
            .GroupBy(i => i.ItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Count() });
        var grouped = await perItem
            .Join(db.Items, x => x.ItemId, i => i.Id, (x, i) => new { i.Category, x.Count })
            .GroupBy(x => x.Category)
            .Select(g => new { Category = g.Key, Count = g.Sum(x => x.Count) })
            .ToListAsync(ct);
        return FoldTail(grouped.Select(g => new LabelledCount(g.Category ?? NoCategoryLabel, g.Count)), TopCategoryCount);
    }

    private static async Task<IReadOnlyList<LabelledCount>> CategoryDistributionAsync(IAppDbContext db, CancellationToken ct)
    {
        var grouped = await db.Items
            .GroupBy(i => i.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return FoldTail(grouped.Select(g => new LabelledCount(g.Category ?? NoCategoryLabel, g.Count)), TopCategoryCount);
    }

    private static async Task<IReadOnlyList<PriceBucket>> PriceHistogramAsync(IAppDbContext db, CancellationToken ct)
    {
        // SQLite keeps decimals as text and cannot compare them, so prices are compared as REAL; every
        // edge is a whole number of cents, which a double holds closely enough to bucket 2-decimal prices.
        var priced = db.Items.Where(i => i.Price != null);
        var range = await priced
            .GroupBy(i => 1)
            .Select(g => new
            {
                Min = g.Min(i => (double)i.Price!.Value),
                Max = g.Max(i => (double)i.Price!.Value),
                MinPositive = g.Min(i => (double)i.Price!.Value > 0 ? (double?)i.Price.Value : null),
            })
            .SingleOrDefaultAsync(ct);
        if (range is null)
        {
            return [];
        }

        var edges = PriceBucketEdges.Compute(range.Min, range.Max, range.MinPositive);
        var grouped = await priced
            .GroupBy(BucketOf(edges))
            .Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var byBucket = grouped.ToDictionary(g => g.Bucket, g => g.Count);
        return [.. Enumerable.Range(0, edges.Length - 1).Select(b => new PriceBucket(edges[b], edges[b + 1], byBucket.GetValueOrDefault(b)))];
    }

    /// <summary>
    /// <c>price &lt; e1 ? 0 : price &lt; e2 ? 1 : … : last</c> as an expression, which EF turns into one
    /// CASE WHEN so the database does the bucketing inside the GROUP BY.
    /// </summary>
    private static Expression<Func<Item, int>> BucketOf(decimal[] edges)
    {
        var item = Expression.Parameter(typeof(Item), "i");
        var price = Expression.Convert(
            Expression.Property(Expression.Property(item, nameof(Item.Price)), nameof(Nullable<decimal>.Value)),
            typeof(double));
        Expression body = Expression.Constant(edges.Length - 2);
        for (var b = edges.Length - 3; b >= 0; b--)
        {
            body = Expression.Condition(
                Expression.LessThan(price, Expression.Constant((double)edges[b + 1])),
                Expression.Constant(b),
                body);
        }

        return Expression.Lambda<Func<Item, int>>(body, item);
    }

    private static async Task<(IReadOnlyList<AttributeDistribution> Attributes, int KeysNotShown)> AttributesAsync(IAppDbContext db, SensitiveValues sensitive, CancellationToken ct)
    {
        var keys = await db.EndUserAttributes
            .GroupBy(a => a.Key)
            .Select(g => new
            {
                Key = g.Key,
                EndUsers = g.Count(),
                DistinctValues = g.Select(a => a.Value).Distinct().Count(),
                Sensitive = g.Max(a => a.IsSensitive ? 1 : 0),
                QuasiIdentifier = g.Max(a => a.IsQuasiIdentifier ? 1 : 0),
            })
            .ToListAsync(ct);

        var shown = keys
            .OrderByDescending(k => k.EndUsers)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(MaxAttributeKeys)
            .ToList();
        var result = new List<AttributeDistribution>(shown.Count);
        foreach (var key in shown)
        {
            if (key.Sensitive == 1)
            {
                result.Add(await SensitiveDistributionAsync(db, sensitive, key.Key, key.QuasiIdentifier == 1, ct));
                continue;
            }

            var values = await ValueCountsAsync(db, key.Key, key.EndUsers, ct);
            result.Add(new AttributeDistribution(key.Key, key.Sensitive == 1, key.QuasiIdentifier == 1, key.EndUsers, key.DistinctValues, values));
        }

        return (result, keys.Count - shown.Count);
    }

    /// <summary>The most common stored values of a (not sensitive) key, most first, then "Other" for the rest.</summary>
    private static async Task<List<LabelledCount>> ValueCountsAsync(IAppDbContext db, string key, int endUsers, CancellationToken ct)
    {
        var top = await db.EndUserAttributes
            .Where(a => a.Key == key)
            .GroupBy(a => a.Value)
            .Select(g => new { Value = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Value)
            .Take(TopValueCount)
            .ToListAsync(ct);
        var values = top.Select(x => new LabelledCount(x.Value, x.Count)).ToList();
        var rest = endUsers - values.Sum(v => v.Count);
        if (rest > 0)
        {
            values.Add(new LabelledCount(OtherLabel, rest));
        }

        return values;
    }

    /// <summary>
    /// A sensitive key's values decrypted and counted in memory (the stored ciphertexts are all different); the
    /// values themselves only for a caller who may see them.
    /// </summary>
    private static async Task<AttributeDistribution> SensitiveDistributionAsync(IAppDbContext db, SensitiveValues sensitive, string key, bool quasiIdentifier, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = db.EndUserAttributes.AsNoTracking().Where(a => a.Key == key).Select(a => new { a.Value, a.IsSensitive }).AsAsyncEnumerable();
        var endUsers = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var value = row.IsSensitive ? sensitive.Decrypt(row.Value) : row.Value;
            counts[value] = counts.GetValueOrDefault(value) + 1;
            endUsers++;
        }

        if (!sensitive.MayShow)
        {
            return new AttributeDistribution(key, true, quasiIdentifier, endUsers, counts.Count, [new LabelledCount(HiddenLabel, endUsers)]);
        }

        var values = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(TopValueCount)
            .Select(c => new LabelledCount(c.Key, c.Value)).ToList();
        var rest = endUsers - values.Sum(v => v.Count);
        if (rest > 0)
        {
            values.Add(new LabelledCount(OtherLabel, rest));
        }

        return new AttributeDistribution(key, true, quasiIdentifier, endUsers, counts.Count, values);
    }

    /// <summary>
    /// Counted per stored value in the database, then put on the half-star scale: ratings are validated to
    /// 0.5–5, and a value between two half stars (an imported 3.7) counts toward the nearer one.
    /// </summary>
    private static async Task<IReadOnlyList<LabelledCount>> RatingsAsync(IAppDbContext db, CancellationToken ct)
    {
        var grouped = await db.Interactions
            .Where(i => i.Type == InteractionType.Rating)
            .GroupBy(i => i.Value)
            .Select(g => new { Value = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var perHalfStar = new int[10];
        foreach (var g in grouped)
        {
            perHalfStar[Math.Clamp((int)Math.Round(g.Value * 2, MidpointRounding.AwayFromZero), 1, 10) - 1] += g.Count;
        }

        return [.. perHalfStar.Select((count, i) => new LabelledCount(StarLabel((i + 1) / 2.0), count))];
    }

    /// <summary>"4 ★", "4.5 ★".</summary>
    public static string StarLabel(double stars) => $"{stars.ToString("0.#", CultureInfo.InvariantCulture)} \u2605";

    private static async Task<IReadOnlyList<InteractionSample>> SampleInteractionsAsync(IAppDbContext db, CancellationToken ct) =>
        await db.Interactions
            .OrderByDescending(i => i.OccurredAtUtc)
            .ThenByDescending(i => i.Id)
            .Take(SampleSize)
            .Select(i => new InteractionSample(i.OccurredAtUtc, i.EndUser!.ExternalId, i.Item!.ExternalId, i.Item.Title, i.Type, i.Value))
            .ToListAsync(ct);

    private static async Task<IReadOnlyList<ItemSample>> SampleItemsAsync(IAppDbContext db, CancellationToken ct) =>
        await db.Items
            .OrderByDescending(i => i.Id)
            .Take(SampleSize)
            .Select(i => new ItemSample(i.ExternalId, i.Title, i.Category, i.Tags, i.Price, i.IsPlaceholder))
            .ToListAsync(ct);

    private static async Task<IReadOnlyList<EndUserSample>> SampleEndUsersAsync(IAppDbContext db, SensitiveValues sensitive, CancellationToken ct)
    {
        var users = await db.EndUsers
            .OrderByDescending(u => u.Id)
            .Take(SampleSize)
            .Select(u => new
            {
                u.ExternalId,
                u.CreatedAtUtc,
                Attributes = u.Attributes
                    .OrderBy(a => a.Key)
                    .Take(MaxAttributeKeys)
                    .Select(a => new AttributeSample(a.Key, a.Value, a.IsSensitive, a.IsQuasiIdentifier))
                    .ToList(),
            })
            .ToListAsync(ct);
        return [.. users.Select(u => new EndUserSample(u.ExternalId, u.CreatedAtUtc, [.. u.Attributes.Select(a => a.IsSensitive ? a with { Value = sensitive.Shown(a.Value) } : a)]))];
    }

    /// <summary>Sorts by count (then label) and sums everything past <paramref name="keep"/> into one "Other" bar.</summary>
    private static List<LabelledCount> FoldTail(IEnumerable<LabelledCount> counts, int keep)
    {
        var sorted = counts
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
        if (sorted.Count <= keep)
        {
            return sorted;
        }

        var folded = sorted.Take(keep).ToList();
        folded.Add(new LabelledCount(OtherLabel, sorted.Skip(keep).Sum(c => c.Count)));
        return folded;
    }
}
