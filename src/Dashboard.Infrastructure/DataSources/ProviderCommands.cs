using System.Data.Common;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>
/// Prepared INSERT/UPDATE/DELETE commands built from the EF model (table and column names, type
/// mappings), so values are stored exactly as EF stores them on either provider.
/// </summary>
internal sealed class ProviderCommands(DashboardDbContext db, DbTransaction? transaction)
{
    public bool IsSqlServer { get; } = db.Database.IsSqlServer();

    public string Quote(string name) => IsSqlServer ? $"[{name}]" : $"\"{name}\"";

    public string Table<T>() => Quote(Entity<T>().GetTableName()!);

    public string Column<T>(string property) => Quote(Entity<T>().FindProperty(property)!.GetColumnName());

    public IEntityType Entity<T>() => db.Model.FindEntityType(typeof(T))!;

    /// <summary>INSERT of <paramref name="properties"/>; with <paramref name="returnId"/> it returns the new "Id".</summary>
    public Prepared Insert<T>(bool returnId, params string[] properties)
    {
        var columns = string.Join(", ", properties.Select(Column<T>));
        var values = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        var output = returnId && IsSqlServer ? $" OUTPUT INSERTED.{Column<T>("Id")}" : string.Empty;
        var returning = returnId && !IsSqlServer ? $" RETURNING {Column<T>("Id")}" : string.Empty;
        return Create<T>($"INSERT INTO {Table<T>()} ({columns}){output} VALUES ({values}){returning}", properties);
    }

    /// <summary>A plain command in the session's transaction (schema statements, lookups without parameters).</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public Prepared Create<T>(string sql, params string[] properties)
    {
        var command = CreateCommand(sql);
        var entity = Entity<T>();
        var parameters = new Bound[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)entity.FindProperty(properties[i])!.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameter);
            parameters[i] = new Bound(parameter, mapping.Converter);
        }

        return new Prepared(command, parameters);
    }

    internal sealed class Bound(DbParameter parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        public void Set(object? value) => parameter.Value = Convert(value);

        public void SetRaw(object value) => parameter.Value = value;

        public object Convert(object? value) => value is null ? DBNull.Value : converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
    }

    internal sealed class Prepared(DbCommand command, Bound[] parameters) : IAsyncDisposable
    {
        private bool _prepared;

        public string CommandText => command.CommandText;

        public Prepared With(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Set(values[i]);
            }

            if (!_prepared)
            {
                command.Prepare();
                _prepared = true;
            }

            return this;
        }

        public void Set(int index, object? value) => parameters[index].Set(value);

        /// <summary>Sets a value already in its stored form (see <see cref="Convert"/>).</summary>
        public void SetRaw(int index, object value) => parameters[index].SetRaw(value);

        public object Convert(int index, object? value) => parameters[index].Convert(value);

        public int Execute()
        {
            if (!_prepared)
            {
                command.Prepare();
                _prepared = true;
            }

            return command.ExecuteNonQuery();
        }

        public object? ExecuteScalar() => command.ExecuteScalar();

        public long ExecuteId() => System.Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
