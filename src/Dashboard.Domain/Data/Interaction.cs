using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Data;

/// <summary>One event between an end-user and an item. <see cref="Value"/> is the rating for ratings, else 1.</summary>
public sealed class Interaction : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public long EndUserId { get; set; }

    public EndUser? EndUser { get; set; }

    public long ItemId { get; set; }

    public Item? Item { get; set; }

    public InteractionType Type { get; set; }

    public double Value { get; set; }

    public DateTime OccurredAtUtc { get; set; }
}
