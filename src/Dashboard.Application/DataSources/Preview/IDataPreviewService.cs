namespace Dashboard.Application.DataSources.Preview;

/// <summary>What the tenant's imported data looks like, for the Data preview page.</summary>
public interface IDataPreviewService
{
    /// <summary>
    /// Profiles the caller's tenant: counts, sparsity, activity over time, event mix, popular items and
    /// categories, attribute and price distributions and a few rows of each dataset.
    /// </summary>
    /// <exception cref="Common.ForbiddenAccessException">The caller may not view the dashboard.</exception>
    Task<DataPreview> GetAsync(CancellationToken cancellationToken = default);
}
