namespace Dashboard.Domain.DataSources;

public enum ImportMode
{
    /// <summary>Add new rows; end-users and items with a known id are updated.</summary>
    Append,

    /// <summary>The import becomes the dataset: the tenant's previous rows of that dataset are removed.</summary>
    Replace,
}
