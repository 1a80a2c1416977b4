using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.DataSources;

/// <summary>
/// "Generate sample data": replaces the tenant's data with a generated retail set (<see cref="SampleDataImport"/>).
/// Deterministic for the options' seed, so running it again gives the same data (idempotent).
/// </summary>
public sealed class SampleDataJobHandler(SampleDataImport sampleData) : JobHandler<SampleDataOptions>
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
        var data = await sampleData.RunAsync(context.TenantId, SampleCatalogTemplate.Retail, parameters, context.Progress, context.CancellationToken);
        context.Progress.Report(new JobProgress(100,
            $"Generated {data.Users.Count:N0} end-users, {data.Items.Count:N0} items and {data.Interactions.Length:N0} interactions"));
    }
}
