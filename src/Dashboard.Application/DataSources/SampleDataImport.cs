using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Generates a sample data set and replaces the tenant's data with it: the one way sample data is made,
/// whether a sample-data source is imported or the "generate sample data" job runs. Deterministic for
/// the options' seed, so running it again gives the same data.
/// </summary>
public sealed class SampleDataImport(ISampleDataWriter writer, TimeProvider time)
{
    /// <summary>Generation reports 0–40 %, writing 40–100 %: the write dominates on SQLite.</summary>
    public async Task<SampleDataSet> RunAsync(
        Guid tenantId, SampleCatalogTemplate template, SampleDataOptions options, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var data = new SampleDataGenerator(template).Generate(options, time.GetUtcNow().UtcDateTime, cancellationToken,
            new InlineProgress<int>(p => progress.Report(new JobProgress(p * 40 / 100, "Generating synthetic data"))));
        await writer.ReplaceTenantDataAsync(tenantId, data,
            new InlineProgress<int>(p => progress.Report(new JobProgress(40 + (p * 60 / 100), "Writing to the database"))), cancellationToken);
        return data;
    }
}
