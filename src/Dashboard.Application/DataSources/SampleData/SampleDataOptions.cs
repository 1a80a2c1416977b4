using System.ComponentModel.DataAnnotations;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Sizes and seed for <see cref="SampleDataGenerator"/>. Bound from <see cref="SectionName"/>; the
/// same options and end time always produce the same data.
/// </summary>
public sealed record SampleDataOptions
{
    /// <summary>Configuration section the demo organisation's defaults are read from.</summary>
    public const string SectionName = "Demo:SampleData";

    /// <summary>Number of end-users to create.</summary>
    [Range(10, 1_000_000)]
    public int Users { get; init; } = 2_000;

    /// <summary>Number of catalogue items to create.</summary>
    [Range(5, 100_000)]
    public int Items { get; init; } = 500;

    /// <summary>Exact number of interaction events to create.</summary>
    [Range(10, 10_000_000)]
    public int Interactions { get; init; } = 100_000;

    /// <summary>Length of the history, in days, ending at the generator's end time.</summary>
    [Range(1, 3_650)]
    public int Days { get; init; } = 180;

    /// <summary>Seed of the single random stream everything is drawn from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Dimension of the hidden user and item taste vectors that drive the interactions.</summary>
    [Range(1, 64)]
    public int LatentFactors { get; init; } = 8;
}
