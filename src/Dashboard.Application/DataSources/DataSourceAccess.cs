using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>What every data-source service does first: demand the capability, load the tenant's source.</summary>
internal static class DataSourceAccess
{
    public static async Task<CallerContext> CallerAsync(ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageDataSources);
        return caller;
    }

    public static async Task<DataSource> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.DataSources.Include(s => s.Datasets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("That data source does not exist.");

    public static DataSourceDataset DatasetOf(DataSource source, DatasetKind dataset)
    {
        var config = source.Datasets.FirstOrDefault(d => d.Dataset == dataset);
        if (config is null)
        {
            config = new DataSourceDataset { DataSourceId = source.Id, Dataset = dataset };
            source.Datasets.Add(config);
        }

        return config;
    }

    public static Task<bool> IsImportingAsync(IAppDbContext db, Guid sourceId, CancellationToken cancellationToken) =>
        db.ImportRuns.AnyAsync(r => r.DataSourceId == sourceId && (r.State == ImportState.Queued || r.State == ImportState.Running), cancellationToken);
}
