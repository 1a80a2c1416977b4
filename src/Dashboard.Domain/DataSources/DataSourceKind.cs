namespace Dashboard.Domain.DataSources;

public enum DataSourceKind
{
    FileUpload,
    SqlDatabase,
    EventsApi,
    SampleData,
}
