using Dashboard.Application.DataSources;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources;

/// <summary>A multi-dataset import: one figure for the run, and each dataset's row its own progress.</summary>
public sealed class ImportProgressTests
{
    [Fact]
    public async Task History_WhileTheSecondOfThreeDatasetsIsRead_ShowsEachDatasetsOwnProgress()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        var jobId = Guid.NewGuid();
        var now = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            // Half-way through the items: the run's single figure is (1 + 0.5) / 3.
            db.JobRuns.Add(new JobRun
            {
                Id = jobId, TenantId = admin.TenantId, Kind = JobKind.ImportDataSource, State = JobState.Running,
                Progress = DatasetProgress.JobPercent(1, 3, 0.5), Message = "Importing items (dataset 2 of 3)", QueuedAtUtc = now, StartedAtUtc = now,
            });
            foreach (var dataset in new[] { DatasetKind.Interactions, DatasetKind.Items, DatasetKind.EndUserAttributes })
            {
                db.ImportRuns.Add(new ImportRun
                {
                    Id = Guid.NewGuid(), TenantId = admin.TenantId, DataSourceId = id, JobRunId = jobId, Dataset = dataset,
                    Mode = ImportMode.Append, State = ImportState.Running, QueuedAtUtc = now, StartedAtUtc = now,
                });
            }

            await db.SaveChangesAsync();
        }

        var history = await host.InScopeAsync<ImportHistoryService, IReadOnlyList<ImportRunView>>(s => s.HistoryAsync(id));

        var byDataset = history.ToDictionary(v => v.Run.Dataset, v => (v.Progress, v.ProgressMessage));
        Assert.Equal((100, "Read; saved when the whole import finishes"), byDataset[DatasetKind.EndUserAttributes]);
        Assert.Equal((50, "Importing"), byDataset[DatasetKind.Items]);
        Assert.Equal((0, "Waiting for the datasets before it"), byDataset[DatasetKind.Interactions]);
    }

    [Theory]
    [InlineData(0, 3, 0.0, 0)]
    [InlineData(1, 2, 0.5, 75)]
    [InlineData(2, 3, 1.0, 100)]
    public void JobPercent_CountsEachDatasetAsAnEqualShareOfTheRun(int position, int count, double fraction, int expected) =>
        Assert.Equal(expected, DatasetProgress.JobPercent(position, count, fraction));

    [Fact]
    public void DatasetPercent_WhileSaving_ShowsEveryDatasetAsRead() =>
        Assert.Equal([100, 100, 100], [.. Enumerable.Range(0, 3).Select(i => DatasetProgress.DatasetPercent(DatasetProgress.SavingPercent, i, 3))]);
}
