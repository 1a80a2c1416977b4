using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources;

public sealed class DataSourceServiceTests
{
    [Fact]
    public async Task Upload_AboveTheSizeLimit_IsRefusedWithoutReadingPastTheLimit()
    {
        var (host, admin) = await StartAsync(s => s.Configure<DataSourcesOptions>(o => o.MaxUploadBytes = 1000));
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        var stream = new LimitGuardStream(length: 5_000_000, failPast: 1001);

        var result = await host.InScopeAsync<DataSourceUploadService, Result>(s => s.UploadAsync(id, DatasetKind.Interactions, "big.csv", stream));

        Assert.False(result.Succeeded);
        Assert.Contains("larger than the limit", result.Errors[0], StringComparison.Ordinal);
        Assert.True(stream.Position <= 1001);
        Assert.Empty(Directory.GetFiles(Path.Combine(host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, "data", "uploads"), "*", SearchOption.AllDirectories));
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Empty(await db.DataSourceDatasets.ToListAsync());
    }

    [Fact]
    public async Task Services_CalledByAComplianceOfficer_AreRefused()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<DataSourceService, IReadOnlyList<DataSourceSummary>>(s => s.ListAsync()));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<DataSourceService, Result>(s => s.DeleteAsync(id)));
    }

    [Fact]
    public async Task Services_GivenAnotherTenantsSource_SayNotFound()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host);
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "b@example.test");

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<DataSourceService, DataSourceDetails>(s => s.GetAsync(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<DataSourceUploadService, Result>(s =>
            s.UploadAsync(id, DatasetKind.Interactions, "x.csv", new MemoryStream(Encoding.UTF8.GetBytes(Interactions)))));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(20_000_000)]
    public async Task Create_SampleSourceWithInteractionsOutOfRange_SaysTheRangeWithFormattedNumbers(int interactions)
    {
        var (host, _) = await StartAsync();
        await using var _h = host;

        var (result, _) = await host.InScopeAsync<DataSourceService, (Result, Guid)>(s => s.CreateAsync(new DataSourceInput
        {
            Name = "Sample", Kind = DataSourceKind.SampleData, SampleOptions = new SampleDataOptions { Interactions = interactions },
        }));

        Assert.Equal(["Interactions must be between 100 and 10,000,000."], result.Errors);
    }

    [Fact]
    public async Task ConnectionString_IsStoredEncrypted_AndNeverReturnedOrAudited()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        const string secret = "Server=db.example.test;Database=Shop;User Id=reader;Password=Sup3r-Secret!";
        var id = await CreateSourceAsync(host, new DataSourceInput
        {
            Name = "Warehouse", Kind = DataSourceKind.SqlDatabase, SqlProvider = SqlProvider.SqlServer, ConnectionString = secret,
            Queries = new Dictionary<DatasetKind, string?> { [DatasetKind.Interactions] = "SELECT * FROM events" },
        });

        var details = await host.InScopeAsync<DataSourceService, DataSourceDetails>(s => s.GetAsync(id));

        Assert.Null(details.Settings.ConnectionString);
        Assert.True(details.HasConnectionString);
        Assert.Equal("SQL Server db.example.test, database Shop", details.ConnectionStringHint);
        await using var db = host.CreateUnboundContext();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"ProtectedConnectionString\" AS \"Value\" FROM \"DataSources\"").SingleAsync();
        Assert.DoesNotContain("Sup3r", raw, StringComparison.Ordinal);
        Assert.Equal(secret, host.Services.GetRequiredService<ISecretProtector>().Unprotect(raw));
        var audit = await db.AuditLog.IgnoreQueryFilters().Select(a => (a.Before ?? string.Empty) + (a.After ?? string.Empty)).ToListAsync();
        Assert.DoesNotContain(audit, a => a.Contains("Sup3r", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SqlSource_ImportsFromASqliteDatabaseFile_AndTestConnectionWorks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", "sql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (host, admin) = await StartAsync(s => s.Configure<DataSourcesOptions>(o => o.SqliteSourcePath = folder));
            await using var _ = host;
            var file = Path.Combine(folder, "shop.db");
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "CREATE TABLE events (customer TEXT, product TEXT, action TEXT, at TEXT);" +
                    "INSERT INTO events VALUES ('c1','p1','purchase','2026-05-01 10:00:00'), ('c2','p1','view','2026-05-02 10:00:00'), ('c2','p2','fly','2026-05-02 10:00:00');" +
                    "CREATE TABLE products (sku TEXT, name TEXT, price REAL); INSERT INTO products VALUES ('p1','Kettle',19.5),('p2','Lamp',5);";
                await command.ExecuteNonQueryAsync();
            }

            var id = await CreateSourceAsync(host, new DataSourceInput
            {
                Name = "Shop DB", Kind = DataSourceKind.SqlDatabase, SqlProvider = SqlProvider.Sqlite, ConnectionString = $"Data Source={file}",
                Queries = new Dictionary<DatasetKind, string?>
                {
                    [DatasetKind.Interactions] = "SELECT customer AS user_id, product AS item_id, action AS event_type, at AS timestamp FROM events",
                    [DatasetKind.Items] = "SELECT sku, name, price FROM products",
                },
            });
            var test = await host.InScopeAsync<SqlConnectionTestService, Result>(s => s.TestConnectionAsync(id, SqlProvider.Sqlite, null));
            Assert.True(test.Succeeded, string.Join(" ", test.Errors));

            var (runs, job) = await ImportAsync(host, admin.TenantId, id);

            Assert.Equal(JobState.Succeeded, job.State);
            var interactions = runs.Single(r => r.Dataset == DatasetKind.Interactions);
            Assert.Equal((2L, 1L), (interactions.RowsAccepted, interactions.RowsRejected));
            await using var db = host.CreateTenantContext(admin.TenantId);
            Assert.Equal(19.5m, (await db.Items.SingleAsync(i => i.ExternalId == "p1")).Price);
            Assert.Equal(2, await db.Interactions.CountAsync());
        }
        finally
        {
            // The source database lives outside TestHost's folder (like a tenant's own file would).
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SqlSource_AQueryThatNeverEnds_IsStoppedAtTheTimeLimitAndChangesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", "sql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (host, admin) = await StartAsync(s => s.Configure<DataSourcesOptions>(o => { o.SqliteSourcePath = folder; o.MaxImportMinutes = 30; }));
            await using var _ = host;
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "loop.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE t (x INTEGER);";
                await command.ExecuteNonQueryAsync();
            }

            var id = await CreateSourceAsync(host, new DataSourceInput
            {
                Name = "Endless", Kind = DataSourceKind.SqlDatabase, SqlProvider = SqlProvider.Sqlite, ConnectionString = "Data Source=loop.db",
                Queries = new Dictionary<DatasetKind, string?>
                {
                    [DatasetKind.Interactions] =
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT 'u' || x AS user_id, 'i1' AS item_id, 'view' AS event_type, '2026-05-01 10:00:00' AS timestamp FROM c",
                },
            });
            Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);
            JobRun job;
            await using (var db = host.CreateTenantContext(admin.TenantId))
            {
                job = await db.JobRuns.SingleAsync(j => j.Kind == JobKind.ImportDataSource);
            }

            // The clock jumps past the limit as soon as the import reports progress: deterministic, no waiting.
            var progress = new InlineProgress<JobProgress>(_ => host.Time.Advance(TimeSpan.FromMinutes(31)));
            using var scope = host.Services.CreateScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == JobKind.ImportDataSource);

            var caller = CallerContext.ForJob(admin.TenantId, handler.Name, admin.UserName, handler.RequiredPolicy);
            var error = await Assert.ThrowsAsync<ImportRejectedException>(() => handler.RunAsync(new JobContext(job.Id, caller, job.ParametersJson, progress, CancellationToken.None)));

            Assert.Contains("longer than 30 minutes", error.Message, StringComparison.Ordinal);
            await using var check = host.CreateTenantContext(admin.TenantId);
            Assert.Equal(0, await check.Interactions.CountAsync());
            Assert.Equal(ImportState.Rejected, (await check.ImportRuns.SingleAsync()).State);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SqlSource_PointingAtTheDashboardsOwnDatabase_IsRefused()
    {
        var (host, _) = await StartAsync(s => s.Configure<DataSourcesOptions>(o => o.SqliteSourcePath = "."));
        await using var _h = host;
        var own = Path.Combine(host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, "dashboard.db");

        var result = await host.InScopeAsync<SqlConnectionTestService, Result>(s => s.TestConnectionAsync(null, SqlProvider.Sqlite, $"Data Source={own}"));

        Assert.False(result.Succeeded);
        Assert.Contains("own database", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestConnection_AMalformedConnectionString_SaysWhatFormItShouldHave()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;

        var result = await host.InScopeAsync<SqlConnectionTestService, Result>(s => s.TestConnectionAsync(null, SqlProvider.Sqlite, "shop.db"));

        Assert.Equal(["Could not connect: The connection string is not valid: write it as Data Source=<file name>, for example Data Source=shop.db."], result.Errors);
    }

    [Fact]
    public async Task SqlSource_AFileOutsideTheSqliteSourceFolder_IsRefused()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        var outside = Path.Combine(Path.GetTempPath(), "dashboard-tests", "elsewhere.db");

        var result = await host.InScopeAsync<SqlConnectionTestService, Result>(s => s.TestConnectionAsync(null, SqlProvider.Sqlite, $"Data Source={outside}"));
        var traversal = await host.InScopeAsync<SqlConnectionTestService, Result>(s => s.TestConnectionAsync(null, SqlProvider.Sqlite, "Data Source=../../dashboard.db"));

        Assert.False(result.Succeeded);
        Assert.Contains("the folder your administrator set up for SQLite sources", result.Errors[0], StringComparison.Ordinal);
        Assert.False(traversal.Succeeded);
    }

    [Fact]
    public async Task ProcessKilledMidImport_LeavesThePreImportData_AndRecoveryMarksTheRunsFailed()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);
        var before = await SnapshotAsync(host, admin.TenantId);
        Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);
        Guid jobId;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            var run = await db.ImportRuns.SingleAsync(r => r.State == ImportState.Queued);
            jobId = run.JobRunId!.Value;
            await db.ImportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running));
            await db.JobRuns.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        }

        // The "killed" import: writes inside its transaction, then the process dies (dispose, no commit).
        var session = await host.Services.GetRequiredService<Dashboard.Application.DataSources.Ingestion.IIngestionWriter>().BeginAsync(admin.TenantId, CancellationToken.None);
        await session.ReplaceAsync(DatasetKind.Interactions, CancellationToken.None);
        var user = await session.UserIdAsync("intruder", CancellationToken.None);
        var item = await session.ItemIdAsync("i1", true, CancellationToken.None);
        await session.AddInteractionAsync(user, item!.Value, Dashboard.Domain.Data.InteractionType.View, 1, DateTime.UtcNow, CancellationToken.None);
        await session.DisposeAsync();
        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        Assert.Equal(before, await SnapshotAsync(host, admin.TenantId));
        await using var check = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(JobState.Failed, (await check.JobRuns.SingleAsync(j => j.Id == jobId)).State);
        var failed = await check.ImportRuns.SingleAsync(r => r.JobRunId == jobId);
        Assert.Equal(ImportState.Failed, failed.State);
        Assert.Contains("Nothing was changed", failed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondImportJob_WhileAnotherRunsForTheSameSource_IsRejected()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.ImportRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running));
        }

        // A second job for the same source (e.g. "run again" on the Jobs page) while the first runs.
        var jobId = await host.QueueJobAsync(admin.TenantId, new ImportJobParameters(id, []));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(admin.TenantId, jobId, CancellationToken.None);
        }

        await using var check = host.CreateTenantContext(admin.TenantId);
        var job = await check.JobRuns.SingleAsync(j => j.Id == jobId);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("still running", job.Error, StringComparison.Ordinal);
        Assert.Equal(0, await check.Interactions.CountAsync());
    }

    [Fact]
    public async Task ExportErrors_EscapesCellsThatASpreadsheetWouldRunAsFormulas()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u9,i1,=SUM(A1),,2026-06-01 10:00:00\n");
        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var (name, content) = await host.InScopeAsync<ImportHistoryService, (string, byte[])>(s => s.ExportErrorsAsync(runs[0].Id));

        var text = Encoding.UTF8.GetString(content);
        Assert.EndsWith(".csv", name, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFline,column,value,reason", text, StringComparison.Ordinal);
        Assert.Contains("5,event_type,'=SUM(A1),", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportErrors_AProblemOfNoLine_HasAnEmptyLineCell()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", "sql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (host, admin) = await StartAsync(s => s.Configure<DataSourcesOptions>(o => o.SqliteSourcePath = folder));
            await using var _ = host;
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "shop.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE t (x INTEGER);";
                await command.ExecuteNonQueryAsync();
            }

            var id = await CreateSourceAsync(host, new DataSourceInput
            {
                Name = "Shop DB", Kind = DataSourceKind.SqlDatabase, SqlProvider = SqlProvider.Sqlite, ConnectionString = "Data Source=shop.db",
                Queries = new Dictionary<DatasetKind, string?> { [DatasetKind.Interactions] = "SELECT * FROM no_such_table" },
            });
            var (runs, _) = await ImportAsync(host, admin.TenantId, id);

            var (_, content) = await host.InScopeAsync<ImportHistoryService, (string, byte[])>(s => s.ExportErrorsAsync(runs[0].Id));

            var row = Encoding.UTF8.GetString(content).Split("\r\n")[1];
            Assert.StartsWith(",,,The query could not run", row, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task History_ShowsTheRunsWithTheirReport()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u9,i1,teleport,,2026-06-01 10:00:00\n");
        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var history = await host.InScopeAsync<ImportHistoryService, IReadOnlyList<ImportRunView>>(s => s.HistoryAsync(id));
        var report = await host.InScopeAsync<ImportHistoryService, ImportRunReport>(s => s.ReportAsync(runs[0].Id));
        var list = await host.InScopeAsync<DataSourceService, IReadOnlyList<DataSourceSummary>>(s => s.ListAsync());

        Assert.Equal((ImportState.Succeeded, 100), (history.Single().Run.State, history.Single().Progress));
        Assert.Single(report.Errors);
        Assert.Equal((3L, ImportState.Succeeded), (list.Single().LastImportRows!.Value, list.Single().LastImportState!.Value));
    }

    [Fact]
    public async Task SaveMapping_IsUsedByTheNextImport_AndAnIncompleteMappingIsRefused()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, "who;what;when;kind\nu1;i1;2026-06-01 10:00:00;click\n");
        var preview = await host.InScopeAsync<DataSourceUploadService, FilePreview>(s => s.PreviewAsync(id, DatasetKind.Interactions));
        Assert.Equal((";", "utf-8", 4, 1), (preview.Delimiter, preview.Encoding, preview.Header.Count, preview.Rows.Count));

        var incomplete = await host.InScopeAsync<DataSourceUploadService, Result>(s => s.SaveMappingAsync(id, DatasetKind.Interactions,
            new ColumnMapping([new("who", ImportFields.UserId)])));
        var saved = await host.InScopeAsync<DataSourceUploadService, Result>(s => s.SaveMappingAsync(id, DatasetKind.Interactions, new ColumnMapping(
            [new("who", ImportFields.UserId), new("what", ImportFields.ItemId), new("when", ImportFields.Timestamp), new("kind", ImportFields.EventType)])));
        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.False(incomplete.Succeeded);
        Assert.Contains("Item id", incomplete.Errors[0], StringComparison.Ordinal);
        Assert.True(saved.Succeeded);
        Assert.Equal(1, runs.Single().RowsAccepted);
    }

    [Fact]
    public async Task Delete_RemovesTheSourceItsHistoryAndItsFiles_AndIsAudited()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u9,i1,teleport,,2026-06-01 10:00:00\n");
        await ImportAsync(host, admin.TenantId, id);

        var result = await host.InScopeAsync<DataSourceService, Result>(s => s.DeleteAsync(id));

        Assert.True(result.Succeeded);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Empty(await db.DataSources.ToListAsync());
        Assert.Empty(await db.ImportRuns.ToListAsync());
        Assert.Empty(await db.ImportErrors.ToListAsync());
        Assert.Contains(await db.AuditLog.Select(a => a.Action).ToListAsync(), a => a == "DataSource.Deleted");
    }

    /// <summary>A long stream that fails the test if anyone reads past <c>failPast</c> bytes: proof that nothing is buffered whole.</summary>
    private sealed class LimitGuardStream(long length, long failPast) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (_position + n > failPast)
            {
                throw new InvalidOperationException($"Read past the limit: {_position + n} bytes.");
            }

            Array.Fill(buffer, (byte)'a', offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
