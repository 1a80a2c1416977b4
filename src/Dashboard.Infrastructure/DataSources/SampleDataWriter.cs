using System.Data.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>
/// Replaces a tenant's data with a generated set inside one transaction. End-users and items go
/// through EF (thousands of rows, ids needed back); interactions — the bulk — through one prepared
/// command reused per row, which is what keeps 100k rows on SQLite to about a second.
/// </summary>
internal sealed class SampleDataWriter(IDbContextFactory<DashboardDbContext> factory, TimeProvider time) : ISampleDataWriter
{
    private const int EntityBatch = 2_000;

    public async Task ReplaceTenantDataAsync(Guid tenantId, SampleDataSet data, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(progress);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.BindTenant(tenantId);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        // Interactions and attributes cascade from end-users and items, but deleting them first keeps
        // the statement count small on providers that cascade row by row.
        await db.Interactions.ExecuteDeleteAsync(cancellationToken);
        await db.EndUserAttributes.ExecuteDeleteAsync(cancellationToken);
        await db.ItemAttributes.ExecuteDeleteAsync(cancellationToken);
        await db.EndUsers.ExecuteDeleteAsync(cancellationToken);
        await db.Items.ExecuteDeleteAsync(cancellationToken);
        progress.Report(5);

        var now = time.GetUtcNow().UtcDateTime;
        var userIds = await InsertAsync(db, data.Users, u => { u.TenantId = tenantId; u.CreatedAtUtc = now; }, u => u.Id, cancellationToken);
        progress.Report(15);
        var itemIds = await InsertAsync(db, data.Items, i => { i.TenantId = tenantId; i.CreatedAtUtc = now; }, i => i.Id, cancellationToken);
        progress.Report(20);

        await InsertInteractionsAsync(db, tx, tenantId, data.Interactions, userIds, itemIds, progress, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // A bulk write changes the tables' shape; refresh the planner's statistics while we are here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }

        progress.Report(100);
    }

    private static async Task<long[]> InsertAsync<T>(
        DashboardDbContext db, IReadOnlyList<T> rows, Action<T> stamp, Func<T, long> id, CancellationToken cancellationToken)
        where T : class
    {
        var ids = new long[rows.Count];
        for (var start = 0; start < rows.Count; start += EntityBatch)
        {
            var end = Math.Min(rows.Count, start + EntityBatch);
            for (var i = start; i < end; i++)
            {
                stamp(rows[i]);
                db.Add(rows[i]);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            for (var i = start; i < end; i++)
            {
                ids[i] = id(rows[i]);
            }

            db.ChangeTracker.Clear();
        }

        return ids;
    }

    private static async Task InsertInteractionsAsync(
        DashboardDbContext db, IDbContextTransaction tx, Guid tenantId, SampleInteraction[] rows, long[] userIds, long[] itemIds,
        IProgress<int> progress, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Interaction))!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        var sql = db.Database.IsSqlServer() ? "[" : "\"";
        var close = db.Database.IsSqlServer() ? "]" : "\"";
        string Quote(string name) => sql + name + close;

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = tx.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO {Quote(entity.GetTableName()!)} ({Quote(Column(nameof(Interaction.TenantId)))}, {Quote(Column(nameof(Interaction.EndUserId)))}, " +
            $"{Quote(Column(nameof(Interaction.ItemId)))}, {Quote(Column(nameof(Interaction.Type)))}, {Quote(Column(nameof(Interaction.Value)))}, " +
            $"{Quote(Column(nameof(Interaction.OccurredAtUtc)))}) VALUES (@t, @u, @i, @k, @v, @at)";
        var tenant = Bind(command, entity, nameof(Interaction.TenantId), "@t", tenantId);
        var user = Bind(command, entity, nameof(Interaction.EndUserId), "@u", 0L);
        var item = Bind(command, entity, nameof(Interaction.ItemId), "@i", 0L);
        var kind = Bind(command, entity, nameof(Interaction.Type), "@k", InteractionType.View);
        var value = Bind(command, entity, nameof(Interaction.Value), "@v", 0d);
        var at = Bind(command, entity, nameof(Interaction.OccurredAtUtc), "@at", DateTime.UnixEpoch);
        await command.PrepareAsync(cancellationToken);

        var step = Math.Max(1, rows.Length / 40);
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            user.Set(userIds[row.UserIndex]);
            item.Set(itemIds[row.ItemIndex]);
            kind.Set(row.Type);
            value.Set(row.Value);
            at.Set(row.OccurredAtUtc);
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (r % step == 0)
            {
                progress.Report(20 + (int)(80L * r / rows.Length));
            }
        }

        GC.KeepAlive(tenant);
    }

    /// <summary>
    /// Creates the parameter through EF's own type mapping, so values are stored exactly as EF stores
    /// them (SQLite: GUIDs and dates as text, enums as their names).
    /// </summary>
    private static BoundParameter Bind(DbCommand command, IEntityType entity, string property, string name, object initial)
    {
        var mapping = (RelationalTypeMapping)entity.FindProperty(property)!.GetTypeMapping();
        var parameter = mapping.CreateParameter(command, name, initial);
        command.Parameters.Add(parameter);
        var bound = new BoundParameter(parameter, mapping.Converter);
        bound.Set(initial);
        return bound;
    }

    private sealed class BoundParameter(DbParameter parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        public void Set(object value) => parameter.Value = converter is null ? value : converter.ConvertToProvider(value);
    }
}
