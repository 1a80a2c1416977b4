using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.DataSources;

/// <summary>
/// "Generate sample data": runs the synthetic generator and replaces the tenant's data with its output.
/// Deterministic for the options' seed, so running it again gives the same data (idempotent).
/// </summary>
public sealed class SampleDataJobHandler(SampleDataGenerator generator, ISampleDataWriter writer, TimeProvider time) : JobHandler<SampleDataOptions>
{
    public override string Name => "Generate sample data";

    public override string RequiredPolicy => Policies.ManageDataSources;

    /// <summary>
    /// The writer replaces the data in one transaction and marks nothing as in progress, so an
    /// interrupted run leaves nothing to repair; people only need to know their data is as it was.
    /// </summary>
    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        Task.FromResult("No sample data was generated and the organisation's data is as it was before; run it again.");

    protected override Task<ReplacedData> WhatRunReplacesAsync(IAppDbContext db, SampleDataOptions parameters, CancellationToken cancellationToken) =>
        ReplacedDataQuery.WholeDataAsync(db, cancellationToken);

    protected override async Task RunAsync(JobContext context, SampleDataOptions parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var progress = context.Progress;

        // Generation is 0–40 %, writing 40–100 %: the write dominates on SQLite.
        var data = generator.Generate(
            parameters,
            time.GetUtcNow().UtcDateTime,
            context.CancellationToken,
            new InlineProgress<int>(p => progress.Report(new JobProgress(p * 40 / 100, "Generating synthetic data"))));
        await writer.ReplaceTenantDataAsync(
            context.TenantId,
            data,
            new InlineProgress<int>(p => progress.Report(new JobProgress(40 + (p * 60 / 100), "Writing to the database"))),
            context.CancellationToken);
        progress.Report(new JobProgress(100,
            $"Generated {data.Users.Count:N0} end-users, {data.Items.Count:N0} items and {data.Interactions.Length:N0} interactions"));
    }
}
