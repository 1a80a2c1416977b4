using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>A profile of one tenant's end-users, items and interactions, computed in the database.</summary>
/// <param name="Counts">Row counts and sparsity.</param>
/// <param name="History">Interactions over the whole history, per day, week or month depending on its length.</param>
/// <param name="EventTypes">Interactions per event type, every type listed (zero when absent), in the type's order.</param>
/// <param name="TopItems">The most interacted-with items, most first.</param>
/// <param name="TopCategories">Interactions per item category, most first; the tail folded into "Other".</param>
/// <param name="CategoryDistribution">Items per category, most first; the tail folded into "Other".</param>
/// <param name="PriceHistogram">Items per price range, cheapest first; empty when no item has a price.</param>
/// <param name="Attributes">Per end-user attribute key: its flags and value distribution, most common key first.</param>
/// <param name="AttributeKeysNotShown">Further attribute keys beyond the ones profiled in <paramref name="Attributes"/>.</param>
/// <param name="SampleInteractions">The newest interactions.</param>
/// <param name="SampleItems">The most recently stored items.</param>
/// <param name="SampleEndUsers">The most recently stored end-users with their attributes.</param>
/// <param name="Ratings">Ratings per star value, 0.5 to 5 in half stars, zero-filled; empty when the tenant has no ratings.</param>
/// <param name="EventNames">What each event type is called in the vertical the tenant's data came from (the product's words when none).</param>
public sealed record DataPreview(
    DataPreviewCounts Counts,
    InteractionHistory History,
    IReadOnlyList<EventTypeCount> EventTypes,
    IReadOnlyList<TopItem> TopItems,
    IReadOnlyList<LabelledCount> TopCategories,
    IReadOnlyList<LabelledCount> CategoryDistribution,
    IReadOnlyList<PriceBucket> PriceHistogram,
    IReadOnlyList<AttributeDistribution> Attributes,
    int AttributeKeysNotShown,
    IReadOnlyList<InteractionSample> SampleInteractions,
    IReadOnlyList<ItemSample> SampleItems,
    IReadOnlyList<EndUserSample> SampleEndUsers,
    IReadOnlyList<LabelledCount> Ratings,
    IReadOnlyDictionary<InteractionType, string>? EventNames = null)
{
    /// <summary>The name of an event type in this tenant's vertical.</summary>
    public string EventName(InteractionType type) => (EventNames ?? EventTypeNames.Default).GetValueOrDefault(type) ?? type.ToString();

    /// <summary>True when the tenant has no end-users, items or interactions at all.</summary>
    public bool IsEmpty => Counts.EndUsers == 0 && Counts.Items == 0 && Counts.Interactions == 0;
}
