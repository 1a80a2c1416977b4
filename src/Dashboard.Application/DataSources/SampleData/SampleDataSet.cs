using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Everything <see cref="SampleDataGenerator"/> produced, not yet stored: entities carry no ids or
/// tenant (the writer stamps both), interactions refer to users and items by index.
/// </summary>
public sealed class SampleDataSet
{
    /// <summary>End-users with their age band, gender and region attributes filled in.</summary>
    public required IReadOnlyList<EndUser> Users { get; init; }

    /// <summary>Catalogue items with category, tags and price.</summary>
    public required IReadOnlyList<Item> Items { get; init; }

    /// <summary>
    /// Interaction events grouped by shopping journey, not sorted by time. An array rather than a list
    /// because the bulk writer streams millions of these structs and should not copy them.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819", Justification = "Millions of structs handed to a bulk writer; a wrapper would copy or box them.")]
    public required SampleInteraction[] Interactions { get; init; }

    /// <summary>The group bias planted in <see cref="Interactions"/>.</summary>
    public required SamplePlantedBias PlantedBias { get; init; }
}
