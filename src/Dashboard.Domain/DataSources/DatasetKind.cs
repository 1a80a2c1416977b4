namespace Dashboard.Domain.DataSources;

/// <summary>The kinds of data a source can bring.</summary>
public enum DatasetKind
{
    Interactions,
    Items,
    EndUserAttributes,

    /// <summary>End-users' consent records (append-only: an import never replaces the history).</summary>
    Consents,
}
