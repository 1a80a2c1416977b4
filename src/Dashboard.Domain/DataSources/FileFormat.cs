namespace Dashboard.Domain.DataSources;

public enum FileFormat
{
    /// <summary>CSV/TSV or any delimiter, with a header row and a column mapping.</summary>
    Delimited,

    /// <summary>MovieLens 100K files (u.data tab-separated, u.item / u.user pipe-separated, ISO-8859-1).</summary>
    MovieLens100K,

    /// <summary>MovieLens 1M files ("::"-separated, ISO-8859-1, the timestamp may be empty).</summary>
    MovieLens1M,
}
