using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.DataSources;

/// <summary>
/// "Generate sample data": runs the synthetic generator and replaces the tenant's data with its output.
/// Deterministic for the options' seed, so running it again gives the same data (idempotent).
/// </summary>
public sealed class SampleDataJobHandler(SampleDataGenerator generator, ISampleDataWriter writer, TimeProvider time) : IJobHandler
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
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        // Generation is 0–40 %, writing 40–100 %: the write dominates on SQLite.
        var data = generator.Generate(
            options,
            time.GetUtcNow().UtcDateTime,
            cancellationToken,
            new InlineProgress<int>(p => progress.Report(new JobProgress(p * 40 / 100, "Generating synthetic data"))));
        await writer.ReplaceTenantDataAsync(
            tenantId,
            data,
            new InlineProgress<int>(p => progress.Report(new JobProgress(40 + (p * 60 / 100), "Writing to the database"))),
            cancellationToken);
        progress.Report(new JobProgress(100,
            $"Generated {data.Users.Count:N0} end-users, {data.Items.Count:N0} items and {data.Interactions.Length:N0} interactions"));
    }
}
