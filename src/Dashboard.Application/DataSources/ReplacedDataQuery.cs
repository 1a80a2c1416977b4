using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Counts what an import or a sample-data run would replace, so people can confirm it knowing what they
/// lose and the audit log keeps what was there before.
/// </summary>
internal static class ReplacedDataQuery
{
    /// <summary>
    /// Sample data replaces the organisation's whole data: every end-user, item and interaction, and the consent
    /// history that goes with its end-users (named only when there is some, so nobody loses it unawares).
    /// </summary>
    public static async Task<ReplacedData> WholeDataAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        List<DataCount> counts =
        [
            new("end-users", await db.EndUsers.LongCountAsync(cancellationToken)),
            new("items", await db.Items.LongCountAsync(cancellationToken)),
            new("interactions", await db.Interactions.LongCountAsync(cancellationToken)),
        ];
        var consents = await db.ConsentRecords.LongCountAsync(cancellationToken);
        if (consents > 0)
        {
            counts.Add(new("consent records", consents));
        }

        return new ReplacedData(counts);
    }

    /// <summary>An import of <paramref name="datasets"/> from <paramref name="source"/>: only replace mode (or sample data) replaces.</summary>
    public static async Task<ReplacedData> ForImportAsync(
        IAppDbContext db, DataSource source, IEnumerable<DatasetKind> datasets, CancellationToken cancellationToken)
    {
        if (source.Kind == DataSourceKind.SampleData)
        {
            return await WholeDataAsync(db, cancellationToken);
        }

        if (source.Mode != ImportMode.Replace)
        {
            return ReplacedData.Nothing;
        }

        var counts = new List<DataCount>();
        // Consent records are always appended (the history is kept), so a consent dataset replaces nothing.
        foreach (var dataset in datasets.Distinct().Where(d => d != DatasetKind.Consents).Order())
        {
            counts.Add(dataset switch
            {
                DatasetKind.Interactions => new("interactions", await db.Interactions.LongCountAsync(cancellationToken)),

                // Items missing from the new file go unless interactions still use them; all lose their attributes.
                DatasetKind.Items => new("items", await db.Items.LongCountAsync(i => !i.IsPlaceholder, cancellationToken)),
                _ => new("end-user attributes", await db.EndUserAttributes.LongCountAsync(cancellationToken)),
            });
        }

        return new ReplacedData(counts);
    }
}
