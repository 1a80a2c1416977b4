using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>
/// An import job reads a source's datasets one after another, in <see cref="Order"/>, and reports one figure
/// for the whole run (the Jobs page's). Each dataset's own progress follows from that figure: the datasets
/// before the one being read are read, the ones after it have not started.
/// </summary>
public static class DatasetProgress
{
    /// <summary>End-users and items first, so the interactions that name them find them; consent last (it creates the end-users it names).</summary>
    public static IReadOnlyList<DatasetKind> Order { get; } = [DatasetKind.EndUserAttributes, DatasetKind.Items, DatasetKind.Interactions, DatasetKind.Consents];

    /// <summary>The run's percentage once every dataset is read and the import is being saved.</summary>
    public const int SavingPercent = 99;

    /// <summary>The run's percentage while dataset <paramref name="position"/> of <paramref name="count"/> is <paramref name="fraction"/> read.</summary>
    public static int JobPercent(int position, int count, double fraction) => (int)((position + fraction) * 100 / count);

    /// <summary>The percentage of dataset <paramref name="position"/> of <paramref name="count"/> when the run is at <paramref name="jobPercent"/>.</summary>
    public static int DatasetPercent(int jobPercent, int position, int count) =>
        jobPercent >= SavingPercent ? 100 : Math.Clamp((jobPercent * count) - (position * 100), 0, 100);

    /// <summary>What a dataset's row says while its run is at that percentage: read (saved with the others at the end), being read, or waiting.</summary>
    public static string Message(int datasetPercent) => datasetPercent switch
    {
        >= 100 => "Read; saved when the whole import finishes",
        > 0 => "Importing",
        _ => "Waiting for the datasets before it",
    };
}
