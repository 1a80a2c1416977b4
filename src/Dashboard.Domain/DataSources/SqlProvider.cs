namespace Dashboard.Domain.DataSources;

public enum SqlProvider
{
    SqlServer,
    Sqlite,
}
