using System.Text.Json;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.DataSources;

/// <summary>
/// "Generate sample data": replaces the tenant's data with a generated retail set (<see cref="SampleDataImport"/>).
/// Deterministic for the options' seed, so running it again gives the same data (idempotent).
/// </summary>
public sealed class SampleDataJobHandler(SampleDataImport sampleData) : IJobHandler
{
    public JobKind Kind => JobKind.GenerateSampleData;

    public string RequiredPolicy => Policies.ManageDataSources;

    public static string SerializeParameters(SampleDataOptions options) => JsonSerializer.Serialize(options);

    public async Task RunAsync(Guid tenantId, string? parametersJson, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var options = string.IsNullOrEmpty(parametersJson)
            ? new SampleDataOptions()
            : JsonSerializer.Deserialize<SampleDataOptions>(parametersJson) ?? new SampleDataOptions();
        var data = await sampleData.RunAsync(tenantId, SampleCatalogTemplate.Retail, options, progress, cancellationToken);
        progress.Report(new JobProgress(100,
            $"Generated {data.Users.Count:N0} end-users, {data.Items.Count:N0} items and {data.Interactions.Length:N0} interactions"));
    }
}
