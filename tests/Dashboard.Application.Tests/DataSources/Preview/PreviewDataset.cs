using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.Preview;

/// <summary>
/// A dataset small enough to profile by hand. Alpha: end-users u1, u2 (active) and u3 (no events);
/// items i1 Books 10.00, i2 Books 20.00, i3 Toys 5.00 (no events) and i4, a placeholder with no
/// category or price; six events on four distinct pairs: u1–i1 view + click, u1–i2 view, u2–i1 view +
/// purchase (1 June) and u1–i4 rating 4 (3 June, the newest). So 2 × 3 active users × items, sparsity
/// 1 − 4/6, i1 on top with 4 events, Books 5 events. region: u1, u2 North, u3 South; gender only u1.
/// Sensitive values are stored the way the ingestion session stores them: encrypted by the app's protector.
/// </summary>
internal static class PreviewDataset
{
    public static readonly DateTime FirstDay = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LastDay = new(2026, 6, 3, 0, 0, 0, DateTimeKind.Utc);

    public static async Task WriteAlphaAsync(IAppDbContext db, IAttributeValueProtector protector)
    {
        var u1 = User(db, protector, "u1", ("region", "North", true, true), ("gender", "female", true, false));
        var u2 = User(db, protector, "u2", ("region", "North", true, true));
        var u3 = User(db, protector, "u3", ("region", "South", true, true));
        var i1 = new Item { ExternalId = "i1", Title = "Atlas", Category = "Books", Price = 10.00m };
        var i2 = new Item { ExternalId = "i2", Title = "Cookbook", Category = "Books", Price = 20.00m };
        var i3 = new Item { ExternalId = "i3", Title = "Puzzle", Category = "Toys", Price = 5.00m };
        var i4 = new Item { ExternalId = "i4", Title = "i4", IsPlaceholder = true };
        db.EndUsers.AddRange(u1, u2, u3);
        db.Items.AddRange(i1, i2, i3, i4);
        db.Interactions.AddRange(
            Event(u1, i1, InteractionType.View, FirstDay.AddHours(9)),
            Event(u1, i1, InteractionType.Click, FirstDay.AddHours(9.1)),
            Event(u1, i2, InteractionType.View, FirstDay.AddHours(10)),
            Event(u2, i1, InteractionType.View, LastDay.AddHours(8)),
            Event(u2, i1, InteractionType.Purchase, LastDay.AddHours(8.5)),
            Event(u1, i4, InteractionType.Rating, LastDay.AddHours(20), value: 4));
        await db.SaveChangesAsync();
    }

    /// <summary>Another tenant with the same category and attribute value and more events than Alpha, so leaks would show.</summary>
    public static async Task WriteBetaAsync(IAppDbContext db, IAttributeValueProtector protector)
    {
        var b1 = User(db, protector, "b1", ("region", "North", true, true));
        var item = new Item { ExternalId = "b-item", Title = "Beta bestseller", Category = "Books", Price = 999.00m };
        db.EndUsers.Add(b1);
        db.Items.Add(item);
        for (var n = 0; n < 10; n++)
        {
            db.Interactions.Add(Event(b1, item, InteractionType.Purchase, LastDay.AddDays(5).AddMinutes(n)));
        }

        await db.SaveChangesAsync();
    }

    private static EndUser User(IAppDbContext db, IAttributeValueProtector protector, string id, params (string Key, string Value, bool Sensitive, bool Quasi)[] attributes) => new()
    {
        ExternalId = id,
        Attributes = [.. attributes.Select(a => new EndUserAttribute
        {
            Key = a.Key,
            Value = a.Sensitive ? protector.Protect(db.TenantId, a.Value) : a.Value,
            IsSensitive = a.Sensitive,
            IsQuasiIdentifier = a.Quasi,
        })],
    };

    private static Interaction Event(EndUser user, Item item, InteractionType type, DateTime at, double value = 1) =>
        new() { EndUser = user, Item = item, Type = type, Value = value, OccurredAtUtc = at };
}
