namespace Dashboard.Domain.DataSources;

/// <summary>The three kinds of data a source can bring.</summary>
public enum DatasetKind
{
    Interactions,
    Items,
    EndUserAttributes,
}
