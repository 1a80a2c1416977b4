using Dashboard.Application.DataSources;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources;

/// <summary>A tenant's query runs as written, so the session it runs in must not reach anything else.</summary>
public sealed class SqlSourceConnectorTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", "sql-lock-" + Guid.NewGuid().ToString("N"));
    private TestHost? _host;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using (var setup = new SqliteConnection($"Data Source={Path.Combine(_folder, "shop.db")};Pooling=False"))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE orders (customer TEXT, product TEXT); INSERT INTO orders VALUES ('c1', 'p1');";
            await create.ExecuteNonQueryAsync();
        }

        _host = await TestHost.StartAsync(s => s.Configure<DataSourcesOptions>(o => o.SqliteSourcePath = _folder));
    }

    [Fact]
    public async Task SqliteSource_CannotAttachAnotherDatabaseFile()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ATTACH DATABASE '{Path.Combine(_host!.ContentRoot, "dashboard.db")}' AS own; SELECT count(*) FROM own.AspNetUsers;";

        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SqliteSource_CannotChangeTheTenantsFile()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orders;";

        await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task SqliteSource_ReadsTheTenantsOwnRows()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer FROM orders;";

        Assert.Equal("c1", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Server=db.example.test;Database=shop;Integrated Security=true")]
    [InlineData("Server=db.example.test;Database=shop;Authentication=Active Directory Default")]
    public async Task SqlServerSource_SigningInAsTheAppsOwnIdentity_IsRefused(string connectionString)
    {
        var connector = _host!.Services.GetRequiredService<ISqlSourceConnector>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connector.OpenAsync(SqlProvider.SqlServer, connectionString, CancellationToken.None));

        Assert.Contains("SQL login", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlProvider.Sqlite, "shop.db", "Data Source=<file name>")]
    [InlineData(SqlProvider.SqlServer, "db.example.test", "Server=<host>;Database=<database>;User Id=<login>;Password=<password>")]
    [InlineData(SqlProvider.SqlServer, "Server=db.example.test;Flavour=strawberry", "Server=<host>;Database=<database>;User Id=<login>;Password=<password>")]
    public async Task MalformedConnectionString_IsRefusedWithTheFormItShouldHave(SqlProvider provider, string connectionString, string form)
    {
        var connector = _host!.Services.GetRequiredService<ISqlSourceConnector>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connector.OpenAsync(provider, connectionString, CancellationToken.None));

        Assert.StartsWith($"The connection string is not valid: write it as {form}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteSource_OutsideTheFolder_IsRefusedWithoutShowingTheServersFolder()
    {
        var connector = _host!.Services.GetRequiredService<ISqlSourceConnector>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => connector.OpenAsync(SqlProvider.Sqlite, "Data Source=../elsewhere.db", CancellationToken.None));

        Assert.Contains("the folder your administrator set up for SQLite sources", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, error.Message, StringComparison.Ordinal);
    }

    private Task<System.Data.Common.DbConnection> OpenAsync() =>
        _host!.Services.GetRequiredService<ISqlSourceConnector>().OpenAsync(SqlProvider.Sqlite, "Data Source=shop.db", CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
