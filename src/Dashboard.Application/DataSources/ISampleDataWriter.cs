using Dashboard.Application.DataSources.SampleData;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Writes a generated data set as the tenant's whole data: existing end-users, items and interactions
/// are replaced in ONE transaction, so a failure or a killed process leaves the old data untouched.
/// </summary>
public interface ISampleDataWriter
{
    Task ReplaceTenantDataAsync(Guid tenantId, SampleDataSet data, IProgress<int> progress, CancellationToken cancellationToken);
}
