using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Sizes and seed for <see cref="SampleDataGenerator"/>. Bound from <see cref="SectionName"/>; the
/// same options and end time always produce the same data. They are also the parameters of the
/// "generate sample data" job.
/// </summary>
public sealed record SampleDataOptions : IJobParameters
{
    public static JobKind Kind => JobKind.GenerateSampleData;

    /// <summary>Configuration section the demo organisation's defaults are read from.</summary>
    public const string SectionName = "Demo:SampleData";

    // The ranges the generator accepts; the data-source editor's fields offer exactly these.
    public const int MinUsers = 10;
    public const int MaxUsers = 1_000_000;
    public const int MinItems = 5;
    public const int MaxItems = 100_000;
    public const int MinInteractions = 100;
    public const int MaxInteractions = 10_000_000;
    public const int MinDays = 1;
    public const int MaxDays = 3_650;

    /// <summary>The message of every range below: the field's label and the numbers formatted for people ("10,000,000").</summary>
    private const string Between = "{0} must be between {1:N0} and {2:N0}.";

    /// <summary>Number of end-users to create.</summary>
    [Display(Name = "End-users")]
    [Range(MinUsers, MaxUsers, ErrorMessage = Between)]
    public int Users { get; init; } = 2_000;

    /// <summary>Number of catalogue items to create.</summary>
    [Range(MinItems, MaxItems, ErrorMessage = Between)]
    public int Items { get; init; } = 500;

    /// <summary>Exact number of interaction events to create.</summary>
    [Range(MinInteractions, MaxInteractions, ErrorMessage = Between)]
    public int Interactions { get; init; } = 100_000;

    /// <summary>Length of the history, in days, ending at the generator's end time.</summary>
    [Display(Name = "Days of history")]
    [Range(MinDays, MaxDays, ErrorMessage = Between)]
    public int Days { get; init; } = 180;

    /// <summary>Seed of the single random stream everything is drawn from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Dimension of the hidden user and item taste vectors that drive the interactions.</summary>
    [Display(Name = "Latent factors")]
    [Range(1, 64, ErrorMessage = Between)]
    public int LatentFactors { get; init; } = 8;
}
