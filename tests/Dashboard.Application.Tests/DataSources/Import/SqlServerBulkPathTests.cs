using Dashboard.Domain.Data;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.DataSources;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Application.Tests.DataSources.Import;

/// <summary>No SQL Server runs here: the bulk path is checked for its shape and its SQL, not executed.</summary>
public sealed class SqlServerBulkPathTests
{
    private static DashboardDbContext SqlServerContext()
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DbContextOptionsConfigurator.Configure(builder,
            new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True" },
            Path.GetTempPath());
        builder.UseApplicationServiceProvider(DesignTimeServices.IdentityOptionsProvider());
        return new DashboardDbContext(builder.Options);
    }

    [Fact]
    public void BulkCopyTable_HasExactlyTheInteractionsColumnsOfTheSqlServerModel()
    {
        using var db = SqlServerContext();
        var entity = db.Model.FindEntityType(typeof(Interaction))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var modelColumns = entity.GetProperties().Where(p => p.Name != nameof(Interaction.Id)).Select(p => p.GetColumnName(store)!).OrderBy(c => c).ToList();

        using var table = SqlBulkCopyInteractionWriter.CreateTable();

        Assert.Equal(modelColumns, table.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName).OrderBy(c => c).ToList());
        Assert.Equal(typeof(string), table.Columns[nameof(Interaction.Type)]!.DataType);
        Assert.Equal("nvarchar(16)", entity.FindProperty(nameof(Interaction.Type))!.GetColumnType());
    }

    [Fact]
    public void BulkCopy_MapsEveryColumnByName_IntoTheInteractionsTable()
    {
        using var connection = new SqlConnection("Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True");
        using var table = SqlBulkCopyInteractionWriter.CreateTable();

        using var copy = SqlBulkCopyInteractionWriter.CreateBulkCopy(connection, null, "[Interactions]", table);

        Assert.Equal("[Interactions]", copy.DestinationTableName);
        Assert.Equal(table.Columns.Count, copy.ColumnMappings.Count);
        Assert.All(copy.ColumnMappings.Cast<SqlBulkCopyColumnMapping>(), m => Assert.Equal(m.SourceColumn, m.DestinationColumn));
    }

    [Fact]
    public async Task Commands_OnSqlServer_UseBracketsAndOutputInsertedId()
    {
        await using var db = SqlServerContext();
        var commands = new ProviderCommands(db, null!);

        await using var insert = commands.Insert<EndUser>(true, nameof(EndUser.TenantId), nameof(EndUser.ExternalId), nameof(EndUser.CreatedAtUtc));

        Assert.True(commands.IsSqlServer);
        Assert.Equal("INSERT INTO [EndUsers] ([TenantId], [ExternalId], [CreatedAtUtc]) OUTPUT INSERTED.[Id] VALUES (@p0, @p1, @p2)", insert.CommandText);
    }
}
