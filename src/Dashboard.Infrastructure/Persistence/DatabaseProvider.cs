namespace Dashboard.Infrastructure.Persistence;

public static class DatabaseProvider
{
    public const string Sqlite = nameof(Sqlite);
    public const string SqlServer = nameof(SqlServer);

    public const string SqliteMigrationsAssembly = "Dashboard.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Dashboard.Migrations.SqlServer";
}
