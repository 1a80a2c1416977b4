using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Campaigns.Segments;

/// <summary>
/// Four end-users whose answers to every rule kind differ, as of the test host's clock (2026-06-30 12:00 UTC):
/// u1 — age_band 25-34, gender female (sensitive), bought two Books, active 2 days ago, Marketing messages granted;
/// u2 — age_band 35-44, bought one Garden item 40 days ago, Marketing messages withdrawn;
/// u3 — age_band 25-34, nothing done, no consent record;
/// u4 — no attributes, viewed a Books item 10 days ago.
/// </summary>
internal static class SegmentTestKit
{
    public static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<(TestHost Host, CallerContext Admin)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Segments Org");
        host.CurrentUser.Caller = admin;
        await SeedAsync(host, admin.TenantId);
        return (host, admin);
    }

    public static void ActAs(TestHost host, CallerContext admin, string role) => host.CurrentUser.Caller = TestHost.As(admin, role);

    public static SegmentDefinition One(SegmentRule rule) => new(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [rule])]);

    public static SegmentRule Attribute(string key, string value, SegmentOperator op = SegmentOperator.Is) => new(SegmentRuleKind.Attribute, op, key, value);

    public static async Task<Guid> AddCampaignAsync(TestHost host, Guid tenantId, string name, Guid segmentId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var campaign = new Campaign { Id = Guid.NewGuid(), Name = name, RulesJson = "{}", ListSize = 10, SegmentId = segmentId, StartsAtUtc = Now, State = CampaignState.Draft, ConcurrencyStamp = Guid.NewGuid() };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>The external ids of the members, in id order, as <see cref="SegmentEvaluator.MembersAsync"/> finds them.</summary>
    public static async Task<string> MembersAsync(TestHost host, Guid tenantId, SegmentDefinition definition)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var evaluator = new SegmentEvaluator(host.Services.GetRequiredService<Dashboard.Application.Privacy.IConsentGate>());
        var members = await evaluator.MembersAsync(db, definition, Now, CancellationToken.None);
        return string.Join(",", members.StoredIds);
    }

    private static async Task SeedAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var books1 = new Item { ExternalId = "b1", Title = "Book one", Category = "Books" };
        var books2 = new Item { ExternalId = "b2", Title = "Book two", Category = "Books" };
        var garden = new Item { ExternalId = "g1", Title = "Spade", Category = "Garden" };
        db.Items.AddRange(books1, books2, garden);
        var u1 = User("u1", ("age_band", "25-34", false), ("gender", "female", true));
        var u2 = User("u2", ("age_band", "35-44", false));
        var u3 = User("u3", ("age_band", "25-34", false));
        var u4 = User("u4");
        db.EndUsers.AddRange(u1, u2, u3, u4);
        await db.SaveChangesAsync();
        db.Interactions.AddRange(
            Event(u1, books1, InteractionType.Purchase, 2),
            Event(u1, books2, InteractionType.Purchase, 5),
            Event(u2, garden, InteractionType.Purchase, 40),
            Event(u4, books1, InteractionType.View, 10));
        db.ConsentRecords.AddRange(
            Consent(u1, true),
            Consent(u2, false));
        await db.SaveChangesAsync();
    }

    private static EndUser User(string id, params (string Key, string Value, bool Sensitive)[] attributes) => new()
    {
        ExternalId = id,
        CreatedAtUtc = Now.AddDays(-100),
        Attributes = [.. attributes.Select(a => new EndUserAttribute { Key = a.Key, Value = a.Value, IsSensitive = a.Sensitive })],
    };

    private static Interaction Event(EndUser user, Item item, InteractionType type, int daysAgo) =>
        new() { EndUserId = user.Id, ItemId = item.Id, Type = type, Value = 1, OccurredAtUtc = Now.AddDays(-daysAgo) };

    private static ConsentRecord Consent(EndUser user, bool granted) => new()
    {
        EndUserId = user.Id, Purpose = ConsentPurpose.MarketingMessages, Granted = granted, OccurredAtUtc = Now.AddDays(-50), RecordedAtUtc = Now.AddDays(-50), Source = "test",
    };
}
