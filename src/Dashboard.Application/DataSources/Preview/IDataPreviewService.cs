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

    /// <summary>
    /// How many end-users hold each charted value of the attribute <paramref name="key"/>: exact for callers who manage
    /// privacy, otherwise under differential privacy (spending ε the first time the question is asked in a month), or refused.
    /// </summary>
    /// <exception cref="Common.ForbiddenAccessException">The caller may not view the dashboard.</exception>
    Task<Privacy.PrivateCounts> AttributeCountsAsync(string key, CancellationToken cancellationToken = default);
}
